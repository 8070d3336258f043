//! `/sigs/:slug/meetings/:id`: one meeting held, its agenda and notes.

use leptos::prelude::*;

use super::DeleteEntryForm;
use crate::api::meetings::load_meeting_record;
use crate::components::markdown::RenderedMarkdown;
use crate::components::page_loader::PageLoader;
use crate::components::page_meta::PageMeta;
use crate::models::meeting::MeetingRecordDetail;

#[component]
pub fn MeetingRecordPage() -> impl IntoView {
    let key = crate::routes::sigs::slug_and_id();
    let record = Resource::new(key, |(slug, id)| load_meeting_record(slug, id));
    view! {
        <PageLoader resource=record loading="Loading the meeting…" show=move |detail| {
            view! { <RecordDetails detail /> }.into_any()
        } />
    }
}

#[component]
fn RecordDetails(detail: MeetingRecordDetail) -> impl IntoView {
    let MeetingRecordDetail {
        sig_slug,
        sig_name,
        summary,
        agenda_html,
        notes_html,
        can_edit,
    } = detail;
    let base = format!("/sigs/{sig_slug}/meetings");
    let path = format!("{base}/{}", summary.id);
    let section = |heading: &'static str, id: &'static str, html: String, empty: &'static str| {
        view! {
            <section class="panel panel-wide" aria-labelledby=id>
                <h2 id=id>{heading}</h2>
                {if html.trim().is_empty() {
                    view! { <p class="empty">{empty}</p> }.into_any()
                } else {
                    view! { <RenderedMarkdown html /> }.into_any()
                }}
            </section>
        }
    };
    view! {
        <PageMeta title=format!("{} · {}", summary.title, summary.held_on_label)
            description=format!("Agenda and notes of the {sig_name} meeting on {}.", summary.held_on_label)
            path=path.clone() />
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=base.clone()>{format!("Meetings of {sig_name}")}</a>
        </nav>
        <header class="page-header">
            <p class="eyebrow"><time datetime=summary.held_on.clone()>{summary.held_on_label.clone()}</time></p>
            <h1>{summary.title.clone()}</h1>
            {summary.recording_url.clone().map(|url| view! {
                <p><a class="button button-secondary" href=url rel="noopener nofollow">"Watch the recording"</a></p>
            })}
        </header>
        <div class="sig-layout">
            {section("Agenda", "agenda-heading", agenda_html, "No agenda was written down.")}
            {section("Notes", "notes-heading", notes_html, "No notes yet.")}
        </div>
        {can_edit.then(|| view! {
            <div class="item-actions">
                <a class="button" href=format!("{path}/edit")>"Edit this record"</a>
                <DeleteEntryForm sig=sig_slug.clone() what="record" id=summary.id
                    label=format!("Yes, delete the record of {}.", summary.held_on_label) button="Delete record" />
            </div>
        })}
    }
}
