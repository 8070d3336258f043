//! The search form of `/search` (an island): once hydrated, results come
//! as you type. The results stay server-rendered: a pause in typing fetches
//! the page for the new words and puts its results in place, a newer
//! keystroke aborts the older fetch, and a live region reads the count.
//! Arrow keys move between the input and the results.

use leptos::prelude::*;

use crate::components::fresh_page::{replace_address, with_query};
use crate::i18n::Words;

/// The element the results live in, redrawn as you type.
pub const RESULTS_ID: &str = "search-results";
/// Where a page's result count is written, read out after a redraw.
pub const SUMMARY_ID: &str = "search-summary";
/// The links between which the arrow keys move.
pub const HIT_CLASS: &str = "search-hit-link";
/// The island's words.
pub const SEARCH_WORDS: [&str; 3] = ["search-label", "search-placeholder", "search-button"];
/// The pause in typing after which results are fetched.
#[cfg(feature = "hydrate")]
const PAUSE_MS: u64 = 250;

#[island]
pub fn SearchBox(
    query: String,
    /// `/search` in the page's language.
    action: String,
    words: Words,
    children: Children,
) -> impl IntoView {
    let text = RwSignal::new(query.clone());
    let announcement = RwSignal::new(String::new());
    let typed = {
        let action = action.clone();
        move |event: leptos::ev::Event| {
            text.set(event_target_value(&event));
            let url = with_query(&action, &text.get_untracked());
            replace_address(&url);
            #[cfg(feature = "hydrate")]
            browser::fetch_after_pause(url, text, announcement);
        }
    };
    let on_submit = {
        let action = action.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let url = with_query(&action, &text.get_untracked());
            replace_address(&url);
            #[cfg(feature = "hydrate")]
            browser::fetch_after_pause(url, text, announcement);
            #[cfg(not(feature = "hydrate"))]
            let _ = url;
        }
    };
    view! {
        <div class="search" on:keydown=move |event| {
            #[cfg(feature = "hydrate")]
            browser::arrow_keys(&event);
            #[cfg(not(feature = "hydrate"))]
            let _ = event;
        }>
            <form class="filter" role="search" method="get" action=action on:submit=on_submit>
                <label for="search-query">{words.get("search-label")}</label>
                <div class="filter-row">
                    <input
                        id="search-query"
                        type="search"
                        name="q"
                        maxlength=crate::models::search::QUERY_MAX_CHARS
                        placeholder=words.get("search-placeholder")
                        autocomplete="off"
                        // Reached from the header's magnifier: ready to type.
                        autofocus=query.is_empty()
                        value=query.clone()
                        on:input=typed
                    />
                    <button type="submit" class="button">{words.get("search-button")}</button>
                </div>
            </form>
            <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
            <div id=RESULTS_ID>{children()}</div>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::RefCell;

    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use leptos::wasm_bindgen::JsCast;
    use web_sys::{AbortController, HtmlElement};

    use super::{HIT_CLASS, PAUSE_MS, RESULTS_ID, SUMMARY_ID};
    use crate::components::fresh_page::redraw;

    thread_local! {
        /// The fetch in flight, aborted by the next one.
        static IN_FLIGHT: RefCell<Option<AbortController>> = const { RefCell::new(None) };
    }

    /// Fetches `url` once typing has paused, unless `text` changed meanwhile.
    pub fn fetch_after_pause(url: String, text: RwSignal<String>, said: RwSignal<String>) {
        let typed = text.get_untracked();
        set_timeout(
            move || {
                if text.get_untracked() == typed {
                    spawn_local(fetch(url, said));
                }
            },
            std::time::Duration::from_millis(PAUSE_MS),
        );
    }

    async fn fetch(url: String, said: RwSignal<String>) {
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let signal = controller.signal();
        if let Some(older) = IN_FLIGHT.with(|in_flight| in_flight.replace(Some(controller))) {
            older.abort();
        }
        // An aborted fetch fails quietly: a newer one is on its way.
        if let Ok(fresh) = redraw(&url, &[RESULTS_ID], Some(&signal)).await {
            if let Some(summary) = fresh.get_element_by_id(SUMMARY_ID) {
                said.set(summary.text_content().unwrap_or_default());
            }
        }
    }

    /// ↓ from the input goes to the first result, ↑ and ↓ between results,
    /// ↑ from the first result back to the input.
    pub fn arrow_keys(event: &leptos::ev::KeyboardEvent) {
        let step: i32 = match event.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        let Ok(links) = document().query_selector_all(&format!("#{RESULTS_ID} .{HIT_CLASS}"))
        else {
            return;
        };
        let links: Vec<HtmlElement> = (0..links.length())
            .filter_map(|index| links.item(index)?.dyn_into::<HtmlElement>().ok())
            .collect();
        let focused = document().active_element();
        let at = links
            .iter()
            .position(|link| focused.as_ref() == Some(link.unchecked_ref()));
        let target = match (at, step) {
            (None, 1) => links.first().cloned(),
            (None, _) => return,
            (Some(0), -1) => document()
                .get_element_by_id("search-query")
                .and_then(|input| input.dyn_into::<HtmlElement>().ok()),
            (Some(at), step) => links.get((at as i32 + step) as usize).cloned(),
        };
        if let Some(target) = target {
            event.prevent_default();
            let _ = target.focus();
        }
    }
}
