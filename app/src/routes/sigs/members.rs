//! `/sigs/:slug/members`: a SIG's requests to answer and its roster, for its
//! leads and admins (it shows e-mail addresses).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::membership::{load_roster, DecideJoinRequest};
use crate::api::roster_freshness::RestoreMember;
use crate::components::form::FormError;
use crate::components::form_draft::submitted;
use crate::components::page_loader::PageLoader;
use crate::escape::textarea_text;
use crate::i18n::{href, t, t_with, FluentValue};
use crate::models::membership::{
    MembershipStatus, Roster, RosterEntry, DECISION_MESSAGE_MAX_CHARS,
};

#[component]
pub fn MembersPage() -> impl IntoView {
    let params = use_params_map();
    let decide = ServerAction::<DecideJoinRequest>::new();
    let restore = ServerAction::<RestoreMember>::new();
    let roster = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                decide.version().get() + restore.version().get(),
            )
        },
        |(slug, _)| load_roster(slug),
    );
    let value = Signal::derive(move || decide.value().get());
    let restored = Signal::derive(move || restore.value().get());
    view! {
        <PageLoader resource=roster editing=t("members-title") keep_while_reloading=true show=move |roster| {
            view! { <FormError value /><FormError value=restored /><RosterView roster decide restore /> }.into_any()
        } />
    }
}

