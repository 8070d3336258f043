//! `/sigs`: the SIG directory with its filter.

pub mod edit;
pub mod meetings;
pub mod members;
pub mod page;
pub mod roadmap;
pub mod welcome;

use crate::components::page_meta::PageMeta;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::directory::list_sigs;
use crate::api::meetings::sigs_meeting_in_hours;
use crate::components::error_notice::ErrorNotice;
use crate::components::sig_card::SigCard;
use crate::components::working_hours::WorkingHoursFilter;
use crate::models::meeting::WorkingHours;
use crate::models::sig::SigSummary;

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

/// Every SIG as a card. The filter narrows the list as you type once the page
/// is hydrated; without JavaScript the same form submits `?q=` to the server.
#[component]
pub fn SigDirectory() -> impl IntoView {
    let sigs = Resource::new(|| (), |_| list_sigs());
    let query = use_query_map();
    let initial: String = query
        .read_untracked()
        .get("q")
        .unwrap_or_default()
        .chars()
        .take(FILTER_MAX_CHARS)
        .collect();
    let filter = RwSignal::new(initial.clone());
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
    let navigate = use_navigate();
    // Keep the address shareable without a reload when the form is submitted.
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = filter.get_untracked();
        let url = if text.trim().is_empty() {
            "/sigs".to_owned()
        } else {
            format!("/sigs?q={}", encode_query_value(text.trim()))
        };
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };

    view! {
        <PageMeta title="SIG directory" path="/sigs"
            description="Every Special Interest Group of the community: what it works on, who leads it and where it talks." />
        <header class="page-header">
            <h1>"Special Interest Groups"</h1>
            <p class="lead-text">
                "Each SIG owns a part of the project. Find one by topic, technology or lead."
            </p>
            <form class="filter" role="search" method="get" action="/sigs" on:submit=on_submit>
                <label for="sig-filter">"Filter SIGs"</label>
                <div class="filter-row">
                    <input
                        id="sig-filter"
                        type="search"
                        name="q"
                        maxlength=FILTER_MAX_CHARS
                        placeholder="storage, docs, edge…"
                        autocomplete="off"
                        value=filter.get_untracked()
                        prop:value=move || filter.get()
                        on:input=move |event| filter.set(event_target_value(&event))
                    />
                    <button type="submit" class="button">"Filter"</button>
                </div>
            </form>
            <Suspense fallback={
                let (hours, query) = (hours.clone(), initial.clone());
                move || view! { <WorkingHoursFilter hours=hours.clone() error=None query=query.clone() /> }
            }>
                {move || {
                    let (hours, query) = (hours.clone(), initial.clone());
                    Suspend::new(async move {
                        let error = match in_hours.await {
                            Err(error) => Some(error.field("tz").unwrap_or_else(|| error.to_string())),
                            Ok(_) => None,
                        };
                        view! { <WorkingHoursFilter hours error query /> }
                    })
                }}
            </Suspense>
        </header>
        <Suspense fallback=|| view! { <p class="loading">"Loading SIGs…"</p> }>
            {move || Suspend::new(async move {
                let allowed = in_hours.await.ok().flatten();
                match sigs.await {
                    Ok(mut all) => {
                        let note = allowed.map(|allowed| {
                            all.retain(|sig| allowed.contains(&sig.slug));
                            view! {
                                <p class="notice" role="status">
                                    "Only SIGs with a weekday meeting inside your working hours. "
                                    <a href="/sigs">"Show all SIGs"</a>
                                </p>
                            }
                        });
                        view! { {note} <FilteredSigs all filter /> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FilteredSigs(all: Vec<SigSummary>, filter: RwSignal<String>) -> impl IntoView {
    let total = all.len();
    let all = StoredValue::new(all);
    let shown = Memo::new(move |_| {
        let text = filter.get();
        all.with_value(|sigs| {
            sigs.iter()
                .filter(|sig| sig.matches(&text))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <p class="result-count" role="status" aria-live="polite">
            {move || {
                let count = shown.read().len();
                if count == total {
                    format!("{total} SIG{}", if total == 1 { "" } else { "s" })
                } else {
                    format!("Showing {count} of {total} SIGs")
                }
            }}
        </p>
        {move || {
            let list = shown.get();
            if list.is_empty() {
                view! {
                    <div class="empty-state">
                        <p>"No SIG matches “" {filter.get()} "”."</p>
                        <p><a href="/sigs">"Show all SIGs"</a></p>
                    </div>
                }.into_any()
            } else {
                view! {
                    <ul class="card-grid sig-grid">
                        <For each=move || shown.get() key=|sig| sig.slug.clone() let:sig>
                            <SigCard sig />
                        </For>
                    </ul>
                }.into_any()
            }
        }}
    }
}

/// Percent-encodes a query-string value (letters, digits and `-._~` pass through).
fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(byte as char)
            }
            b' ' => encoded.push('+'),
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::encode_query_value;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_query_value("edge computing"), "edge+computing");
        assert_eq!(encode_query_value("a&b=c"), "a%26b%3Dc");
        assert_eq!(encode_query_value("ü"), "%C3%BC");
    }
}
