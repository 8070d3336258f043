//! `/sigs/:slug/health`: a SIG's last twelve months in three charts, each
//! with a table of the same numbers beside it, then its last activity, its
//! leads' terms and its annual reports.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::sig_health::load_sig_health;
use crate::components::chart_legend::{Legend, LegendEntry};
use crate::components::error_notice::ErrorNotice;
use crate::components::page_meta::PageMeta;
use crate::errors::AppError;
use crate::i18n::{href, t, t_with, FluentValue};
use crate::models::sig_health::{LastActivity, LeadTerm, MonthFigures, SigHealthPage};
use crate::routes::not_found::NotFound;

#[component]
pub fn SigHealthView() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_sig_health,
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <HealthOfSig page /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HealthOfSig(page: SigHealthPage) -> impl IntoView {
    let sig = || [("sig", FluentValue::from(page.name.clone()))];
    let title = t_with("sig-health-title", &sig());
    let base = format!("/sigs/{}", page.slug);
    let span = match (page.months.first(), page.months.last()) {
        (Some(first), Some(last)) => [
            ("from", FluentValue::from(first.label.clone())),
            ("to", FluentValue::from(last.label.clone())),
        ],
        _ => [("from", "".into()), ("to", "".into())],
    };
    let months = page.months.clone();
    view! {
        <PageMeta title=title.clone() path=format!("{base}/health") description=t_with("sig-health-description", &sig()) />
        <nav aria-label=t("breadcrumb") class="breadcrumb"><a href=href(&base)>{page.name.clone()}</a></nav>
        <header class="page-header">
            <p class="eyebrow">{t("sig-health-eyebrow")}</p>
            <h1>{title}</h1>
            <p class="lead-text">{t_with("sig-health-lead", &span)}</p>
        </header>
        <ChartSection id="meetings" svg=page.charts.meetings.clone()
            legend=vec![
                LegendEntry::first(t("sig-health-scheduled")),
                LegendEntry::second(t("sig-health-held")),
                LegendEntry::third(t("sig-health-with-notes")),
            ]
            columns=vec![t("sig-health-scheduled"), t("sig-health-held"), t("sig-health-with-notes"), t("sig-health-with-recording")]
            rows=rows(&months, |m| vec![m.scheduled.to_string(), m.held.to_string(), m.with_notes.to_string(), m.with_recording.to_string()])
            note=t("sig-health-meetings-note") />
        <ChartSection id="members" svg=page.charts.members.clone()
            legend=vec![
                LegendEntry::first(t("sig-health-members")),
                LegendEntry::second(t("sig-health-joined")),
                LegendEntry::third(t("sig-health-left")),
            ]
            columns=vec![t("sig-health-members"), t("sig-health-joined"), t("sig-health-left")]
            rows=rows(&months, |m| vec![m.members.to_string(), m.joined.to_string(), m.left.to_string()])
            note=t("sig-health-members-note") />
        <ChartSection id="roadmap" svg=page.charts.roadmap.clone()
            legend=vec![
                LegendEntry::second(t("sig-health-done")),
                LegendEntry::third(t("sig-health-overdue")),
                LegendEntry::first(t("sig-health-dropped")),
            ]
            columns=vec![t("sig-health-done"), t("sig-health-overdue"), t("sig-health-dropped"), t("sig-health-days-to-done")]
            rows=rows(&months, |m| vec![
                m.done.to_string(), m.overdue.to_string(), m.dropped.to_string(),
                m.median_days_to_done.map(|days| days.to_string()).unwrap_or_else(|| "–".to_owned()),
            ])
            note=t("sig-health-roadmap-note") />
        <LastActivityList last=page.last.clone() />
        <LeadTerms leads=page.leads.clone() />
        <Reports slug=page.slug.clone() years=page.reports.clone() can_edit=page.can_edit this_year=page.this_year />
    }
    // Each section's view is erased too: the page's full type is deeper
    // than the compiler's query depth limit.
    .into_any()
}

/// The table rows: each month's label and the columns `pick` gives.
fn rows(
    months: &[MonthFigures],
    pick: impl Fn(&MonthFigures) -> Vec<String>,
) -> Vec<(String, Vec<String>)> {
    months
        .iter()
        .map(|month| (month.label.clone(), pick(month)))
        .collect()
}

