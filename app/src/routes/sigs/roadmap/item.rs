//! `/sigs/:slug/roadmap/:id`: one item, its description and its history.

use leptos::prelude::*;

use crate::api::roadmap::{load_roadmap_item, DeleteRoadmapItem};
use crate::components::form::{field_error, FormError};
use crate::components::markdown::RenderedMarkdown;
use crate::components::page_loader::PageLoader;
use crate::components::page_meta::PageMeta;
use crate::i18n::{href, t, t_with};
use crate::models::roadmap::RoadmapItemDetail;

#[component]
pub fn RoadmapItemPage() -> impl IntoView {
    let key = crate::routes::sigs::slug_and_id();
    let item = Resource::new(key, |(slug, id)| load_roadmap_item(slug, id));
    view! {
        <PageLoader resource=item loading=t("item-loading") show=move |detail| {
            view! { <ItemDetails detail /> }.into_any()
        } />
    }
}

#[component]
fn ItemDetails(detail: RoadmapItemDetail) -> impl IntoView {
    let RoadmapItemDetail {
        card,
        description_html,
        exit_criterion,
        history,
        can_edit,
    } = detail;
    let board = href(&format!("/sigs/{}/roadmap", card.sig_slug));
    let sig = || crate::i18n::FluentValue::from(card.sig_name.clone());
    let summary = if card.excerpt.is_empty() {
        t_with("item-description", &[("sig", sig())])
    } else {
        card.excerpt.clone()
    };
    view! {
        <PageMeta title=format!("{} · {}", card.title, card.sig_name) description=summary path=card.href() />
        <nav aria-label=crate::i18n::t("breadcrumb") class="breadcrumb">
            <a href=board.clone()>{t_with("board-title", &[("sig", sig())])}</a>
        </nav>
        <header class="page-header">
            <p class="eyebrow">{t("item-eyebrow")}</p>
            <h1>{card.title.clone()}</h1>
            <p class="card-meta">
                <span class="badge">{card.status.label()}</span>
                <span>{card.target_month.label()}</span>
                {card.overdue.then(|| view! { <span class="badge badge-warning">{t("card-overdue")}</span> })}
            </p>
        </header>
        <div class="sig-layout">
            <section class="panel" aria-labelledby="facts-heading">
                <h2 id="facts-heading">{t("item-facts")}</h2>
                <dl class="facts">
                    <dt>{t("item-status")}</dt><dd>{card.status.label()}</dd>
                    <dt>{t("item-target")}</dt><dd>{card.target_month.label()}</dd>
                    <dt>{t("item-owner")}</dt>
                    <dd>{card.owner.as_ref().map(|o| o.display_name.clone()).unwrap_or_else(|| t("item-nobody"))}</dd>
                    <dt>{t("item-link")}</dt>
                    <dd>{match card.link_url.clone() {
                        Some(url) => {
                            let text = crate::models::roadmap::link_label(&url);
                            view! { <a href=url rel="noopener nofollow">{text}</a> }.into_any()
                        }
                        None => view! { <span class="empty">{t("item-none")}</span> }.into_any(),
                    }}</dd>
                    <dt>{t("item-done-when")}</dt>
                    <dd>{if exit_criterion.is_empty() { t("item-no-exit") } else { exit_criterion }}</dd>
                </dl>
            </section>
            <section class="panel panel-two" aria-labelledby="description-heading">
                <h2 id="description-heading">{t("item-description-heading")}</h2>
                {if description_html.trim().is_empty() {
                    view! { <p class="empty">{t("card-no-description")}</p> }.into_any()
                } else {
                    view! { <RenderedMarkdown html=description_html /> }.into_any()
                }}
            </section>
            <section class="panel panel-wide" aria-labelledby="history-heading">
                <h2 id="history-heading">{t("item-history")}</h2>
                <ol class="history">
                    {history.into_iter().map(|entry| view! {
                        <li>
                            <time datetime=entry.at_iso>{entry.at_label.clone()}</time>
                            " · "<strong>{entry.who}</strong>": "{entry.summary}
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        </div>
        {can_edit.then(|| view! {
            <div class="item-actions">
                <a class="button" href=href(&format!("{}/edit", card.href()))>{t("item-edit")}</a>
                <DeleteForm sig=card.sig_slug.clone() id=card.id version=card.version title=card.title.clone() />
            </div>
        })}
    }
}

/// Deleting asks for a ticked confirmation, checked on the server too.
#[component]
fn DeleteForm(sig: String, id: i64, version: i64, title: String) -> impl IntoView {
    let action = ServerAction::<DeleteRoadmapItem>::new();
    let value = Signal::derive(move || action.value().get());
    let error = field_error(value, "confirm");
    view! {
        <section class="panel danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{t("item-delete-heading")}</h2>
            <FormError value />
            <ActionForm action attr:class="form">
                <input type="hidden" name="sig" value=sig />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=version />
                <div class="field field-check">
                    <input type="checkbox" id="delete-confirm" name="confirm" value="yes"
                        aria-describedby="delete-confirm-error" />
                    <label for="delete-confirm">{t_with("item-delete-confirm", &[("title", title.into())])}</label>
                    <p class="field-error" id="delete-confirm-error" role="alert">{move || error.get()}</p>
                </div>
                <button type="submit" class="button button-danger">{t("item-delete")}</button>
            </ActionForm>
        </section>
    }
}
