//! Results as you type on `/search` (an island around the server-rendered
//! form and results, so the browser carries no copy of either): a pause
//! in typing fetches the page for the new words and puts its results in
//! place, a newer keystroke aborts the older fetch, and a live region
//! reads the count. Arrow keys move between the input and the results.

use leptos::prelude::*;

/// The search field, the element the results live in (redrawn as you
/// type), where a page's result count is written, and the links between
/// which the arrow keys move.
pub const INPUT_ID: &str = "search-query";
pub const RESULTS_ID: &str = "search-results";
pub const SUMMARY_ID: &str = "search-summary";
pub const HIT_CLASS: &str = "search-hit-link";
/// The live region that reads the new count out.
const SAID_ID: &str = "search-said";

#[island]
pub fn SearchAsYouType(children: Children) -> impl IntoView {
    // Every handler is on this element: the events bubble up from the form.
    view! {
        <div
            class="search"
            on:input=move |event| {
                #[cfg(feature = "hydrate")]
                browser::typed(event_target_value(&event));
                #[cfg(not(feature = "hydrate"))]
                let _ = event;
            }
            on:submit=move |event| {
                event.prevent_default();
                #[cfg(feature = "hydrate")]
                browser::typed(browser::submitted_words(&event));
            }
            on:keydown=move |event| {
                #[cfg(feature = "hydrate")]
                browser::arrow_keys(&event);
                #[cfg(not(feature = "hydrate"))]
                let _ = event;
            }
        >
            {children()}
            <p id=SAID_ID class="visually-hidden" role="status" aria-live="polite"></p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::Cell;

    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use leptos::wasm_bindgen::JsCast;
    use web_sys::{Element, FormData, HtmlElement, HtmlFormElement};

    use super::{HIT_CLASS, INPUT_ID, RESULTS_ID, SAID_ID, SUMMARY_ID};
    use crate::components::fresh_page::{redraw, replace_address, with_query};

    /// The pause in typing after which results are fetched.
    const PAUSE_MS: u64 = 250;

    thread_local! {
        /// Bumped by every keystroke: a pause or an answer that is not the
        /// last keystroke's is dropped, so an older answer never replaces
        /// a newer one.
        static TYPED: Cell<u32> = const { Cell::new(0) };
    }

    fn latest() -> u32 {
        TYPED.with(Cell::get)
    }

    /// The words in the submitted form.
    pub fn submitted_words(event: &leptos::ev::SubmitEvent) -> String {
        event
            .target()
            .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
            .and_then(|form| FormData::new_with_form(&form).ok())
            .and_then(|data| data.get("q").as_string())
            .unwrap_or_default()
    }

    /// Keeps the address shareable at once; fetches once typing pauses.
    pub fn typed(text: String) {
        let path = window().location().pathname().unwrap_or_default();
        let url = with_query(&path, &text);
        replace_address(&url);
        let this = latest().wrapping_add(1);
        TYPED.with(|typed| typed.set(this));
        set_timeout(
            move || {
                if latest() == this {
                    spawn_local(fetch(url, this));
                }
            },
            std::time::Duration::from_millis(PAUSE_MS),
        );
    }

    async fn fetch(url: String, this: u32) {
        let Ok(fresh) = redraw(&url, &[RESULTS_ID], &|| latest() == this).await else {
            return;
        };
        if let (Some(summary), Some(said)) = (
            fresh.get_element_by_id(SUMMARY_ID),
            document().get_element_by_id(SAID_ID),
        ) {
            said.set_text_content(summary.text_content().as_deref());
        }
    }

    /// ↓ from the input goes to the first result, ↑ and ↓ between the
    /// results of a kind, ↑ from a kind's first result back to the input.
    pub fn arrow_keys(event: &leptos::ev::KeyboardEvent) {
        let down = match event.key().as_str() {
            "ArrowDown" => true,
            "ArrowUp" => false,
            _ => return,
        };
        let Some(focused) = document().active_element() else {
            return;
        };
        let next: Option<Element> = if focused.class_list().contains(HIT_CLASS) {
            let item = focused.closest("li").ok().flatten();
            match item.and_then(|li| {
                if down {
                    li.next_element_sibling()
                } else {
                    li.previous_element_sibling()
                }
            }) {
                Some(li) => li.query_selector("a").ok().flatten(),
                None if !down => document().get_element_by_id(INPUT_ID),
                None => None,
            }
        } else if down && focused.id() == INPUT_ID {
            document()
                .query_selector(&format!(".{HIT_CLASS}"))
                .ok()
                .flatten()
        } else {
            None
        };
        if let Some(next) = next.and_then(|next| next.dyn_into::<HtmlElement>().ok()) {
            event.prevent_default();
            let _ = next.focus();
        }
    }
}
