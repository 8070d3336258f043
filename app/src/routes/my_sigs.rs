//! `/my/sigs`: the signed-in person's SIGs, with leave and join-again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::membership::{load_my_sigs, load_standings, LeaveSig};
use crate::api::roster_freshness::StillActive;
use crate::components::calendar_link::CalendarLinkPanel;
use crate::components::error_notice::{refuse_page, ErrorNotice};
use crate::components::form::FormError;
use crate::errors::AppError;
use crate::i18n::{href, t, t_around, t_with};
use crate::models::membership::{GroupStanding, MembershipStatus, MySig, Standing};

#[component]
pub fn MySigsPage() -> impl IntoView {
    let leave = ServerAction::<LeaveSig>::new();
    let still_active = ServerAction::<StillActive>::new();
    let sigs = Resource::new(
        move || leave.version().get() + still_active.version().get(),
        |_| load_my_sigs(),
    );
    let standings = Resource::new(|| (), |_| load_standings());
    let query = use_query_map();
    let joined = move || query.read().get("joined").is_some();
    let value = Signal::derive(move || leave.value().get());
    let answered = Signal::derive(move || still_active.value().get());
    view! {
        <Title text=t("nav-my-sigs") />
        <header class="page-header">
            <h1>{t("nav-my-sigs")}</h1>
            <p class="lead-text">{t("my-sigs-lead")}</p>
            <p><a class="button" href=href("/join")>{t("my-sigs-join-another")}</a></p>
        </header>
        {move || joined().then(|| view! {
            <div class="notice notice-success" role="status"><p>{t("my-sigs-joined")}</p></div>
        })}
        <FormError value />
        <FormError value=answered />
        <Transition fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                let led: Vec<GroupStanding> = standings
                    .await
                    .map(|all| all.0.into_iter().filter(|g| matches!(g.standing, Standing::Lead(_))).collect())
                    .unwrap_or_default();
                let leads_some = !led.is_empty();
                let led_view = leads_some.then(|| view! { <LedGroups led /> });
                match sigs.await {
                    Ok(list) if list.is_empty() && leads_some => led_view.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <div class="empty-state"><p>{t("my-sigs-none")}</p><p><a href=href("/join")>{t("my-sigs-find")}</a></p></div>
                    }.into_any(),
                    Ok(list) => view! {
                        {led_view}
                        <h2>{t("my-sigs-belong")}</h2>
                        <ul class="membership-list">
                            {list.into_iter().map(|sig| view! { <MembershipRow sig leave still_active /> }).collect_view()}
                        </ul>
                        <CalendarLinkPanel />
                    }.into_any(),
                    Err(AppError::Unauthorized) => {
                        refuse_page(&AppError::Unauthorized);
                        let (before, after) = t_around("my-sigs-sign-in");
                        view! {
                            <p>{before}<a href=href("/account/sign-in?next=/my/sigs")>{t("sign-in")}</a>{after}</p>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MembershipRow(
    sig: MySig,
    leave: ServerAction<LeaveSig>,
    still_active: ServerAction<StillActive>,
) -> impl IntoView {
    let current = sig.status.is_current();
    let label = if sig.status == MembershipStatus::Active {
        t_with(
            "my-sigs-member-since",
            &[("date", sig.since_label.clone().into())],
        )
    } else {
        format!("{} · {}", sig.status.label(), sig.since_label)
    };
    let sig_name = {
        let name = sig.name.clone();
        move || [("sig", crate::i18n::FluentValue::from(name.clone()))]
    };
    // Asked whether they still take part: the question and the answer.
    let asked = sig
        .awaits_answer
        .then(|| t_with("my-sigs-still-active", &sig_name()));
    let answer = sig
        .awaits_answer
        .then(|| (sig.slug.clone(), t_with("still-active-button", &sig_name())));
    view! {
        <li class="membership panel">
            <div>
                <h2 class="card-title"><a href=href(&format!("/sigs/{}", sig.slug))>{sig.name.clone()}</a></h2>
                <p class="card-meta">{label}</p>
                {asked.map(|text| view! { <p class="decision-message">{text}</p> })}
                {(!sig.decision_message.is_empty()).then(|| view! {
                    <p class="decision-message">{t("my-sigs-message")}" "{sig.decision_message.clone()}</p>
                })}
            </div>
            <div class="button-row">
                {answer.map(|(slug, label)| view! {
                    <ActionForm action=still_active attr:class="inline-form">
                        <input type="hidden" name="sig" value=slug />
                        <button type="submit" class="button button-small">{label}</button>
                    </ActionForm>
                })}
                {if current {
                    view! {
                        <a class="button button-small button-secondary" href=href(&format!("/sigs/{}/welcome", sig.slug))>{t("welcome-eyebrow")}</a>
                        <ActionForm action=leave attr:class="inline-form">
                            <input type="hidden" name="sig" value=sig.slug.clone() />
                            <button type="submit" class="button button-small button-secondary">
                                {if sig.status == MembershipStatus::Active {
                                    t_with("leave-button", &sig_name())
                                } else {
                                    t_with("my-sigs-withdraw", &sig_name())
                                }}
                            </button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! {
                        <a class="button button-small" href=href(&format!("/join?sig={}", sig.slug))>{t_with("leave-join-again", &sig_name())}</a>
                    }.into_any()
                }}
            </div>
        </li>
    }
}

/// The groups the person leads, with the ways into their lead's pages.
#[component]
fn LedGroups(led: Vec<GroupStanding>) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="led-heading">
            <h2 id="led-heading">{t("my-sigs-lead-groups")}</h2>
            <p><a class="button" href=href("/my/leading")>{t("my-sigs-waiting")}</a></p>
            <ul class="membership-list">
                {led.into_iter().map(|GroupStanding { slug, name, standing }| view! {
                    <li class="card membership">
                        <div>
                            <h3 class="card-title"><a href=href(&format!("/sigs/{slug}"))>{name}</a></h3>
                            <p class="card-meta">{standing.label()}</p>
                        </div>
                        <p class="button-row">
                            <a class="button button-small button-secondary" href=href(&format!("/sigs/{slug}/members"))>{t("sig-members")}</a>
                            <a class="button button-small button-secondary" href=href(&format!("/sigs/{slug}/roadmap"))>{t("sig-roadmap")}</a>
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
