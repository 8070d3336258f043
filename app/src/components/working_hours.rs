//! The directory's "meets within my working hours" filter: a plain GET form
//! (`?tz=…&from=…&to=…`) that works without JavaScript; once hydrated it
//! fills in the browser's own time zone.

use leptos::prelude::*;
use leptos::web_sys::js_sys;

use crate::i18n::Words;
use crate::models::meeting::{WorkingHours, ZONE_MAX_CHARS};

/// An island: the browser suggests its own zone.
#[island]
pub fn WorkingHoursFilter(
    hours: WorkingHours,
    /// The island's words (`HOURS_WORDS`), in the page's language.
    words: Words,
    /// The directory's address in the page's language.
    directory: String,
    /// The message about the last filter, if it could not be applied.
    error: Option<String>,
    /// The text filter, carried along so one does not clear the other.
    query: String,
) -> impl IntoView {
    let zone = RwSignal::new(hours.tz.clone());
    // Effects run only in the browser: suggest its zone when none is set.
    Effect::new(move |_| {
        if zone.get_untracked().trim().is_empty() {
            if let Some(own) = browser_zone() {
                zone.set(own);
            }
        }
    });
    let from = if hours.from.is_empty() {
        WorkingHours::DEFAULT_FROM.to_string()
    } else {
        hours.from
    };
    let to = if hours.to.is_empty() {
        WorkingHours::DEFAULT_TO.to_string()
    } else {
        hours.to
    };
    view! {
        <form class="hours-filter" method="get" action=directory aria-labelledby="hours-heading">
            <p id="hours-heading" class="hours-heading">{words.get("hours-heading")}</p>
            {(!query.is_empty()).then(|| view! { <input type="hidden" name="q" value=query.clone() /> })}
            <div class="filter-row hours-row">
                <div class="field">
                    <label for="hours-zone">{words.get("hours-zone")}</label>
                    <input id="hours-zone" name="tz" type="text" maxlength=ZONE_MAX_CHARS
                        placeholder="Europe/Berlin" autocomplete="off"
                        value=hours.tz.clone() prop:value=move || zone.get()
                        on:input=move |event| zone.set(event_target_value(&event))
                        aria-describedby="hours-error"
                        aria-invalid=error.is_some().then_some("true") />
                </div>
                <div class="field field-narrow">
                    <label for="hours-from">{words.get("hours-from")}</label>
                    <input id="hours-from" name="from" type="number" min="0" max="23" value=from />
                </div>
                <div class="field field-narrow">
                    <label for="hours-to">{words.get("hours-to")}</label>
                    <input id="hours-to" name="to" type="number" min="1" max="24" value=to />
                </div>
                <button type="submit" class="button button-secondary">{words.get("hours-button")}</button>
            </div>
            <p class="field-error" id="hours-error" role="alert">{error.clone()}</p>
        </form>
    }
}

/// The browser's IANA zone, as `Intl` reports it.
fn browser_zone() -> Option<String> {
    use leptos::wasm_bindgen::JsValue;
    let format = js_sys::Intl::DateTimeFormat::default();
    let options = format.resolved_options();
    js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
}

/// The messages the filter shows.
pub const HOURS_WORDS: [&str; 5] = [
    "hours-heading",
    "hours-zone",
    "hours-from",
    "hours-to",
    "hours-button",
];