#[component]
fn RosterView(
    roster: Roster,
    decide: ServerAction<DecideJoinRequest>,
    restore: ServerAction<RestoreMember>,
) -> impl IntoView {
    let (waiting, others): (Vec<RosterEntry>, Vec<RosterEntry>) = roster
        .entries
        .iter()
        .cloned()
        .partition(|entry| entry.status == MembershipStatus::AwaitingApproval);
    let (inactive, others): (Vec<RosterEntry>, Vec<RosterEntry>) =
        others.into_iter().partition(RosterEntry::is_inactive);
    let slug = roster.slug.clone();
    let title = t_with(
        "members-of",
        &[("sig", FluentValue::from(roster.name.clone()))],
    );
    // The figure goes in a <strong>: the words around it come from one message.
    let stat = |key: &str, count: usize| {
        let (before, after) = crate::i18n::t_around(key);
        view! { <li>{before}<strong>{count}</strong>{after}</li> }
    };
    view! {
        <leptos_meta::Title text=title.clone() />
        <nav aria-label=t("breadcrumb") class="breadcrumb"><a href=href(&format!("/sigs/{slug}"))>{roster.name.clone()}</a></nav>
        <header class="page-header">
            <p class="eyebrow">{t("members-eyebrow")}</p>
            <h1>{title}</h1>
            <ul class="stat-row">
                {stat("members-count-active", roster.count(MembershipStatus::Active))}
                {stat("members-count-waiting", waiting.len())}
                {stat("members-count-inactive", roster.inactive_count())}
                {stat("members-count-unconfirmed", roster.count(MembershipStatus::Unconfirmed))}
                {stat("members-count-left", roster.count(MembershipStatus::Left))}
            </ul>
            <p class="button-row">
                <a class="button button-secondary" href=format!("/sigs/{slug}/members.csv") download="">{t("members-csv")}</a>
            </p>
            <p class="field-hint">{if roster.needs_approval {
                t("members-approval")
            } else {
                t("members-open")
            }}</p>
        </header>
        <section class="section" aria-labelledby="queue-heading">
            <h2 id="queue-heading">{t("leading-answer-heading")}</h2>
            {if waiting.is_empty() {
                view! { <p class="empty">{t("members-no-request")}</p> }.into_any()
            } else {
                view! {
                    <ul class="request-list">
                        {waiting.into_iter().map(|entry| view! { <RequestCard entry slug=slug.clone() decide /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <RosterTable entries=others />
        <InactiveMembers entries=inactive slug=roster.slug.clone() restore />
    }
}

/// Members who did not answer whether they still take part: apart from
/// the roster, each active again by one click.
#[component]
fn InactiveMembers(
    entries: Vec<RosterEntry>,
    slug: String,
    restore: ServerAction<RestoreMember>,
) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="inactive-heading">
            <h2 id="inactive-heading">{t("members-inactive")}</h2>
            <p class="field-hint">{t("members-inactive-hint")}</p>
            {if entries.is_empty() {
                view! { <p class="empty">{t("members-no-inactive")}</p> }.into_any()
            } else {
                view! {
                    <ul class="membership-list">
                        {entries.into_iter().map(|entry| {
                            let name = entry.display_name.clone();
                            let slug = slug.clone();
                            view! {
                                <li class="panel membership">
                                    <div>
                                        <h3 class="card-title">{entry.display_name.clone()}</h3>
                                        <p class="card-meta">{entry.email.clone().unwrap_or_default()}" · "
                                            {t_with("members-inactive-since", &[("date", entry.inactive_label.clone().into()), ("asked", entry.asked_label.clone().into())])}</p>
                                    </div>
                                    <ActionForm action=restore attr:class="inline-form">
                                        <input type="hidden" name="sig" value=slug />
                                        <input type="hidden" name="membership_id" value=entry.membership_id />
                                        <button type="submit" class="button button-small button-secondary">
                                            {t_with("members-restore", &[("name", FluentValue::from(name))])}
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// Everyone but the waiting requests, with their dates. Its own component,
/// type-erased: one view type for the whole page is too deep for the
/// compiler's release build.
#[component]
fn RosterTable(entries: Vec<RosterEntry>) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="roster-heading">
            <h2 id="roster-heading">{t("members-roster")}</h2>
            <div class="table-scroll">
                <table class="roster">
                    <thead><tr>
                        <th scope="col">{t("members-name")}</th><th scope="col">{t("members-email")}</th><th scope="col">{t("item-status")}</th>
                        <th scope="col">{t("members-asked")}</th><th scope="col">{t("members-joined")}</th><th scope="col">{t("members-left")}</th>
                    </tr></thead>
                    <tbody>
                        {entries.into_iter().map(|entry| view! {
                            <tr>
                                <th scope="row">{entry.display_name}{entry.github_handle.map(|h| view! { <span class="lead-meta">" @"{h}</span> })}</th>
                                <td>{entry.email.unwrap_or_default()}</td>
                                <td>{entry.status.label()}{(!entry.asked_label.is_empty()).then(|| view! {
                                    <span class="lead-meta cell-note">{t_with("members-asked-on", &[("date", entry.asked_label.clone().into())])}</span>
                                })}</td>
                                <td>{entry.requested_label}</td>
                                <td>{entry.joined_label}</td>
                                <td>{entry.left_label}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// One request waiting for approval: who, what they would like to do, and
/// accept or decline with an optional message.
#[component]
fn RequestCard(
    entry: RosterEntry,
    slug: String,
    decide: ServerAction<DecideJoinRequest>,
) -> impl IntoView {
    let message_id = format!("decision-{}-message", entry.membership_id);
    let name = {
        let name = entry.display_name.clone();
        move || [("name", FluentValue::from(name.clone()))]
    };
    view! {
        <li class="panel request">
            <h3>{entry.display_name.clone()}</h3>
            <p class="card-meta">{entry.email.clone().unwrap_or_default()}" · "{t_with("leading-asked", &[("date", entry.requested_label.clone().into())])}</p>
            {(!entry.interest.is_empty()).then(|| view! { <p>{t("leading-wants")}" "{entry.interest.clone()}</p> })}
            <ActionForm action=decide attr:class="form">
                <input type="hidden" name="form[sig]" value=slug />
                <input type="hidden" name="form[membership_id]" value=entry.membership_id />
                <div class="field">
                    <label for=message_id.clone()>{t_with("members-message-to", &name())}</label>
                    <textarea id=message_id name="form[message]" rows="2" maxlength=DECISION_MESSAGE_MAX_CHARS>{textarea_text(&drafted_message(entry.membership_id))}</textarea>
                </div>
                <div class="button-row">
                    <button type="submit" name="form[decision]" value="accept" class="button">
                        {t_with("members-accept", &name())}
                    </button>
                    <button type="submit" name="form[decision]" value="decline" class="button button-secondary">
                        {t_with("members-decline", &name())}
                    </button>
                </div>
            </ActionForm>
        </li>
    }
}

/// The message typed for this request when the decision was refused.
fn drafted_message(membership_id: i64) -> String {
    submitted()
        .filter(|draft| {
            draft.get("form[membership_id]") == Some(membership_id.to_string().as_str())
        })
        .and_then(|draft| draft.get("form[message]").map(str::to_owned))
        .unwrap_or_default()
}
