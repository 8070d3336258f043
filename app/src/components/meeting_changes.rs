//! The coming meetings of a series that a lead cancelled or moved, and the
//! day it ends: shown wherever the series is (SIG page, meetings pages,
//! the welcome page).

use leptos::prelude::*;

use crate::i18n::t;
use crate::models::meeting::{MeetingChangeView, MeetingInstant};

#[component]
pub fn MeetingChangeList(changes: Vec<MeetingChangeView>, ends: Option<String>) -> impl IntoView {
    (!changes.is_empty() || ends.is_some()).then(|| {
        view! {
            <ul class="meeting-changes">
                {changes.into_iter().map(|change| view! { <ChangeLine change /> }).collect_view()}
                {ends.map(|ends| view! { <li class="meeting-change"><span class="badge badge-warning">{t("change-ends")}</span>" "{ends}</li> })}
            </ul>
        }
    })
}

#[component]
fn ChangeLine(change: MeetingChangeView) -> impl IntoView {
    let MeetingChangeView {
        planned,
        moved_to,
        reason,
        ..
    } = change;
    let label = if moved_to.is_some() {
        t("change-moved")
    } else {
        t("change-cancelled")
    };
    view! {
        <li class="meeting-change">
            <span class="badge badge-warning">{label}</span>" "
            <When instant=planned struck=true />
            {moved_to.map(|moved| view! { " → " <When instant=moved struck=false /> })}
            {(!reason.is_empty()).then(|| view! { <span class="change-reason">{reason}</span> })}
        </li>
    }
}

/// The planned time is struck through, the new one of a move is not.
#[component]
fn When(instant: MeetingInstant, struck: bool) -> impl IntoView {
    let text = format!("{} {}", instant.in_zone, instant.zone_label);
    let time = view! { <time datetime=instant.starts_iso>{text}</time> };
    if struck {
        view! { <s>{time}</s> }.into_any()
    } else {
        time.into_any()
    }
}
