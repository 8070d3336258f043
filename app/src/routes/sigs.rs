//! `/sigs`: the SIG directory with its filter.

pub mod edit;
pub mod health;
pub mod meetings;
pub mod members;
pub mod page;
pub mod reports;
pub mod roadmap;
pub mod welcome;

use crate::components::page_meta::PageMeta;
use leptos::prelude::*;

use crate::i18n::{href, t, Words};
use leptos_router::hooks::use_query_map;

use crate::api::directory::list_sigs;
use crate::api::meetings::sigs_meeting_in_hours;
use crate::api::membership::load_standings;
use crate::components::error_notice::ErrorNotice;
use crate::components::fresh_page::{replace_address, with_query};
use crate::components::sig_card::SigCard;
use crate::components::working_hours::{WorkingHoursFilter, HOURS_WORDS};
use crate::models::meeting::WorkingHours;
use crate::models::sig::{text_matches, SigSummary};

/// The `:slug` and `:id` of the address, for the pages about one thing of a
/// SIG; an `:id` that is not a number reads as 0, which is never a record.
pub fn slug_and_id() -> impl Fn() -> (String, i64) + Clone + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        let params = params.read();
        let id = params.get("id").and_then(|id| id.parse().ok()).unwrap_or(0);
        (params.get("slug").unwrap_or_default(), id)
    }
}

/// Longest filter text accepted; longer input is cut, never an error.
pub const FILTER_MAX_CHARS: usize = 100;

