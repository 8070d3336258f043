//! `/sigs/:slug/reports/:year`: a SIG's annual report, in the sections of
//! the Kubernetes annual report template, each with what the site counted
//! and what the leads wrote; `/sigs/:slug/reports/:year/edit`: the leads'
//! form, which saves, publishes and withdraws it.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::sig_health::{load_report, SaveReport};
use crate::components::conflict_details::ConflictDetails;
use crate::components::error_notice::{ErrorNotice, RefusedNotice};
use crate::components::form::{field_error, FormError, TextArea};
use crate::components::form_draft::submitted;
use crate::components::markdown::RenderedMarkdown;
use crate::components::page_meta::PageMeta;
use crate::errors::AppError;
use crate::i18n::{href, t, t_with, FluentValue};
use crate::models::annual_report::{AnnualReport, ReportIntent, Section, SECTION_MAX_CHARS};
use crate::routes::not_found::NotFound;

/// The slug and year of the address (year 0 when it is not a number: 404).
fn report_address() -> impl Fn() -> (String, i64) + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params
                .get("year")
                .and_then(|year| year.parse().ok())
                .unwrap_or(0),
        )
    }
}

fn title_of(report: &AnnualReport) -> String {
    t_with(
        "report-title",
        &[
            ("sig", FluentValue::from(report.name.clone())),
            ("year", report.year.to_string().into()),
        ],
    )
}

#[component]
pub fn ReportPage() -> impl IntoView {
    view! { <LoadedReport editing=false /> }
}

#[component]
pub fn ReportEditorPage() -> impl IntoView {
    view! { <LoadedReport editing=true /> }
}

/// The report of the address: shown, or in its form for those who may edit it.
#[component]
fn LoadedReport(editing: bool) -> impl IntoView {
    let address = report_address();
    let report = Resource::new(address, |(slug, year)| load_report(slug, year));
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(report) if !editing => view! { <ReportView report /> }.into_any(),
                    Ok(report) if report.can_edit => view! { <ReportEditor report /> }.into_any(),
                    Ok(_) => view! { <RefusedNotice error=AppError::Forbidden /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) if editing => view! { <RefusedNotice error /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReportView(report: AnnualReport) -> impl IntoView {
    let title = title_of(&report);
    let base = format!("/sigs/{}/reports/{}", report.slug, report.year);
    let saved = use_query_map().read_untracked().get("saved").map(|intent| {
        t(match ReportIntent::parse(&intent) {
            ReportIntent::Publish => "report-published-notice",
            ReportIntent::Withdraw => "report-withdrawn-notice",
            ReportIntent::Save => "report-saved-notice",
        })
    });
    let status = match &report.published_on {
        Some(day) => t_with("report-published-on", &[("day", day.clone().into())]),
        None => t("report-draft"),
    };
    let sections = Section::ALL
        .into_iter()
        .zip(report.rendered.iter().cloned())
        .map(|(section, html)| view! { <ReportSection report=report.clone() section html /> })
        .collect_view();
    view! {
        <PageMeta title=title.clone() path=base.clone()
            description=t_with("report-description", &[("sig", FluentValue::from(report.name.clone())), ("year", report.year.to_string().into())]) />
        <nav aria-label=t("breadcrumb") class="breadcrumb">
            <a href=href(&format!("/sigs/{}", report.slug))>{report.name.clone()}</a>
            " / "
            <a href=href(&format!("/sigs/{}/health", report.slug))>{t("sig-health-eyebrow")}</a>
        </nav>
        {saved.map(|notice| view! { <p class="notice notice-success" role="status">{notice}</p> })}
        <header class="page-header">
            <p class="eyebrow">{status}</p>
            <h1>{title}</h1>
            <p class="lead-text">{t("report-lead")}</p>
            <p class="button-row">
                {report.can_edit.then(|| view! {
                    <a class="button" href=href(&format!("{base}/edit"))>{t("report-edit")}</a>
                })}
                <a class="button button-secondary" href=format!("{base}/report.md") download="">{t("report-download")}</a>
            </p>
        </header>
        {sections}
    }
}

#[component]
fn ReportSection(report: AnnualReport, section: Section, html: String) -> impl IntoView {
    let id = format!("report-{}", section.field());
    let facts = report.figures.facts(section);
    let lists = report.figures.lists(section);
    let written = !report.prose.section(section).is_empty();
    let labelled = id.clone();
    view! {
        <section class="section report-section" aria-labelledby=labelled>
            <h2 id=id>{section.heading()}</h2>
            {(!facts.is_empty()).then(|| view! {
                <dl class="fact-list">
                    {facts.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                </dl>
            })}
            {lists.into_iter().map(|(heading, items)| view! {
                <h3>{heading}</h3>
                {if items.is_empty() {
                    view! { <p class="empty">{t("report-none")}</p> }.into_any()
                } else {
                    view! { <ul class="report-items">{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }.into_any()
                }}
            }).collect_view()}
            {if written {
                view! { <RenderedMarkdown html /> }.into_any()
            } else {
                view! { <p class="empty">{t("report-not-written")}</p> }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn ReportEditor(report: AnnualReport) -> impl IntoView {
    let action = ServerAction::<SaveReport>::new();
    let value = Signal::derive(move || action.value().get());
    let heading = t_with(
        "report-edit-title",
        &[("year", report.year.to_string().into())],
    );
    let base = format!("/sigs/{}/reports/{}", report.slug, report.year);
    let yours: Vec<(String, String)> = submitted()
        .map(|draft| {
            Section::ALL
                .into_iter()
                .map(|section| {
                    let sent = draft
                        .get(&format!("form[{}]", section.field()))
                        .unwrap_or_default();
                    (section.heading(), sent.replace("\r\n", "\n"))
                })
                .collect()
        })
        .unwrap_or_default();
    let fields = Section::ALL
        .into_iter()
        .map(|section| {
            let field = section.field();
            view! {
                <TextArea label=section.heading() name=format!("form[{field}]") id=format!("report-{field}")
                    hint=section.prompt() maxlength=SECTION_MAX_CHARS rows=8
                    value=report.prose.section(section).to_owned() error=field_error(value, field) />
            }
        })
        .collect_view();
    let published = report.published_on.is_some();
    view! {
        <leptos_meta::Title text=heading.clone() />
        <section class="form-page form-page-wide">
            <nav aria-label=t("breadcrumb") class="breadcrumb"><a href=href(&base)>{title_of(&report)}</a></nav>
            <h1>{heading}</h1>
            <p class="lead-text">{t("report-edit-lead")}</p>
            <FormError value />
            <ConflictDetails value edit_href=href(&format!("{base}/edit")) yours />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[slug]" value=report.slug.clone() />
                <input type="hidden" name="form[year]" value=report.year />
                <input type="hidden" name="form[version]" value=report.version />
                {fields}
                <div class="button-row">
                    <button type="submit" class="button" name="form[intent]" value=ReportIntent::Save.as_str()>{t("report-save")}</button>
                    {if published {
                        view! { <button type="submit" class="button button-secondary" name="form[intent]" value=ReportIntent::Withdraw.as_str()>{t("report-withdraw")}</button> }.into_any()
                    } else {
                        view! { <button type="submit" class="button button-secondary" name="form[intent]" value=ReportIntent::Publish.as_str()>{t("report-publish")}</button> }.into_any()
                    }}
                </div>
            </ActionForm>
        </section>
    }
    .into_any()
}
