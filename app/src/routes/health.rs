//! `/health`: every active SIG in one table with a freshness light, by rules
//! written on the page; each column sorts by a link, so it works with and
//! without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::health::load_health;
use crate::components::error_notice::ErrorNotice;
use crate::components::page_meta::PageMeta;
use crate::i18n::{href, t, t_with};
use crate::models::health::{HealthColumn, HealthTable, Light, SigHealth, FRESH_DAYS};

#[component]
pub fn HealthPage() -> impl IntoView {
    let query = use_query_map();
    let table = Resource::new(
        move || {
            let query = query.read();
            (
                query.get("sort").unwrap_or_default(),
                query.get("order").unwrap_or_default(),
            )
        },
        |(sort, order)| load_health(sort, order),
    );
    let days = || [("days", FRESH_DAYS.into())];
    view! {
        <PageMeta title=t("health-title") path="/health" description=t("health-description") />
        <header class="page-header">
            <h1>{t("health-title")}</h1>
            <p class="lead-text">{t("health-lead")}</p>
        </header>
        <section class="section" aria-labelledby="health-rules-heading">
            <h2 id="health-rules-heading">{t("health-rules-heading")}</h2>
            <ul class="health-rules">
                <li>{t_with("health-rule-meetings", &days())}</li>
                <li>{t_with("health-rule-board", &days())}</li>
                <li>{t_with("health-rule-leads", &days())}</li>
            </ul>
            <p>{t("health-rule-lights")}</p>
        </section>
        <Suspense fallback=|| view! { <p class="loading">{t("health-loading")}</p> }>
            {move || Suspend::new(async move {
                match table.await {
                    Ok(table) => view! { <Table table /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Table(table: HealthTable) -> impl IntoView {
    let headers = HealthColumn::ALL
        .into_iter()
        .map(|column| view! { <SortHeader column sorted_by=table.sorted_by reversed=table.reversed /> })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="health-caption" tabindex="0">
            <table class="roster health-table">
                <caption id="health-caption">{t("health-caption")}</caption>
                <thead><tr>{headers}</tr></thead>
                <tbody>
                    {table.rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A column heading: a link that sorts by it, or reverses it when it is
/// the order already shown.
#[component]
fn SortHeader(column: HealthColumn, sorted_by: HealthColumn, reversed: bool) -> impl IntoView {
    let current = sorted_by == column;
    let reverse_next = current && !reversed;
    let link = format!(
        "/health?sort={}{}",
        column.as_str(),
        if reverse_next { "&order=desc" } else { "" }
    );
    let sort_state = current.then_some(if reversed { "descending" } else { "ascending" });
    view! {
        <th scope="col" aria-sort=sort_state>
            <a href=href(&link)>
                {t(match column {
                    HealthColumn::Name => "health-column-name",
                    HealthColumn::Light => "health-column-light",
                    HealthColumn::Meetings => "health-column-meetings",
                    HealthColumn::Board => "health-column-board",
                    HealthColumn::Items => "health-column-items",
                    HealthColumn::Members => "health-column-members",
                    HealthColumn::Leads => "health-column-leads",
                })}
                {current.then(|| view! {
                    <span aria-hidden="true">{if reversed { " ▼" } else { " ▲" }}</span>
                })}
            </a>
        </th>
    }
}

#[component]
fn Row(row: SigHealth) -> impl IntoView {
    let light = row.light();
    let light_label = t(match light {
        Light::Green => "health-light-green",
        Light::Amber => "health-light-amber",
        Light::Red => "health-light-red",
    });
    let meetings = match &row.last_meeting {
        Some(day) => t_with(
            "health-meetings-value",
            &[
                ("count", row.recent_meetings.into()),
                ("last", day.clone().into()),
            ],
        ),
        None => t("health-never"),
    };
    let board = match row.board_updated_days_ago {
        Some(days) => t_with("health-days-ago", &[("days", days.into())]),
        None => t("health-never"),
    };
    view! {
        <tr>
            <th scope="row"><a href=href(&format!("/sigs/{}", row.slug))>{row.name.clone()}</a></th>
            <td><span class=format!("health-light health-light-{}", light.as_str())>{light_label}</span></td>
            <td>{meetings}</td>
            <td>{board}</td>
            <td>{t_with("health-items-value", &[("open", row.open_items.into()), ("overdue", row.overdue_items.into())])}</td>
            <td>{row.active_members}</td>
            <td>{t_with("health-leads-value", &[("active", row.active_leads.into()), ("all", row.leads.into())])}</td>
        </tr>
    }
}
