//! `/sigs/:slug/roadmap/:id`: one item, its description and its history.

use leptos::prelude::*;

use crate::api::roadmap::{load_roadmap_item, DeleteRoadmapItem};
use crate::components::form::{field_error, FormError};
use crate::components::markdown::RenderedMarkdown;
use crate::components::page_loader::PageLoader;
use crate::components::page_meta::PageMeta;
use crate::models::roadmap::RoadmapItemDetail;

#[component]
pub fn RoadmapItemPage() -> impl IntoView {
    let key = crate::routes::sigs::slug_and_id();
    let item = Resource::new(key, |(slug, id)| load_roadmap_item(slug, id));
    view! {
        <PageLoader resource=item loading="Loading the item…" show=move |detail| {
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
    let board = format!("/sigs/{}/roadmap", card.sig_slug);
    let summary = if card.excerpt.is_empty() {
        format!("A roadmap item of {}.", card.sig_name)
    } else {
        card.excerpt.clone()
    };
    view! {
        <PageMeta title=format!("{} · {}", card.title, card.sig_name) description=summary path=card.href() />
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=board.clone()>{format!("{} roadmap", card.sig_name)}</a>
        </nav>
        <header class="page-header">
            <p class="eyebrow">"Roadmap item"</p>
            <h1>{card.title.clone()}</h1>
            <p class="card-meta">
                <span class="badge">{card.status.label()}</span>
                <span>{card.target_month.label()}</span>
                {card.overdue.then(|| view! { <span class="badge badge-warning">"Overdue"</span> })}
            </p>
        </header>
        <div class="sig-layout">
            <section class="panel" aria-labelledby="facts-heading">
                <h2 id="facts-heading">"At a glance"</h2>
                <dl class="facts">
                    <dt>"Status"</dt><dd>{card.status.label()}</dd>
                    <dt>"Target month"</dt><dd>{card.target_month.label()}</dd>
                    <dt>"Owner"</dt>
                    <dd>{card.owner.as_ref().map(|o| o.display_name.clone()).unwrap_or_else(|| "Nobody yet".to_owned())}</dd>
                    <dt>"Linked issue or PR"</dt>
                    <dd>{match card.link_url.clone() {
                        Some(url) => {
                            let text = crate::models::roadmap::link_label(&url);
                            view! { <a href=url rel="noopener nofollow">{text}</a> }.into_any()
                        }
                        None => view! { <span class="empty">"None"</span> }.into_any(),
                    }}</dd>
                    <dt>"Done when"</dt>
                    <dd>{if exit_criterion.is_empty() { "No exit criterion given.".to_owned() } else { exit_criterion }}</dd>
                </dl>
            </section>
            <section class="panel panel-two" aria-labelledby="description-heading">
                <h2 id="description-heading">"Description"</h2>
                {if description_html.trim().is_empty() {
                    view! { <p class="empty">"No description yet."</p> }.into_any()
                } else {
                    view! { <RenderedMarkdown html=description_html /> }.into_any()
                }}
            </section>
            <section class="panel panel-wide" aria-labelledby="history-heading">
                <h2 id="history-heading">"History"</h2>
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
                <a class="button" href=format!("{}/edit", card.href())>"Edit this item"</a>
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
            <h2 id="delete-heading">"Delete this item"</h2>
            <FormError value />
            <ActionForm action attr:class="form">
                <input type="hidden" name="sig" value=sig />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=version />
                <div class="field field-check">
                    <input type="checkbox" id="delete-confirm" name="confirm" value="yes"
                        aria-describedby="delete-confirm-error" />
                    <label for="delete-confirm">{format!("Yes, delete “{title}”. Its history is kept.")}</label>
                    <p class="field-error" id="delete-confirm-error" role="alert">{move || error.get()}</p>
                </div>
                <button type="submit" class="button button-danger">"Delete item"</button>
            </ActionForm>
        </section>
    }
}
