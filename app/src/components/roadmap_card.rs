use leptos::prelude::*;

use crate::api::roadmap::{ChangeRoadmapStatus, ReorderRoadmapItem};
use crate::i18n::{href, t, t_with};
use crate::models::roadmap::{link_label, RoadmapCard, RoadmapStatus};

/// The actions a lead uses on a board's cards. They are plain form posts
/// that come back to the board; the page script returns keyboard focus to
/// the pressed button (each has an id).
#[derive(Clone, Copy)]
pub struct CardActions {
    pub change_status: ServerAction<ChangeRoadmapStatus>,
    pub reorder: ServerAction<ReorderRoadmapItem>,
}

impl Default for CardActions {
    fn default() -> Self {
        CardActions {
            change_status: ServerAction::new(),
            reorder: ServerAction::new(),
        }
    }
}

/// One roadmap item as a card: title, target month, owner, link, a short
/// excerpt, and an overdue flag. With `actions`, a lead can move it.
#[component]
pub fn RoadmapCardView(
    card: RoadmapCard,
    /// Name the SIG on the card (the community board mixes SIGs).
    #[prop(optional)]
    show_sig: bool,
    #[prop(default = None)] actions: Option<CardActions>,
    /// Whether the card is first and last of its column (no way up, down).
    #[prop(default = (false, false))]
    ends: (bool, bool),
) -> impl IntoView {
    let item_href = href(&card.href());
    let heading_id = format!("item-{}-title", card.id);
    // What the board's in-place moves read off a lead's card.
    let (item, version) = match actions {
        Some(_) => (Some(card.id), Some(card.version)),
        None => (None, None),
    };
    view! {
        <li class="card roadmap-card" class:roadmap-card-overdue=card.overdue
            data-item=item data-version=version>
            {show_sig.then(|| view! {
                <p class="eyebrow"><a href=href(&format!("/sigs/{}/roadmap", card.sig_slug))>{card.sig_name.clone()}</a></p>
            })}
            <h3 class="card-title" id=heading_id><a href=item_href>{card.title.clone()}</a></h3>
            <p class="card-meta">
                // On a SIG's board the column already says the status.
                {show_sig.then(|| view! { <span class="badge">{card.status.label()}</span> })}
                <span>{card.target_month.label()}</span>
                {card.overdue.then(|| view! { <span class="badge badge-warning">{t("card-overdue")}</span> })}
            </p>
            {(!card.excerpt.is_empty()).then(|| view! { <p class="card-text">{card.excerpt.clone()}</p> })}
            <p class="card-facts-line">
                <span>{match &card.owner {
                    Some(owner) => t_with("card-owner", &[("name", owner.display_name.clone().into())]),
                    None => t("card-no-owner"),
                }}</span>
                {card.link_url.clone().map(|url| {
                    let label = link_label(&url);
                    view! { <a href=url rel="noopener nofollow">{label}</a> }
                })}
            </p>
            {actions.map(|actions| view! { <CardControls card=card.clone() actions ends /> })}
        </li>
    }
}

/// Move to another column, up or down: plain forms. The handle drags the
/// card once the page is hydrated (the buttons stay the keyboard's way).
#[component]
fn CardControls(card: RoadmapCard, actions: CardActions, ends: (bool, bool)) -> impl IntoView {
    let select_id = format!("item-{}-status", card.id);
    let (id, version, sig) = (card.id, card.version, card.sig_slug.clone());
    let edit_href = href(&format!("{}/edit", card.href()));
    // Each form's children closure takes its own copies.
    let (status_sig, status_title) = (sig.clone(), card.title.clone());
    view! {
        <span class="drag-handle" aria-hidden="true" title=t("card-drag")>"⠿"</span>
        <div class="card-actions">
            <ActionForm action=actions.change_status attr:class="inline-form move-form">
                <input type="hidden" name="sig" value=status_sig />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=version />
                <label for=select_id.clone() class="visually-hidden">{t_with("card-status-of", &[("title", status_title.clone().into())])}</label>
                <select id=select_id name="status">
                    {RoadmapStatus::ALL.into_iter().map(|status| view! {
                        <option value=status.as_str() selected=status == card.status>{status.label()}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button button-small button-secondary" id=format!("item-{id}-move")>
                    {t("card-move")}<span class="visually-hidden">{t_with("card-quoted", &[("title", status_title.into())])}</span>
                </button>
            </ActionForm>
            {["up", "down"].into_iter().map(|direction| {
                let arrow = if direction == "up" { "↑" } else { "↓" };
                let nowhere = if direction == "up" { ends.0 } else { ends.1 };
                let (sig, title) = (sig.clone(), card.title.clone());
                let button_id = format!("item-{id}-{direction}");
                view! {
                    <ActionForm action=actions.reorder attr:class="inline-form">
                        <input type="hidden" name="sig" value=sig />
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="direction" value=direction />
                        <button type="submit" class="button button-small button-secondary button-icon"
                            id=button_id disabled=nowhere>
                            <span aria-hidden="true">{arrow}</span>
                            <span class="visually-hidden">{t_with(if direction == "up" { "card-move-up" } else { "card-move-down" }, &[("title", title.into())])}</span>
                        </button>
                    </ActionForm>
                }
            }).collect_view()}
            <a class="button button-small button-secondary" href=edit_href>
                {t("card-edit")}<span class="visually-hidden">{t_with("card-quoted", &[("title", card.title.clone().into())])}</span>
            </a>
        </div>
    }
}
