//! `/sigs/:slug/welcome`: how to take part in a SIG, shown after joining.

use leptos::prelude::*;

use crate::components::meeting_changes::MeetingChangeList;
use crate::components::meeting_time::MeetingTime;
use crate::components::page_loader::PageLoader;
use leptos_router::hooks::use_params_map;

use crate::api::membership::load_welcome;
use crate::components::lead_list::LeadList;
use crate::components::page_meta::PageMeta;
use crate::components::roadmap_card::RoadmapCardView;
use crate::i18n::{href, t, t_around, t_with, FluentValue};
use crate::models::membership::{MembershipStatus, Welcome};

#[component]
pub fn WelcomePage() -> impl IntoView {
    let params = use_params_map();
    let welcome = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_welcome,
    );
    view! {
        <PageLoader resource=welcome show=move |welcome| {
            view! { <WelcomeDetails welcome /> }.into_any()
        } />
    }
}

#[component]
fn WelcomeDetails(welcome: Welcome) -> impl IntoView {
    let Welcome {
        slug,
        name,
        chat_channel,
        mailing_list_url,
        meeting_notes_url,
        recordings_url,
        meetings,
        leads,
        open_items,
        status,
    } = welcome;
    let sig = || [("sig", FluentValue::from(name.clone()))];
    let heading = match status {
        Some(MembershipStatus::Active) => t_with("welcome-member", &sig()),
        Some(MembershipStatus::AwaitingApproval) => t_with("welcome-waiting", &sig()),
        _ => t_with("welcome-visitor", &sig()),
    };
    let intro = match status {
        Some(MembershipStatus::Active) => t("welcome-member-intro"),
        Some(MembershipStatus::AwaitingApproval) => t("welcome-waiting-intro"),
        _ => t("welcome-visitor-intro"),
    };
    let joined = status.is_some_and(MembershipStatus::is_current);
    let linked = |key: &str, url: String, label: String| {
        let (before, after) = t_around(key);
        view! { <p>{before}<a href=url rel="noopener">{label}</a>{after}</p> }
    };
    view! {
        <PageMeta title=heading.clone() description=t_with("welcome-description", &sig())
            path=format!("/sigs/{slug}/welcome") />
        <nav aria-label=t("breadcrumb") class="breadcrumb"><a href=href(&format!("/sigs/{slug}"))>{name.clone()}</a></nav>
        <header class="page-header">
            <p class="eyebrow">{t("welcome-eyebrow")}</p>
            <h1>{heading}</h1>
            <p class="lead-text">{intro}</p>
            <p class="button-row">
                {if joined {
                    view! { <a class="button button-secondary" href=href("/my/sigs")>{t("nav-my-sigs")}</a> }.into_any()
                } else {
                    view! { <a class="button" href=href(&format!("/join?sig={slug}"))>{t_with("sig-join", &sig())}</a> }.into_any()
                }}
            </p>
        </header>
        <ol class="steps">
            <li class="panel">
                <h2>{t("welcome-chat")}</h2>
                {match chat_channel {
                    Some(channel) => linked("welcome-introduce", channel.url, channel.label).into_any(),
                    None => view! { <p class="empty">{t("welcome-no-chat")}</p> }.into_any(),
                }}
                {mailing_list_url.map(|url| linked("welcome-mailing-list", url, t("welcome-mailing-list-link")))}
            </li>
            <li class="panel">
                <h2>{t("welcome-meeting")}</h2>
                {meetings.into_iter().map(|series| view! {
                    <div class="meeting-summary">
                        <p><strong>{series.title.clone()}</strong>" · "{series.rule.clone()}</p>
                        {series.next.clone().map(|instant| view! { <MeetingTime instant /> })}
                        <MeetingChangeList changes=series.changes.clone() ends=series.ends.clone() />
                        {series.join_url.clone().map(|url| view! { <p><a href=url rel="noopener">{t("sig-join-call")}</a></p> })}
                    </div>
                }).collect_view()}
                <p><a href=href(&format!("/sigs/{slug}/meetings"))>{t("sig-all-meetings")}</a></p>
                {match meeting_notes_url {
                    Some(url) => linked("welcome-notes", url, t("welcome-notes-link")).into_any(),
                    None => view! { <p class="empty">{t("welcome-no-notes")}</p> }.into_any(),
                }}
                {recordings_url.map(|url| linked("welcome-recordings", url, t("welcome-recordings-link")))}
            </li>
            <li class="panel">
                <h2>{t("welcome-help")}</h2>
                {if open_items.is_empty() {
                    let (before, after) = t_around("welcome-no-open-items");
                    view! { <p class="empty">{before}<a href=href(&format!("/sigs/{slug}/roadmap"))>{t("welcome-roadmap-link")}</a>{after}</p> }.into_any()
                } else {
                    view! {
                        <p>{t("welcome-open-items")}</p>
                        <ul class="card-grid">
                            {open_items.into_iter().map(|card| view! { <RoadmapCardView card /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </li>
            <li class="panel">
                <h2>{t("welcome-leads")}</h2>
                <LeadList leads />
            </li>
        </ol>
    }
}
