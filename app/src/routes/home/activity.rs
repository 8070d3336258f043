//! The home page's signs of life: what is coming, what changed, what wants
//! a hand, who is new.

use leptos::prelude::*;

use crate::api::directory::load_home_activity;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{href, t};
use crate::models::community::{HomeActivity, NewSig, RecentChange};
use crate::models::roadmap::RoadmapCard;
use crate::routes::meetings::SigSeriesCard;

#[component]
pub fn Activity() -> impl IntoView {
    let activity = Resource::new(|| (), |_| load_home_activity());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match activity.await {
                    Ok(activity) => view! { <Sections activity /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Sections(activity: HomeActivity) -> impl IntoView {
    let HomeActivity {
        next_meetings,
        changes,
        help_wanted,
        newest_sigs,
    } = activity;
    view! {
        <section aria-labelledby="next-meetings-heading" class="section">
            <h2 id="next-meetings-heading">{t("home-next-meetings")}</h2>
            {if next_meetings.is_empty() {
                view! { <p class="empty">{t("meetings-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="card-grid">
                        {next_meetings.into_iter().map(|series| view! { <SigSeriesCard series /> }).collect_view()}
                    </div>
                    <p><a href=href("/meetings")>{t("home-all-meetings")}</a></p>
                }.into_any()
            }}
        </section>
        <div class="home-lists">
            <section aria-labelledby="recent-changes-heading">
                <h2 id="recent-changes-heading">{t("home-recent-changes")}</h2>
                <ListOrEmpty empty=t("home-no-changes") items=changes.into_iter().map(change_line).collect() />
            </section>
            <section aria-labelledby="help-wanted-heading">
                <h2 id="help-wanted-heading">{t("home-help-wanted")}</h2>
                <p class="muted">{t("home-help-wanted-lead")}</p>
                <ListOrEmpty empty=t("home-no-help-wanted") items=help_wanted.into_iter().map(help_wanted_line).collect() />
            </section>
            <section aria-labelledby="newest-sigs-heading">
                <h2 id="newest-sigs-heading">{t("home-newest-sigs")}</h2>
                <ListOrEmpty empty=String::new() items=newest_sigs.into_iter().map(new_sig_line).collect() />
            </section>
        </div>
    }
}

#[component]
fn ListOrEmpty(empty: String, items: Vec<AnyView>) -> impl IntoView {
    if items.is_empty() {
        view! { <p class="empty">{empty}</p> }.into_any()
    } else {
        view! {
            <ul class="activity-list">
                {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

fn change_line(change: RecentChange) -> AnyView {
    let title = match change.item_path {
        Some(path) => view! { <a href=href(&path)>{change.item_title}</a> }.into_any(),
        None => view! { <span>{change.item_title}</span> }.into_any(),
    };
    view! {
        {title}
        <span class="activity-meta">
            <a href=href(&format!("/sigs/{}/roadmap", change.sig_slug))>{change.sig_name}</a>
            " · "{change.summary}" · "{change.day}
        </span>
    }
    .into_any()
}

fn help_wanted_line(card: RoadmapCard) -> AnyView {
    let status = card.status.label();
    let link = href(&card.href());
    view! {
        <a href=link>{card.title}</a>
        <span class="activity-meta">{card.sig_name}" · "{status}</span>
    }
    .into_any()
}

fn new_sig_line(sig: NewSig) -> AnyView {
    view! {
        <a href=href(&format!("/sigs/{}", sig.slug))>{sig.name}</a>
        <span class="activity-meta">{sig.added}</span>
    }
    .into_any()
}
