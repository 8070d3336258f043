//! `/roadmap`: every SIG's items, filtered by SIG, status, month and owner.
//! The filters are a plain GET form, so a filtered view is a link to share
//! and works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::roadmap::load_community_roadmap;
use crate::components::error_notice::ErrorNotice;
use crate::components::page_meta::PageMeta;
use crate::components::roadmap_card::RoadmapCardView;
use crate::i18n::{href, t, t_with};
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
        <PageMeta title=t("roadmap-title") path="/roadmap" description=t("roadmap-description") />
        <leptos_meta::Link rel="alternate" type_="application/atom+xml"
            title=t("roadmap-feed-title") href=href("/roadmap.atom") />
        <header class="page-header">
            <h1>{t("roadmap-title")}</h1>
            <p class="lead-text">{t("roadmap-lead")}</p>
            <p><a href=href("/roadmap.atom")>{t("roadmap-feed")}</a></p>
        </header>
        <Transition fallback=|| view! { <p class="loading">{t("roadmap-loading")}</p> }>
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
            label: status.label(),
        })
        .collect();
    let shown = cards.len();
    view! {
        <form class="filter-bar" method="get" action=href("/roadmap") aria-label=t("roadmap-filter")>
            <FilterSelect label=t("roadmap-filter-sig") name="sig" any=t("roadmap-any-sig") choices=sigs selected=filter.sig.clone() />
            <FilterSelect label=t("item-status") name="status" any=t("roadmap-any-status") choices=statuses selected=filter.status.clone() />
            <FilterSelect label=t("roadmap-filter-month") name="month" any=t("roadmap-any-month") choices=months selected=filter.month.clone() />
            <FilterSelect label=t("item-owner") name="owner" any=t("roadmap-any-owner") choices=owners selected=filter.owner.clone() />
            <div class="filter-actions">
                <button type="submit" class="button">{t("roadmap-apply")}</button>
                <a href=href("/roadmap")>{t("roadmap-clear")}</a>
            </div>
        </form>
        <h2 class="visually-hidden">{t("roadmap-items")}</h2>
        <p class="result-count" role="status">{t_with("roadmap-showing", &[("shown", shown.into()), ("total", total.into())])}</p>
        {if cards.is_empty() {
            view! {
                <div class="empty-state"><p>{t("roadmap-none")}</p></div>
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
    label: String,
    name: &'static str,
    any: String,
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
