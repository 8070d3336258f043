//! When a meeting is: in its own zone and in UTC from the server, and in the
//! visitor's zone once the page is hydrated (the browser knows its zone; the
//! bundle carries no zone data, it asks `Intl`).

use leptos::prelude::*;
use leptos::web_sys::js_sys;

use crate::models::meeting::{relative_label, MeetingInstant};

/// An island: the browser fills in the visitor's own time.
#[island]
pub fn MeetingTime(instant: MeetingInstant) -> impl IntoView {
    let local = RwSignal::new(None::<String>);
    let relative = RwSignal::new(instant.relative.clone());
    let starts_unix = instant.starts_unix;
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| {
        local.set(in_visitor_zone(starts_unix));
        let now_seconds = (js_sys::Date::now() / 1000.0) as i64;
        relative.set(relative_label(starts_unix - now_seconds));
    });
    view! {
        <p class="meeting-time">
            <time datetime=instant.starts_iso.clone()>{instant.in_zone}</time>
            <span class="meeting-zone">{instant.zone_label}</span>
            <span class="meeting-utc">{instant.in_utc}" · "{move || relative.get()}</span>
            // Always present, so the line does not move the page when it fills.
            <span class="meeting-local" data-testid="meeting-local">
                {move || local.get().map(|text| format!("Your time: {text}"))}
            </span>
        </p>
    }
}

/// "Thursday 26 November, 16:00 GMT+9" in the browser's own zone.
fn in_visitor_zone(starts_unix: i64) -> Option<String> {
    use leptos::wasm_bindgen::JsValue;
    let options = js_sys::Object::new();
    for (key, value) in [
        ("weekday", "long"),
        ("day", "numeric"),
        ("month", "long"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
        ("timeZoneName", "short"),
    ] {
        js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
    }
    let date = js_sys::Date::new(&JsValue::from_f64(starts_unix as f64 * 1000.0));
    date.to_locale_string("en-GB", &options).as_string()
}
