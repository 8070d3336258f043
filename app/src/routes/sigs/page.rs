//! `/sigs/:slug`: one SIG's page.

use crate::components::page_meta::PageMeta;
use leptos::prelude::*;

use crate::api::membership::load_standings;
use crate::models::membership::Standing;
use leptos_router::hooks::use_params_map;

use crate::api::directory::get_sig;
use crate::api::meetings::load_sig_meetings;
use crate::api::stewardship::can_edit_sig;
use crate::components::error_notice::ErrorNotice;
use crate::components::lead_list::LeadList;
use crate::components::markdown::RenderedMarkdown;
use crate::components::meeting_changes::MeetingChangeList;
use crate::components::meeting_time::MeetingTime;
use crate::components::translation::{lang_if_default, UntranslatedNote};
use crate::errors::AppError;
use crate::i18n::{t, t_with};
use crate::models::meeting::SeriesView;
use crate::models::sig::{SigDetail, SigTeam, Subproject};
use crate::routes::not_found::NotFound;

/// A SIG's description, leads, channels and meeting links; 404 for unknown slugs.
#[component]
pub fn SigPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let sig = Resource::new(slug, get_sig);
    let editable = Resource::new(slug, can_edit_sig);
    let meetings = Resource::new(slug, load_sig_meetings);
    let standings = Resource::new(|| (), |_| load_standings());
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("sig-loading")}</p> }>
            {move || Suspend::new(async move {
                match sig.await {
                    Ok(sig) => {
                        let series = meetings.await.map(|m| m.series).unwrap_or_default();
                        let standing = standings.await.ok().and_then(|all| all.of(&sig.summary.slug).cloned());
                        let lead_links = matches!(editable.await, Ok(true))
                            .then(|| format!("/sigs/{}", sig.summary.slug));
                        view! {
                            <SigDetails sig series standing />
                            {lead_links.map(|base| view! {
                                <p class="edit-link button-row">
                                    <a class="button button-secondary" href=crate::i18n::href(&format!("{base}/edit"))>{t("sig-edit")}</a>
                                    <a class="button button-secondary" href=crate::i18n::href(&format!("{base}/members"))>{t("sig-members")}</a>
                                </p>
                            })}
                        }.into_any()
                    }
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SigDetails(
    sig: SigDetail,
    series: Vec<SeriesView>,
    /// Where the person looking stands with this group, if anywhere.
    standing: Option<Standing>,
) -> impl IntoView {
    let SigDetail {
        summary,
        mission_html,
        meeting_notes_url,
        recordings_url,
        mailing_list_url,
        archived,
        teams,
        subprojects,
        description_untranslated,
        mission_untranslated,
        reports,
        label,
        stakeholder_sigs,
        liaison,
    } = sig;
    let description = if summary.description.is_empty() {
        t_with(
            "sig-fallback-description",
            &[
                ("sig", summary.name.clone().into()),
                ("kind", summary.kind.label().into()),
            ],
        )
    } else {
        summary.description.clone()
    };
    view! {
        <PageMeta title=summary.name.clone() description=format!("{}: {}", summary.name, description)
            path=format!("/sigs/{}", summary.slug) />
        <nav aria-label=crate::i18n::t("breadcrumb") class="breadcrumb">
            <a href=crate::i18n::href("/sigs")>{t("sig-all")}</a>
        </nav>
        <header class="page-header sig-header">
            <p class="eyebrow">{summary.kind.label()}</p>
            <h1>{summary.name.clone()}</h1>
            <p class="lead-text" lang=lang_if_default(description_untranslated)>{description}</p>
            <p class="button-row">
                {match standing {
                    Some(standing) => Some(view! { <span class="badge badge-standing">{standing.label()}</span> }.into_any()),
                    None => (!archived).then(|| view! {
                        <a class="button" href=crate::i18n::href(&format!("/join?sig={}", summary.slug))>{t_with("sig-join", &[("sig", summary.name.clone().into())])}</a>
                    }.into_any()),
                }}
                <a class="button button-secondary" href=crate::i18n::href(&format!("/sigs/{}/roadmap", summary.slug))>{t("sig-roadmap")}</a>
                <a class="button button-secondary" href=crate::i18n::href(&format!("/sigs/{}/welcome", summary.slug))>{t("sig-take-part")}</a>
            </p>
            {archived.then(|| view! {
                <p class="notice">{t("sig-archived")}</p>
            })}
            {(description_untranslated || mission_untranslated).then(|| view! { <UntranslatedNote /> })}
        </header>
        <div class="sig-layout">
            <section aria-labelledby="leads-heading" class="panel">
                <h2 id="leads-heading">{t("sig-leads")}</h2>
                <LeadList leads=summary.leads />
                <GovernanceFacts label stakeholder_sigs liaison />
            </section>
            <section aria-labelledby="talk-heading" class="panel">
                <h2 id="talk-heading">{t("sig-talk")}</h2>
                <dl class="facts">
                    <dt>{t("card-chat")}</dt>
                    <dd>{match summary.chat_channel {
                        Some(channel) => view! { <a href=channel.url rel="noopener">{channel.label}</a> }.into_any(),
                        None => view! { <span class="empty">{t("sig-no-chat")}</span> }.into_any(),
                    }}</dd>
                    <dt>{t("sig-mailing-list")}</dt>
                    <dd>{optional_link(mailing_list_url, "sig-mailing-list", "sig-no-mailing-list")}</dd>
                </dl>
                <TeamList teams />
            </section>
            <section aria-labelledby="meetings-heading" class="panel">
                <h2 id="meetings-heading">{t("sig-meetings")}</h2>
                {series.is_empty().then(|| view! { <p class="empty">{t("sig-no-meeting")}</p> })}
                {series.into_iter().map(|series| view! {
                    <div class="meeting-summary">
                        <h3>{series.title.clone()}</h3>
                        <p class="card-meta">{series.rule.clone()}</p>
                        {series.next.clone().map(|instant| view! { <MeetingTime instant /> })}
                        <MeetingChangeList changes=series.changes.clone() ends=series.ends.clone() />
                        {series.join_url.clone().map(|url| view! { <p><a href=url rel="noopener">{t("sig-join-call")}</a></p> })}
                    </div>
                }).collect_view()}
                <dl class="facts">
                    <dt>{t("sig-notes")}</dt>
                    <dd>{optional_link(meeting_notes_url, "sig-meeting-notes", "sig-no-notes")}</dd>
                    <dt>{t("sig-recordings")}</dt>
                    <dd>{optional_link(recordings_url, "sig-recordings", "sig-no-recordings")}</dd>
                </dl>
                <p class="link-row">
                    <a href=crate::i18n::href(&format!("/sigs/{}/meetings", summary.slug))>{t("sig-all-meetings")}</a>
                    <a href=crate::i18n::href(&format!("/sigs/{}/meetings.ics", summary.slug))>{t("sig-calendar")}</a>
                </p>
            </section>
            <section aria-labelledby="mission-heading" class="panel panel-wide">
                <h2 id="mission-heading">{t("sig-mission")}</h2>
                {if mission_html.trim().is_empty() {
                    view! { <p class="empty">{t("sig-no-mission")}</p> }.into_any()
                } else {
                    view! { <div lang=lang_if_default(mission_untranslated)><RenderedMarkdown html=mission_html /></div> }.into_any()
                }}
            </section>
            <SubprojectList subprojects />
            <HealthAndReports slug=summary.slug.clone() reports />
        </div>
    }
}

/// What the group's file says of its place in the community: its GitHub
/// label, the groups it answers to and its liaison, when known.
#[component]
fn GovernanceFacts(
    label: Option<String>,
    stakeholder_sigs: Vec<String>,
    liaison: Option<String>,
) -> impl IntoView {
    let any = label.is_some() || !stakeholder_sigs.is_empty() || liaison.is_some();
    any.then(|| {
        view! {
            <dl class="facts">
                {liaison.map(|liaison| view! { <dt>{t("sig-liaison")}</dt><dd>{liaison}</dd> })}
                {(!stakeholder_sigs.is_empty()).then(|| view! {
                    <dt>{t("sig-stakeholders")}</dt><dd>{stakeholder_sigs.join(", ")}</dd>
                })}
                {label.map(|label| view! { <dt>{t("sig-label")}</dt><dd><code>{label}</code></dd> })}
            </dl>
        }
    })
    .into_any()
}

/// Where to see how the SIG is doing, and its published annual reports.
#[component]
fn HealthAndReports(slug: String, reports: Vec<i64>) -> impl IntoView {
    view! {
        <section aria-labelledby="health-heading" class="panel panel-wide">
            <h2 id="health-heading">{t("sig-health-link")}</h2>
            <p class="link-row">
                <a href=crate::i18n::href(&format!("/sigs/{slug}/health"))>{t("sig-health-open")}</a>
                {reports.into_iter().map(|year| view! {
                    <a href=crate::i18n::href(&format!("/sigs/{slug}/reports/{year}"))>{t_with("report-title-short", &[("year", year.to_string().into())])}</a>
                }).collect_view()}
            </p>
        </section>
    }
    .into_any()
}

/// The SIG's discussion teams, when it has any.
#[component]
fn TeamList(teams: Vec<SigTeam>) -> impl IntoView {
    (!teams.is_empty()).then(|| {
        view! {
            <h3 class="subheading">{t("sig-teams")}</h3>
            <ul class="plain-list">
                {teams.into_iter().map(|team| view! {
                    <li><code>{format!("@{}", team.name)}</code>" "{team.description}</li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    })
}

/// The work the SIG owns, when it lists any. Both lists are type-erased: the
/// SIG page's view type is deep already, and release wasm builds stop at
/// the compiler's query depth limit.
#[component]
fn SubprojectList(subprojects: Vec<Subproject>) -> impl IntoView {
    (!subprojects.is_empty()).then(|| view! {
        <section aria-labelledby="subprojects-heading" class="panel panel-wide">
            <h2 id="subprojects-heading">{t("sig-subprojects")}</h2>
            <ul class="subproject-list">
                {subprojects.into_iter().map(|sub| view! {
                    <li>
                        <strong>{sub.name}</strong>
                        {(!sub.description.is_empty()).then(|| view! { <span>" — "{sub.description}</span> })}
                        {(!sub.leads.is_empty()).then(|| view! {
                            <span class="owners">" "{t("sig-subproject-leads")}" "{sub.leads.join(", ")}</span>
                        })}
                        {sub.slack.map(|channel| view! { <span class="owners">{format!(" · #{channel}")}</span> })}
                        {sub.mailing_list_url.filter(|url| url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:")).map(|url| view! {
                            <span class="owners">" · "<a href=url rel="noopener">{t("sig-mailing-list")}</a></span>
                        })}
                        {(!sub.owners.is_empty()).then(|| view! {
                            <span class="owners">" "{t("sig-owners")}" "
                                {sub.owners.into_iter().enumerate().map(|(index, url)| {
                                    let safe = url.starts_with("https://") || url.starts_with("http://");
                                    view! {
                                        {(index > 0).then_some(", ")}
                                        {if safe {
                                            view! { <a href=url rel="noopener">{format!("OWNERS {}", index + 1)}</a> }.into_any()
                                        } else {
                                            view! { <span>{url}</span> }.into_any()
                                        }}
                                    }
                                }).collect_view()}
                            </span>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }.into_any())
}

/// A link named by the message `label`, or the message `empty`.
fn optional_link(url: Option<String>, label: &str, empty: &str) -> AnyView {
    match url {
        Some(url) => view! { <a href=url rel="noopener">{t(label)}</a> }.into_any(),
        None => view! { <span class="empty">{t(empty)}</span> }.into_any(),
    }
}
