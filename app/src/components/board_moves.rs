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

/// The ids of the parts of a board page that a move changes, redrawn from
/// a fresh copy of the page.
pub const REDRAWN: [&str; 2] = ["board-status", "board-columns"];

/// What a lead reads when a move was refused, naming the item.
pub fn move_refusal(title: Option<&str>, error: &AppError) -> String {
    let title = match (title, error) {
        (Some(title), _) => Some(title.to_owned()),
        (None, AppError::Conflict(current)) => current
            .fields
            .iter()
            .find(|(label, _)| label == "Title")
            .map(|(_, title)| title.clone()),
        _ => None,
    };
    let item = title.map_or_else(|| "The item".to_owned(), |title| format!("“{title}”"));
    match error {
        AppError::Conflict(_) => format!(
            "{item} was not moved: someone changed it meanwhile. The board shows it as saved now; move it again if you still want to."
        ),
        AppError::NotFound => format!("{item} was not moved: it no longer exists."),
        other => format!("{item} was not moved: {other}"),
    }
}

/// The state the island's handlers share (read only in the browser).
#[derive(Clone)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub(crate) struct BoardState {
    pub sig: String,
    /// Said to screen readers after each move.
    pub announcement: RwSignal<String>,
    /// Shown when a move was refused.
    pub problem: RwSignal<Option<String>>,
}

/// Wraps a lead's board: catches its move forms and drags (an island).
#[island]
pub fn BoardMoves(sig: String, children: Children) -> impl IntoView {
    let state = BoardState {
        sig,
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
