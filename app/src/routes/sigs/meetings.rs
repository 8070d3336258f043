//! `/sigs/:slug/meetings`: when a SIG meets (each series with its next
//! meeting), a calendar to subscribe to, and the archive of meetings held.

pub mod changes;
pub mod record;
pub mod record_editor;
pub mod series_editor;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::meetings::{load_sig_meetings, DeleteMeetingEntry};
use crate::components::form::{field_error, FormError};
use crate::components::meeting_changes::MeetingChangeList;
use crate::components::meeting_time::MeetingTime;
use crate::components::page_loader::PageLoader;
use crate::components::page_meta::PageMeta;
use crate::i18n::{href, t, t_with};
use crate::models::meeting::{MeetingRecordSummary, SeriesView, SigMeetings};

#[component]
pub fn SigMeetingsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let meetings = Resource::new(slug, load_sig_meetings);
    view! {
        <PageLoader resource=meetings loading=t("meetings-loading") show=move |meetings| {
            view! { <MeetingsOverview meetings /> }.into_any()
        } />
    }
}

#[component]
fn MeetingsOverview(meetings: SigMeetings) -> impl IntoView {
    let SigMeetings {
        sig_slug,
        sig_name,
        series,
        records,
        can_edit,
    } = meetings;
    let path = format!("/sigs/{sig_slug}/meetings");
    let base = href(&path);
    let no_series = series.is_empty();
    let no_records = records.is_empty();
    let sig = || [("sig", crate::i18n::FluentValue::from(sig_name.clone()))];
    view! {
        <PageMeta title=t_with("sig-meetings-title", &sig())
            description=t_with("sig-meetings-description", &sig())
            path=path.clone() />
        <nav aria-label=crate::i18n::t("breadcrumb") class="breadcrumb">
            <a href=crate::i18n::href(&format!("/sigs/{sig_slug}"))>{sig_name.clone()}</a>
        </nav>
        <header class="page-header">
            <p class="eyebrow">{t("meetings-title")}</p>
            <h1>{t_with("sig-meetings-title", &sig())}</h1>
            <p class="lead-text">{t("sig-meetings-lead")}</p>
            <p class="button-row">
                <a class="button button-secondary" href=format!("{base}.ics")>{t("sig-meetings-subscribe")}</a>
                {can_edit.then(|| view! {
                    <a class="button" href=format!("{base}/series/new")>{t("sig-meetings-add-series")}</a>
                    <a class="button" href=format!("{base}/new")>{t("sig-meetings-record")}</a>
                })}
            </p>
        </header>
        <section aria-labelledby="series-heading" class="stack">
            <h2 id="series-heading">{t("sig-meetings-when")}</h2>
            {no_series.then(|| view! { <p class="empty">{t("sig-no-meeting")}</p> })}
            <div class="card-grid">
                {series.into_iter().map(|series| view! { <SeriesCard series can_edit /> }).collect_view()}
            </div>
        </section>
        <section aria-labelledby="archive-heading" class="stack">
            <h2 id="archive-heading">{t("sig-meetings-past")}</h2>
            {no_records.then(|| view! { <p class="empty">{t("sig-meetings-no-records")}</p> })}
            <ol class="archive">
                {records.into_iter().map(|record| view! { <ArchiveLine record base=base.clone() /> }).collect_view()}
            </ol>
        </section>
    }
}

/// One series: its rule, next meeting and links.
#[component]
pub fn SeriesCard(series: SeriesView, #[prop(optional)] can_edit: bool) -> impl IntoView {
    let SeriesView {
        id,
        sig_slug,
        title,
        rule,
        next,
        changes,
        ends,
        join_url,
        notes_url,
        recordings_url,
        ..
    } = series;
    let heading_id = format!("series-{id}");
    let labelled_by = heading_id.clone();
    view! {
        <article class="card series-card" aria-labelledby=labelled_by>
            <h3 id=heading_id>{title.clone()}</h3>
            <p class="card-meta">{rule}</p>
            {match next {
                Some(instant) => view! { <MeetingTime instant /> }.into_any(),
                None => view! { <p class="empty">{t("series-no-date")}</p> }.into_any(),
            }}
            <MeetingChangeList changes ends />
            <p class="link-row">
                {join_url.map(|url| view! { <a href=url rel="noopener">{t("sig-join-call")}</a> })}
                {notes_url.map(|url| view! { <a href=url rel="noopener">{t("series-notes")}</a> })}
                {recordings_url.map(|url| view! { <a href=url rel="noopener">{t("sig-recordings")}</a> })}
            </p>
            {can_edit.then(|| view! {
                <div class="card-actions">
                    <a class="button button-small button-secondary"
                        href=href(&format!("/sigs/{sig_slug}/meetings/series/{id}/edit"))>{t_with("series-edit", &[("title", title.clone().into())])}</a>
                    <a class="button button-small button-secondary"
                        href=href(&format!("/sigs/{sig_slug}/meetings/series/{id}/changes"))>{t_with("series-change", &[("title", title.clone().into())])}</a>
                    <DeleteEntryForm sig=sig_slug.clone() what="series" id
                        label=t_with("series-delete-confirm", &[("title", title.clone().into())]) button=t("series-delete") />
                </div>
            })}
        </article>
    }
}

#[component]
fn ArchiveLine(record: MeetingRecordSummary, base: String) -> impl IntoView {
    view! {
        <li>
            <time datetime=record.held_on.clone()>{record.held_on_label.clone()}</time>
            <a href=format!("{base}/{}", record.id)>{record.title.clone()}</a>
            {record.has_notes.then(|| view! { <span class="badge">{t("sig-notes")}</span> })}
            {record.recording_url.is_some().then(|| view! { <span class="badge">{t("record-recording")}</span> })}
        </li>
    }
}

/// Deleting a series or a record asks for a ticked confirmation, checked on
/// the server too.
#[component]
pub fn DeleteEntryForm(
    sig: String,
    what: &'static str,
    id: i64,
    label: String,
    button: String,
) -> impl IntoView {
    let action = ServerAction::<DeleteMeetingEntry>::new();
    let value = Signal::derive(move || action.value().get());
    let error = field_error(value, "confirm");
    let checkbox_id = format!("delete-{what}-{id}");
    let error_id = format!("{checkbox_id}-error");
    view! {
        <details class="danger-details">
            <summary>{button.clone()}</summary>
            <FormError value />
            <ActionForm action attr:class="form">
                <input type="hidden" name="sig" value=sig />
                <input type="hidden" name="what" value=what />
                <input type="hidden" name="id" value=id />
                <div class="field field-check">
                    <input type="checkbox" id=checkbox_id.clone() name="confirm" value="yes"
                        aria-describedby=error_id.clone() />
                    <label for=checkbox_id>{label}</label>
                    <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
                </div>
                <button type="submit" class="button button-danger button-small">{button}</button>
            </ActionForm>
        </details>
    }
}
