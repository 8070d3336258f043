//! `/roadmap`: every SIG's items, filtered by SIG, status, month and owner.
//! The filters are a plain GET form, so a filtered view is a link to share
//! and works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::roadmap::load_community_roadmap;
use crate::components::error_notice::ErrorNotice;
use crate::components::page_meta::PageMeta;
use crate::components::roadmap_card::RoadmapCardView;
use crate::models::fields::Choice;
use crate::models::roadmap::{CommunityRoadmap, RoadmapFilter, RoadmapStatus};

#[component]
pub fn CommunityRoadmapPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let query = query.read();
        let value = |name: &str| {
            query
                .get(name)
                .unwrap_or_default()
                .chars()
                .take(80)
                .collect()
        };
        RoadmapFilter {
            sig: value("sig"),
            status: value("status"),
            month: value("month"),
            owner: value("owner"),
        }
    });
    let roadmap = Resource::new(move || filter.get(), load_community_roadmap);
    view! {
        <PageMeta title=crate::i18n::t("roadmap-title") path="/roadmap"
            description="What every SIG of the community plans to work on in the coming months." />
        <leptos_meta::Link rel="alternate" type_="application/atom+xml"
            title="Community roadmap changes" href="/roadmap.atom" />
        <header class="page-header">
            <h1>"Community roadmap"</h1>
            <p class="lead-text">"Every SIG's areas of focus for the coming months, in one place."</p>
            <p><a href="/roadmap.atom">"Atom feed of every change"</a></p>
        </header>
        <Transition fallback=|| view! { <p class="loading">"Loading the roadmap…"</p> }>
            {move || Suspend::new(async move {
                match roadmap.await {
                    Ok(roadmap) => view! { <Filtered roadmap filter=filter.get_untracked() /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Filtered(roadmap: CommunityRoadmap, filter: RoadmapFilter) -> impl IntoView {
    let CommunityRoadmap {
        cards,
        total,
        sigs,
        owners,
        months,
    } = roadmap;
    let statuses = RoadmapStatus::ALL
        .into_iter()
        .map(|status| Choice {
            value: status.as_str().to_owned(),
            label: status.label().to_owned(),
        })
        .collect();
    let shown = cards.len();
    view! {
        <form class="filter-bar" method="get" action="/roadmap" aria-label="Filter the roadmap">
            <FilterSelect label="SIG" name="sig" any="Every SIG" choices=sigs selected=filter.sig.clone() />
            <FilterSelect label="Status" name="status" any="Any but dropped" choices=statuses selected=filter.status.clone() />
            <FilterSelect label="Month" name="month" any="Any month" choices=months selected=filter.month.clone() />
            <FilterSelect label="Owner" name="owner" any="Anyone" choices=owners selected=filter.owner.clone() />
            <div class="filter-actions">
                <button type="submit" class="button">"Apply filters"</button>
                <a href=crate::i18n::href("/roadmap")>"Clear"</a>
            </div>
        </form>
        <h2 class="visually-hidden">"Items"</h2>
        <p class="result-count" role="status">{format!("Showing {shown} of {total} items")}</p>
        {if cards.is_empty() {
            view! {
                <div class="empty-state"><p>"No item matches these filters."</p></div>
            }.into_any()
        } else {
            view! {
                <ul class="card-grid">
                    {cards.into_iter().map(|card| view! { <RoadmapCardView card show_sig=true /> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn FilterSelect(
    label: &'static str,
    name: &'static str,
    any: &'static str,
    choices: Vec<Choice>,
    selected: String,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="" selected=selected.is_empty()>{any}</option>
                {choices.into_iter().map(|choice| {
                    let is_selected = choice.value == selected;
                    view! { <option value=choice.value selected=is_selected>{choice.label}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
