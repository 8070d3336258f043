//! `/my/leading`: a lead's home. For each SIG they lead, what waits for
//! them, with the way to act on each.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::leading::load_leading;
use crate::components::error_notice::{refuse_page, ErrorNotice};
use crate::components::meeting_time::MeetingTime;
use crate::errors::AppError;
use crate::i18n::{href, t, t_with};
use crate::models::leading::{ItemToSee, LeadingSig, Newcomer};

#[component]
pub fn MyLeadingPage() -> impl IntoView {
    let sigs = Resource::new(|| (), |_| load_leading());
    view! {
        <Title text=t("leading-title") />
        <header class="page-header">
            <h1>{t("leading-title")}</h1>
            <p class="lead-text">{t("leading-lead")}</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match sigs.await {
                    Ok(sigs) if sigs.is_empty() => view! {
                        <div class="empty-state">
                            <p>{t("leading-none")}</p>
                            <p><a href=href("/my/sigs")>{t("nav-my-sigs")}</a></p>
                        </div>
                    }.into_any(),
                    Ok(sigs) => sigs.into_iter().map(|sig| view! { <LeadingSection sig /> }).collect_view().into_any(),
                    Err(error) => {
                        refuse_page(&error);
                        match error {
                            AppError::Unauthorized => ().into_any(),
                            error => view! { <ErrorNotice error /> }.into_any(),
                        }
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn LeadingSection(sig: LeadingSig) -> impl IntoView {
    let quiet = sig.is_quiet();
    let base = href(&format!("/sigs/{}", sig.slug));
    let count = |n: usize| [("count", crate::i18n::FluentValue::from(n))];
    let (heading, labelled_by) = (
        format!("leading-{}", sig.slug),
        format!("leading-{}", sig.slug),
    );
    view! {
        <section class="section panel leading" aria-labelledby=labelled_by>
            <h2 id=heading><a href=base.clone()>{sig.name.clone()}</a></h2>
            <p class="card-meta">{sig.role_label.clone()}</p>
            {quiet.then(|| view! { <p>{t("leading-quiet")}</p> })}
            {(!sig.waiting.is_empty()).then(|| view! {
                <h3>{t_with("leading-requests", &count(sig.waiting.len()))}</h3>
                <People people=sig.waiting.clone() when="leading-asked" />
                <p><a class="button button-small" href=format!("{base}/members")>{t("leading-answer")}</a></p>
            })}
            {(!sig.new_members.is_empty()).then(|| view! {
                <h3>{t_with("leading-joined", &count(sig.new_members.len()))}</h3>
                <People people=sig.new_members.clone() when="leading-joined-on" />
            })}
            {(!sig.overdue.is_empty()).then(|| view! {
                <h3>{t_with("leading-overdue", &count(sig.overdue.len()))}</h3>
                <Items items=sig.overdue.clone() />
            })}
            {(!sig.ownerless.is_empty()).then(|| view! {
                <h3>{t_with("leading-ownerless", &count(sig.ownerless.len()))}</h3>
                <Items items=sig.ownerless.clone() />
            })}
            {sig.next_meeting.clone().map(|next| view! {
                <h3>{t("leading-next-meeting")}</h3>
                <p>{next.title}": "<MeetingTime instant=next.when /></p>
                {(!next.has_record).then(|| view! {
                    <p>
                        {t("leading-no-agenda")}" "
                        <a href=format!("{base}/meetings/new")>{t("leading-write-agenda")}</a>
                    </p>
                })}
            })}
            <p class="button-row">
                <a class="button button-small button-secondary" href=format!("{base}/members")>{t("sig-members")}</a>
                <a class="button button-small button-secondary" href=format!("{base}/roadmap")>{t("sig-roadmap")}</a>
                <a class="button button-small button-secondary" href=format!("{base}/meetings")>{t("meetings-title")}</a>
            </p>
        </section>
    }
}

#[component]
fn People(people: Vec<Newcomer>, when: &'static str) -> impl IntoView {
    view! {
        <ul class="plain-list">
            {people.into_iter().map(|person| view! {
                <li>
                    <strong>{person.display_name}</strong>
                    <span class="card-meta">{format!(" · {}", t_with(when, &[("date", person.since_label.into())]))}</span>
                    {(!person.interest.is_empty()).then(|| view! {
                        <p class="card-text">{t("leading-wants")}" "{person.interest}</p>
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Items(items: Vec<ItemToSee>) -> impl IntoView {
    view! {
        <ul class="plain-list">
            {items.into_iter().map(|item| view! {
                <li><a href=href(&item.href)>{item.title}</a><span class="card-meta">{format!(" · {}", item.target_label)}</span></li>
            }).collect_view()}
        </ul>
    }
}
