//! `/account`: the signed-in person's ways in (password, GitHub, the
//! community's provider), linking and unlinking them, and their sessions.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::identities::{load_account_overview, EndOtherSessions, EndSession, UnlinkProvider};
use crate::components::error_notice::{refuse_page, ErrorNotice};
use crate::components::form::FormError;
use crate::components::sign_in_with::{SignInProblemNotice, SignInWith};
use crate::i18n::{href, t, t_with};
use crate::models::identity::{AccountOverview, SessionSummary};
use crate::routes::account::mail_preferences::MailSection;

#[component]
pub fn AccountPage() -> impl IntoView {
    let unlink = ServerAction::<UnlinkProvider>::new();
    let end = ServerAction::<EndSession>::new();
    let end_others = ServerAction::<EndOtherSessions>::new();
    let overview = Resource::new(
        move || {
            (
                unlink.version().get(),
                end.version().get(),
                end_others.version().get(),
            )
        },
        |_| load_account_overview(),
    );
    let unlinked = Signal::derive(move || unlink.value().get());
    let ended = Signal::derive(move || end.value().get());
    let others_ended = Signal::derive(move || end_others.value().get());
    view! {
        <Title text=t("account-title") />
        <header class="page-header">
            <h1>{t("account-title")}</h1>
        </header>
        <AccountNotices />
        <SignInProblemNotice />
        <FormError value=unlinked />
        <FormError value=ended />
        <FormError value=others_ended />
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! {
                        <Profile overview=overview.clone() />
                        <WaysIn overview=overview.clone() unlink />
                        <Sessions sessions=overview.sessions end end_others />
                        <MailSection />
                    }.into_any(),
                    Err(error) => {
                        refuse_page(&error);
                        view! { <ErrorNotice error /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// What the last step on this page did, from the address it came back to.
#[component]
fn AccountNotices() -> impl IntoView {
    let query = use_query_map();
    move || {
        let query = query.read();
        let text = if let Some(key) = query.get("linked") {
            crate::models::identity::Provider::parse(&key).map(|_| t("account-linked"))
        } else if query.get("unlinked").is_some() {
            Some(t("account-unlinked"))
        } else if query.get("ended").is_some() {
            Some(t("account-sessions-ended"))
        } else {
            None
        };
        text.map(
            |text| view! { <div class="notice notice-success" role="status"><p>{text}</p></div> },
        )
    }
}

#[component]
fn Profile(overview: AccountOverview) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="account-profile">
            <h2 id="account-profile">{t("account-profile")}</h2>
            <dl class="facts">
                <dt>{t("account-name")}</dt><dd>{overview.display_name}</dd>
                <dt>{t("join-email")}</dt>
                <dd>{overview.email.unwrap_or_else(|| t("account-no-email"))}</dd>
                <dt>{t("account-github")}</dt>
                <dd>{overview.github_handle.map_or_else(|| t("account-none"), |handle| format!("@{handle}"))}</dd>
            </dl>
        </section>
    }
}

#[component]
fn WaysIn(overview: AccountOverview, unlink: ServerAction<UnlinkProvider>) -> impl IntoView {
    let linked = overview.linked.clone();
    let may_unlink: Vec<bool> = linked
        .iter()
        .map(|link| overview.may_unlink(link.provider))
        .collect();
    let has_links_to_offer = !overview.linkable.is_empty();
    view! {
        <section class="section" aria-labelledby="account-ways">
            <h2 id="account-ways">{t("account-ways")}</h2>
            <ul class="ways-list">
                <li>
                    <span>{format!("{} · {}", t("account-password"),
                        if overview.has_password { t("account-password-set") } else { t("account-password-none") })}</span>
                    // A password is chosen from a link e-mailed to the address.
                    {(!overview.has_password && overview.email.is_some()).then(|| view! {
                        <a href=href("/account/forgot-password")>{t("account-password-choose")}</a>
                    })}
                </li>
                {linked.into_iter().zip(may_unlink).map(|(link, may)| {
                    let who = link.login.clone().map(|login| format!(" (@{login})")).unwrap_or_default();
                    let since = t_with("account-linked-since", &[("date", link.since.clone().into())]);
                    let label = link.label.clone();
                    view! {
                        <li>
                            <span>{format!("{}{who} · {since}", link.label)}</span>
                            {if may {
                                view! {
                                    <ActionForm action=unlink attr:class="inline-form">
                                        <input type="hidden" name="provider" value=link.provider.key() />
                                        <button type="submit" class="button button-small button-secondary">
                                            {t_with("account-unlink", &[("provider", label.into())])}
                                        </button>
                                    </ActionForm>
                                }.into_any()
                            } else {
                                view! { <span class="form-hint">{t("account-last-way")}</span> }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {has_links_to_offer.then(|| view! {
                <p>{t("account-link-lead")}</p>
                <SignInWith next="/account".to_owned() linking=true />
            })}
        </section>
    }
}

#[component]
fn Sessions(
    sessions: Vec<SessionSummary>,
    end: ServerAction<EndSession>,
    end_others: ServerAction<EndOtherSessions>,
) -> impl IntoView {
    let others = sessions.iter().filter(|session| !session.current).count();
    view! {
        <section class="section" aria-labelledby="account-sessions">
            <h2 id="account-sessions">{t("account-sessions")}</h2>
            <p>{t("account-sessions-lead")}</p>
            <ul class="session-list">
                {sessions.into_iter().map(|session| view! {
                    <li>
                        <div class="session-facts">
                            <p class="session-when">{t_with("account-session-line", &[
                                ("started", session.started.into()),
                                ("how", session.signed_in_with.into()),
                            ])}</p>
                            <p class="session-browser">{session.browser}</p>
                        </div>
                        {if session.current {
                            view! { <span class="badge badge-standing">{t("account-session-this")}</span> }.into_any()
                        } else {
                            view! {
                                <ActionForm action=end attr:class="inline-form">
                                    <input type="hidden" name="key" value=session.key />
                                    <button type="submit" class="button button-small button-secondary">{t("account-session-end")}</button>
                                </ActionForm>
                            }.into_any()
                        }}
                    </li>
                }).collect_view()}
            </ul>
            {(others > 0).then(|| view! {
                <ActionForm action=end_others attr:class="inline-form">
                    <button type="submit" class="button button-secondary">{t("account-sessions-end-others")}</button>
                </ActionForm>
            })}
        </section>
    }
}
