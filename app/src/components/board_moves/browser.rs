//! The move forms sent from the page, and the board redrawn after.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, FormData, HtmlFormElement, SubmitEvent};

use super::{move_refusal, BoardState, REDRAWN};
use crate::api::roadmap::{change_roadmap_status, place_roadmap_item, reorder_roadmap_item};
use crate::components::fresh_page::redraw;

/// A move a lead asked for.
pub(super) enum Move {
    /// To the end of another column (the Move button).
    Column { status: String, label: String },
    /// One place `up` or `down` (the arrows).
    Step { direction: String },
    /// Dropped into a column, just before an item or last.
    Drop {
        status: String,
        label: String,
        before: Option<i64>,
    },
}

/// A card of the board as the page shows it.
pub(super) struct Card {
    pub element: Element,
    pub id: i64,
    version: i64,
    title: String,
}

impl Card {
    /// The card `element` is in, if it is a lead's card.
    pub fn of(element: &Element) -> Option<Card> {
        let card = element.closest("[data-item]").ok()??;
        let id = card.get_attribute("data-item")?.parse().ok()?;
        let version = card.get_attribute("data-version")?.parse().ok()?;
        let title = card
            .query_selector(".card-title")
            .ok()??
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_owned();
        Some(Card {
            element: card,
            id,
            version,
            title,
        })
    }

    /// The status of the column the card is in.
    pub fn status(&self) -> Option<String> {
        self.element
            .closest("[data-status]")
            .ok()
            .flatten()
            .and_then(|column| column.get_attribute("data-status"))
    }
}

/// A move form of a card was sent: send it from the page instead.
pub fn submitted(state: &BoardState, event: SubmitEvent) {
    let Some(form) = event
        .target()
        .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let (Some(card), Ok(data)) = (Card::of(&form), FormData::new_with_form(&form)) else {
        return;
    };
    let field = |name: &str| data.get(name).as_string();
    let chosen = if let Some(direction) = field("direction") {
        Move::Step { direction }
    } else if let Some(status) = field("status") {
        let label = form
            .query_selector("option:checked")
            .ok()
            .flatten()
            .and_then(|option| option.text_content())
            .unwrap_or_else(|| status.clone());
        Move::Column { status, label }
    } else {
        return;
    };
    event.prevent_default();
    let focus_after = event
        .submitter()
        .map(|button| button.id())
        .filter(|id| !id.is_empty());
    send(state.clone(), card, chosen, focus_after);
}

/// Sends a move; the card shows it is busy until the board is redrawn.
pub(super) fn send(state: BoardState, card: Card, chosen: Move, focus_after: Option<String>) {
    if card.element.get_attribute("aria-busy").as_deref() == Some("true") {
        return;
    }
    if let Move::Column { status, label } = &chosen {
        if card.status().as_deref() == Some(status.as_str()) {
            let text = state.words.fill(
                "move-already",
                &[("title", card.title.clone()), ("column", label.clone())],
            );
            say(&state, text);
            return;
        }
    }
    show_busy(&card.element);
    state.problem.set(None);
    spawn_local(async move {
        // Runs after the page's own submit listener, which kept the button.
        crate::components::page_script::browser::forget_submitter();
        let sig = state.sig.clone();
        let (result, done) = match chosen {
            Move::Column { status, label } => (
                change_roadmap_status(sig, card.id, card.version, status).await,
                moved_to(&state, &card.title, &label),
            ),
            Move::Step { direction } => {
                let key = if direction == "up" {
                    "move-done-up"
                } else {
                    "move-done-down"
                };
                let done = state.words.fill(key, &[("title", card.title.clone())]);
                (reorder_roadmap_item(sig, card.id, direction).await, done)
            }
            Move::Drop {
                status,
                label,
                before,
            } => (
                place_roadmap_item(sig, card.id, card.version, status, before).await,
                moved_to(&state, &card.title, &label),
            ),
        };
        // Redrawn after a refusal too: the board then shows what is saved.
        let here = window().location().href().unwrap_or_default();
        if redraw(&here, &REDRAWN, &|| true).await.is_err() {
            let _ = window().location().reload();
            return;
        }
        match result {
            Ok(()) => say(&state, done),
            Err(error) => {
                let message = move_refusal(&state.words, Some(&card.title), &error);
                state.problem.set(Some(message.clone()));
                say(&state, message);
            }
        }
        if let Some(id) = focus_after {
            crate::components::page_script::browser::focus_button_or_twin(&id);
        }
    });
}

/// Tells screen readers (the same words twice are announced twice).
/// "Moved “Title” to In progress."
fn moved_to(state: &BoardState, title: &str, column: &str) -> String {
    state.words.fill(
        "move-done-to",
        &[("title", title.to_owned()), ("column", column.to_owned())],
    )
}

fn say(state: &BoardState, words: String) {
    state.announcement.set(String::new());
    let announcement = state.announcement;
    request_animation_frame(move || announcement.set(words));
}

/// Greys the card and its controls while its move is under way.
fn show_busy(card: &Element) {
    let _ = card.set_attribute("aria-busy", "true");
    let _ = card.class_list().add_1("card-busy");
    if let Ok(controls) = card.query_selector_all("button, select") {
        for index in 0..controls.length() {
            if let Some(Ok(control)) = controls.item(index).map(|node| node.dyn_into::<Element>()) {
                let _ = control.set_attribute("disabled", "");
            }
        }
    }
}