/// Every SIG as a card, with a text filter and a working-hours filter. Both
/// are plain GET forms (`?q=`, `?tz=&from=&to=`) answered by the server; once
/// hydrated, the text filter narrows the list as you type.
#[component]
pub fn SigDirectory() -> impl IntoView {
    let sigs = Resource::new(|| (), |_| list_sigs());
    let standings = Resource::new(|| (), |_| load_standings());
    let query = use_query_map();
    let initial: String = query
        .read_untracked()
        .get("q")
        .unwrap_or_default()
        .chars()
        .take(FILTER_MAX_CHARS)
        .collect();
    let hours = WorkingHours {
        tz: query.read_untracked().get("tz").unwrap_or_default(),
        from: query.read_untracked().get("from").unwrap_or_default(),
        to: query.read_untracked().get("to").unwrap_or_default(),
    };
    let in_hours = Resource::new(
        {
            let hours = hours.clone();
            move || hours.clone()
        },
        sigs_meeting_in_hours,
    );

    view! {
        <PageMeta title=t("directory-title") path="/sigs" description=t("directory-description") />
        <Suspense fallback=|| view! { <p class="loading">{t("loading-sigs")}</p> }>
            {move || {
                let (hours, initial) = (hours.clone(), initial.clone());
                Suspend::new(async move {
                    let (allowed, error) = match in_hours.await {
                        Ok(allowed) => (allowed, None),
                        Err(error) => (None, Some(error.field("tz").unwrap_or_else(|| error.to_string()))),
                    };
                    let standings = standings.await.unwrap_or_default();
                    match sigs.await {
                        Ok(mut all) => {
                            let only_in_hours = allowed.is_some_and(|allowed| {
                                all.retain(|sig| allowed.contains(&sig.slug));
                                true
                            });
                            let texts = all.iter().map(SigSummary::search_text).collect();
                            let query = initial.clone();
                            view! {
                                <SigFinder texts initial=initial.clone() only_in_hours
                                    words=Words::of(&FINDER_WORDS) all_sigs=href("/sigs")>
                                    <WorkingHoursFilter hours error query directory=href("/sigs")
                                        words=Words::of(&HOURS_WORDS) />
                                </SigFinder>
                                <ul class="card-grid sig-grid" id="sig-grid">
                                    {all.into_iter().map(|sig| {
                                        let hidden = !sig.matches(&initial);
                                        let standing = standings.of(&sig.slug).cloned();
                                        view! { <SigCard sig hidden standing /> }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                        Err(error) => view! {
                            <header class="page-header"><DirectoryTitle /></header>
                            <ErrorNotice error />
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The words `SigFinder` shows.
const FINDER_WORDS: [&str; 11] = [
    "directory-heading",
    "directory-lead",
    "finder-label",
    "finder-placeholder",
    "finder-button",
    "finder-total-one",
    "finder-total-other",
    "finder-showing",
    "finder-in-hours",
    "finder-show-all",
    "finder-none",
];

#[component]
fn DirectoryTitle() -> impl IntoView {
    view! {
        <h1>{t("directory-heading")}</h1>
        <p class="lead-text">{t("directory-lead")}</p>
    }
}

/// The filter form, the count and the empty state (an island: the browser
/// narrows the cards below as you type). `texts` are the cards' search texts
/// in page order; `children` is the working-hours filter under the form.
#[island]
fn SigFinder(
    texts: Vec<String>,
    initial: String,
    /// The list is already narrowed to SIGs meeting in the visitor's hours.
    only_in_hours: bool,
    /// The island's words and the directory's address in the page's
    /// language (the browser has no translations).
    words: Words,
    all_sigs: String,
    children: Children,
) -> impl IntoView {
    let filter = RwSignal::new(initial.clone());
    let total = texts.len();
    let shown = Memo::new(move |_| {
        let text = filter.get();
        texts
            .iter()
            .map(|haystack| text_matches(haystack, &text))
            .collect::<Vec<_>>()
    });
    // The cards are server-rendered below the island: show the matching ones.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| show_cards(&shown.read()));
    // Keep the address shareable without a reload when the form is submitted.
    let on_submit = {
        let directory = all_sigs.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            replace_address(&with_query(&directory, &filter.get_untracked()));
        }
    };
    let count = move || shown.read().iter().filter(|shown| **shown).count();
    view! {
        <header class="page-header">
            <h1>{words.get("directory-heading")}</h1>
            <p class="lead-text">{words.get("directory-lead")}</p>
            <form class="filter" role="search" method="get" action=all_sigs.clone() on:submit=on_submit>
                <label for="sig-filter">{words.get("finder-label")}</label>
                <div class="filter-row">
                    <input
                        id="sig-filter"
                        type="search"
                        name="q"
                        maxlength=FILTER_MAX_CHARS
                        placeholder=words.get("finder-placeholder")
                        autocomplete="off"
                        value=initial
                        prop:value=move || filter.get()
                        on:input=move |event| filter.set(event_target_value(&event))
                    />
                    <button type="submit" class="button">{words.get("finder-button")}</button>
                </div>
            </form>
            {children()}
        </header>
        {only_in_hours.then(|| view! {
            <p class="notice" role="status">
                {words.get("finder-in-hours")}" "
                <a href=all_sigs.clone()>{words.get("finder-show-all")}</a>
            </p>
        })}
        <p class="result-count" role="status" aria-live="polite">
            {
                let words = words.clone();
                move || {
                    let total_text = total.to_string();
                    match count() {
                        count if count == total => {
                            let key = if total == 1 { "finder-total-one" } else { "finder-total-other" };
                            words.fill(key, &[("total", total_text)])
                        }
                        count => words.fill("finder-showing", &[("count", count.to_string()), ("total", total_text)]),
                    }
                }
            }
        </p>
        <Show when=move || count() == 0>
            <div class="empty-state">
                <p>{
                    let words = words.clone();
                    move || words.fill("finder-none", &[("text", filter.get())])
                }</p>
                <p><a href=all_sigs.clone()>{words.get("finder-show-all")}</a></p>
            </div>
        </Show>
    }
}

/// Hides the directory's cards whose entry in `shown` is false.
#[cfg(feature = "hydrate")]
fn show_cards(shown: &[bool]) {
    use leptos::wasm_bindgen::JsCast;
    let Some(grid) = document().get_element_by_id("sig-grid") else {
        return;
    };
    let cards = grid.children();
    for (index, shown) in shown.iter().enumerate() {
        if let Some(card) = cards
            .item(index as u32)
            .and_then(|card| card.dyn_into::<web_sys::HtmlElement>().ok())
        {
            card.set_hidden(!shown);
        }
    }
}
