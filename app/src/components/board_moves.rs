//! Board moves in place: once hydrated, a lead's Move, ↑ and ↓ and drags
//! are sent without leaving the page, the card shows it is being moved, a
//! screen reader hears the outcome, and the board is redrawn from the
//! server's answer. Without JavaScript the same buttons post their forms.

#[cfg(feature = "hydrate")]
mod browser;
#[cfg(feature = "hydrate")]
mod drag;

use leptos::prelude::*;

use crate::errors::AppError;
use crate::i18n::Words;

/// The words of moves and their refusals, sent to the island.
pub const MOVE_WORDS: &[&str] = &[
    "move-item",
    "move-the-item",
    "move-refused-conflict",
    "move-refused-gone",
    "move-refused",
    "move-already",
    "move-done-to",
    "move-done-up",
    "move-done-down",
];

/// The ids of the parts of a board page that a move changes, redrawn from
/// a fresh copy of the page.
pub const REDRAWN: [&str; 2] = ["board-status", "board-columns"];

/// What a lead reads when a move was refused, naming the item.
pub fn move_refusal(words: &Words, title: Option<&str>, error: &AppError) -> String {
    let title = match (title, error) {
        (Some(title), _) => Some(title.to_owned()),
        // The title is the first of the current values a conflict carries.
        (None, AppError::Conflict(current)) => {
            current.fields.first().map(|(_, title)| title.clone())
        }
        _ => None,
    };
    let item = title.map_or_else(
        || words.get("move-the-item"),
        |title| words.fill("move-item", &[("title", title)]),
    );
    let key = match error {
        AppError::Conflict(_) => "move-refused-conflict",
        AppError::NotFound => "move-refused-gone",
        _ => "move-refused",
    };
    words.fill(key, &[("item", item)])
}

/// The state the island's handlers share (read only in the browser).
#[derive(Clone)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub(crate) struct BoardState {
    pub sig: String,
    pub words: Words,
    /// Said to screen readers after each move.
    pub announcement: RwSignal<String>,
    /// Shown when a move was refused.
    pub problem: RwSignal<Option<String>>,
}

/// Wraps a lead's board: catches its move forms and drags (an island).
#[island]
pub fn BoardMoves(sig: String, words: Words, children: Children) -> impl IntoView {
    let state = BoardState {
        sig,
        words,
        announcement: RwSignal::new(String::new()),
        problem: RwSignal::new(None),
    };
    let (announcement, problem) = (state.announcement, state.problem);
    #[cfg(feature = "hydrate")]
    {
        let state = state.clone();
        Effect::new(move |_| drag::listen(state.clone()));
    }
    view! {
        <div class="board-moves"
            on:submit={
                let state = state.clone();
                move |event| {
                    #[cfg(feature = "hydrate")]
                    browser::submitted(&state, event);
                    #[cfg(not(feature = "hydrate"))]
                    let _ = (&state, event);
                }
            }>
            <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
            {move || problem.get().map(|message| view! {
                <div class="notice notice-error" role="alert"><p>{message}</p></div>
            })}
            {children()}
        </div>
    }
}
