//! When a meeting is: in its own zone and in UTC from the server, and in the
//! visitor's zone once the page is hydrated (the browser knows its zone; the
//! bundle carries no zone data or translations, it asks `Intl` in the
//! page's language).

use leptos::prelude::*;
use leptos::web_sys::js_sys;

use crate::i18n::Words;
use crate::models::meeting::MeetingInstant;

const WORDS: &[&str] = &["meeting-your-time", "relative-now"];

/// A meeting's time, with the visitor's own filled in by the browser.
#[component]
pub fn MeetingTime(instant: MeetingInstant) -> impl IntoView {
    let locale = crate::i18n::language().formats().to_owned();
    view! { <MeetingTimeIsland instant locale words=Words::of(WORDS) /> }
}

/// An island: the browser fills in the visitor's own time.
#[island]
fn MeetingTimeIsland(
    instant: MeetingInstant,
    /// The locale the page's dates follow ("en-GB", "zh-CN").
    locale: String,
    words: Words,
) -> impl IntoView {
    let local = RwSignal::new(None::<String>);
    let relative = RwSignal::new(instant.relative.clone());
    let starts_unix = instant.starts_unix;
    let now_word = words.get("relative-now");
    let locale_for_effect = locale.clone();
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| {
        local.set(in_visitor_zone(&locale_for_effect, starts_unix));
        let now_seconds = (js_sys::Date::now() / 1000.0) as i64;
        if let Some(text) = relative_to(&locale_for_effect, starts_unix - now_seconds) {
            relative.set(text);
        } else {
            relative.set(now_word.clone());
        }
    });
    view! {
        <p class="meeting-time">
            <time datetime=instant.starts_iso.clone()>{instant.in_zone}</time>
            <span class="meeting-zone">{instant.zone_label}</span>
            <span class="meeting-utc">{instant.in_utc}" · "{move || relative.get()}</span>
            // Always present, so the line does not move the page when it fills.
            <span class="meeting-local" data-testid="meeting-local">
                {move || local.get().map(|text| words.fill("meeting-your-time", &[("time", text)]))}
            </span>
        </p>
    }
}

fn options(pairs: &[(&str, &str)]) -> Option<js_sys::Object> {
    use leptos::wasm_bindgen::JsValue;
    let options = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
    }
    Some(options)
}

/// "Thursday 26 November, 16:00 GMT+9" in the browser's own zone.
fn in_visitor_zone(locale: &str, starts_unix: i64) -> Option<String> {
    use leptos::wasm_bindgen::JsValue;
    let options = options(&[
        ("weekday", "long"),
        ("day", "numeric"),
        ("month", "long"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
        ("timeZoneName", "short"),
    ])?;
    let date = js_sys::Date::new(&JsValue::from_f64(starts_unix as f64 * 1000.0));
    date.to_locale_string(locale, &options).as_string()
}

/// "in 5 hours", "5小时后" for a start `seconds` away, counted as the
/// server counts; `None` once it has started.
fn relative_to(locale: &str, seconds: i64) -> Option<String> {
    let (count, unit) = crate::models::meeting::relative_count(seconds)?;
    let locales = js_sys::Array::of1(&locale.into());
    let format = js_sys::Intl::RelativeTimeFormat::new(&locales, &options(&[])?);
    format.format(count as f64, unit).as_string()
}