/// A chart and the table of its numbers. The heading, caption and column
/// names are message keys built from `id`, listed in the page below.
#[component]
fn ChartSection(
    id: &'static str,
    svg: String,
    legend: Vec<LegendEntry>,
    columns: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
    note: String,
) -> impl IntoView {
    let (heading, caption) = match id {
        "meetings" => (
            t("sig-health-meetings-heading"),
            t("sig-health-meetings-caption"),
        ),
        "members" => (
            t("sig-health-members-heading"),
            t("sig-health-members-caption"),
        ),
        _ => (
            t("sig-health-roadmap-heading"),
            t("sig-health-roadmap-caption"),
        ),
    };
    let heading_id = format!("health-{id}-heading");
    let caption_id = format!("chart-{id}-caption");
    let table_caption_id = format!("table-{id}-caption");
    let (section_label, table_label) = (heading_id.clone(), table_caption_id.clone());
    view! {
        <section class="section health-chart" aria-labelledby=section_label>
            <h2 id=heading_id>{heading}</h2>
            <p class="field-hint">{note}</p>
            <div class="health-chart-body">
                <figure class="chart-figure">
                    <figcaption id=caption_id>{caption.clone()}</figcaption>
                    <Legend entries=legend />
                    // Drawn on the server from numbers and month names only (see `charts`).
                    <div class="chart" inner_html=svg></div>
                </figure>
                <div class="table-scroll" role="region" aria-labelledby=table_label tabindex="0">
                    <table class="roster health-figures">
                        // The figure above says it; this names the table for screen readers.
                        <caption id=table_caption_id class="visually-hidden">{caption}</caption>
                        <thead><tr>
                            <th scope="col">{t("sig-health-month")}</th>
                            {columns.into_iter().map(|column| view! { <th scope="col">{column}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(month, values)| view! {
                                <tr>
                                    <th scope="row">{month}</th>
                                    {values.into_iter().map(|value| view! { <td>{value}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn LastActivityList(last: LastActivity) -> impl IntoView {
    let item = |label: String, day: Option<String>| {
        view! { <dt>{label}</dt><dd>{day.unwrap_or_else(|| t("health-never"))}</dd> }
    };
    view! {
        <section class="section" aria-labelledby="health-last-heading">
            <h2 id="health-last-heading">{t("sig-health-last-heading")}</h2>
            <dl class="fact-list">
                {item(t("sig-health-last-meeting"), last.meeting)}
                {item(t("sig-health-last-notes"), last.notes)}
                {item(t("sig-health-last-roadmap"), last.roadmap_change)}
                {item(t("sig-health-last-joined"), last.joined)}
            </dl>
        </section>
    }
    .into_any()
}

#[component]
fn LeadTerms(leads: Vec<LeadTerm>) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="health-leads-heading">
            <h2 id="health-leads-heading">{t("sig-health-leads-heading")}</h2>
            {if leads.is_empty() {
                view! { <p class="empty">{t("sig-health-no-leads")}</p> }.into_any()
            } else {
                view! {
                    <ul class="term-list">
                        {leads.into_iter().map(|lead| {
                            let since = match lead.since {
                                Some(day) => t_with("sig-health-lead-since", &[("day", day.into())]),
                                None => t("sig-health-lead-since-unknown"),
                            };
                            view! {
                                <li><strong>{lead.name}</strong>" · "{lead.role.label()}" · "{since}</li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Reports(slug: String, years: Vec<i64>, can_edit: bool, this_year: i64) -> impl IntoView {
    let draft = (can_edit && !years.contains(&this_year)).then(|| {
        let link = href(&format!("/sigs/{slug}/reports/{this_year}"));
        view! {
            <p><a class="button button-secondary" href=link>{t_with("sig-health-write-report", &[("year", this_year.to_string().into())])}</a></p>
        }
    });
    view! {
        <section class="section" aria-labelledby="health-reports-heading">
            <h2 id="health-reports-heading">{t("sig-health-reports-heading")}</h2>
            {if years.is_empty() {
                view! { <p class="empty">{t("sig-health-no-reports")}</p> }.into_any()
            } else {
                view! {
                    <ul class="report-list">
                        {years.into_iter().map(|year| view! {
                            <li><a href=href(&format!("/sigs/{slug}/reports/{year}"))>{t_with("report-title-short", &[("year", year.to_string().into())])}</a></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {draft}
        </section>
    }
    .into_any()
}
