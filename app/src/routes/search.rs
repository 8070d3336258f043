//! `/search?q=…`: SIGs, roadmap items, meeting records, guidance pages and
//! leads matching every word, grouped by kind, the matching words marked.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::search::search;
use crate::components::error_notice::ErrorNotice;
use crate::components::page_meta::PageMeta;
use crate::components::search_box::{SearchAsYouType, HIT_CLASS, INPUT_ID, RESULTS_ID, SUMMARY_ID};
use crate::i18n::{href, t, t_with};
use crate::models::search::{Fragment, SearchGroup, SearchKind, SearchResults};

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let results = Resource::new(move || query.read().get("q").unwrap_or_default(), search);
    view! {
        <PageMeta title=t("search-title") path="/search" description=t("search-description") />
        <header class="page-header">
            <h1>{t("search-title")}</h1>
            <p class="lead-text">{t("search-lead")}</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">{t("search-loading")}</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(results) => view! {
                        <SearchAsYouType>
                            <SearchForm query=results.query.clone() />
                            <div id=RESULTS_ID><Results results /></div>
                        </SearchAsYouType>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A plain GET form: the page for the words typed.
#[component]
fn SearchForm(query: String) -> impl IntoView {
    view! {
        <form class="filter" role="search" method="get" action=href("/search")>
            <label for=INPUT_ID>{t("search-label")}</label>
            <div class="filter-row">
                <input
                    id=INPUT_ID
                    type="search"
                    name="q"
                    maxlength=crate::models::search::QUERY_MAX_CHARS
                    placeholder=t("search-placeholder")
                    autocomplete="off"
                    // Reached from the header's magnifier: ready to type.
                    autofocus=query.is_empty()
                    value=query.clone()
                />
                <button type="submit" class="button">{t("search-button")}</button>
            </div>
        </form>
    }
}

#[component]
fn Results(results: SearchResults) -> impl IntoView {
    let total = results.total();
    let summary = match (results.query.is_empty(), total) {
        (true, _) => t("search-empty-query"),
        (false, 0) => t_with("search-none", &[("query", results.query.clone().into())]),
        (false, count) => t_with(
            "search-count",
            &[
                ("count", count.into()),
                ("query", results.query.clone().into()),
            ],
        ),
    };
    view! {
        <p class="result-count" id=SUMMARY_ID>{summary}</p>
        {(!results.query.is_empty() && total == 0).then(|| view! {
            <div class="empty-state">
                <p>{t("search-none-hint")}</p>
                <a class="button button-secondary" href=href("/sigs")>{t("search-browse-sigs")}</a>
            </div>
        })}
        {results.groups.into_iter().map(|group| view! { <Group group /> }).collect_view()}
    }
}

#[component]
fn Group(group: SearchGroup) -> impl IntoView {
    let heading_id = format!("search-{}", group.kind.as_str());
    let labelled_by = heading_id.clone();
    let count = group.hits.len() + group.more;
    view! {
        <section class="section search-group" aria-labelledby=labelled_by>
            <h2 id=heading_id>
                {kind_heading(group.kind)}" "
                <span class="badge">{count}</span>
            </h2>
            <ol class="search-hits">
                {group.hits.into_iter().map(|hit| view! {
                    <li class="search-hit">
                        <a class=HIT_CLASS href=href(&hit.path)><Marked fragments=hit.title /></a>
                        {(!hit.context.is_empty()).then(|| view! { <p class="search-context">{hit.context}</p> })}
                        {(!hit.excerpt.is_empty()).then(|| view! {
                            <p class="search-excerpt"><Marked fragments=hit.excerpt /></p>
                        })}
                    </li>
                }).collect_view()}
            </ol>
            {(group.more > 0).then(|| view! {
                <p class="muted">{t_with("search-more", &[("count", group.more.into())])}</p>
            })}
        </section>
    }
}

fn kind_heading(kind: SearchKind) -> String {
    t(match kind {
        SearchKind::Sig => "search-kind-sigs",
        SearchKind::RoadmapItem => "search-kind-roadmap",
        SearchKind::Meeting => "search-kind-meetings",
        SearchKind::Guidance => "search-kind-guidance",
        SearchKind::Person => "search-kind-people",
    })
}

/// Text with its matching runs in `<mark>` (the text itself escaped).
#[component]
fn Marked(fragments: Vec<Fragment>) -> impl IntoView {
    fragments
        .into_iter()
        .map(|fragment| {
            if fragment.marked {
                view! { <mark>{fragment.text}</mark> }.into_any()
            } else {
                fragment.text.into_any()
            }
        })
        .collect_view()
}
