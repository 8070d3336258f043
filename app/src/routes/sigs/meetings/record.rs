//! `/sigs/:slug/meetings/:id`: one meeting held, its agenda and notes.

use leptos::prelude::*;

use super::DeleteEntryForm;
use crate::api::meetings::load_meeting_record;
use crate::components::markdown::RenderedMarkdown;
use crate::components::page_loader::PageLoader;
use crate::components::page_meta::PageMeta;
use crate::i18n::{href, t, t_with};
use crate::models::meeting::MeetingRecordDetail;

#[component]
pub fn MeetingRecordPage() -> impl IntoView {
    let key = crate::routes::sigs::slug_and_id();
    let record = Resource::new(key, |(slug, id)| load_meeting_record(slug, id));
    view! {
        <PageLoader resource=record loading=t("record-loading") show=move |detail| {
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
    let sig = || crate::i18n::FluentValue::from(sig_name.clone());
    let section = |heading: String, id: &'static str, html: String, empty: String| {
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
            description=t_with("record-description", &[("sig", sig()), ("date", summary.held_on_label.clone().into())])
            path=path.clone() />
        <nav aria-label=t("breadcrumb") class="breadcrumb">
            <a href=href(&base)>{t_with("sig-meetings-title", &[("sig", sig())])}</a>
        </nav>
        <header class="page-header">
            <p class="eyebrow"><time datetime=summary.held_on.clone()>{summary.held_on_label.clone()}</time></p>
            <h1>{summary.title.clone()}</h1>
            {summary.recording_url.clone().map(|url| view! {
                <p><a class="button button-secondary" href=url rel="noopener nofollow">{t("record-watch")}</a></p>
            })}
        </header>
        <div class="sig-layout">
            {section(t("record-agenda"), "agenda-heading", agenda_html, t("record-no-agenda"))}
            {section(t("sig-notes"), "notes-heading", notes_html, t("record-no-notes"))}
        </div>
        {can_edit.then(|| view! {
            <div class="item-actions">
                <a class="button" href=href(&format!("{path}/edit"))>{t("record-edit")}</a>
                <DeleteEntryForm sig=sig_slug.clone() what="record" id=summary.id
                    label=t_with("record-delete-confirm", &[("date", summary.held_on_label.clone().into())]) button=t("record-delete") />
            </div>
        })}
    }
}
