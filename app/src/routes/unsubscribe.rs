//! `/unsubscribe?token=…&list=…`: stopping a kind of e-mail from the link
//! in any of them, without signing in. The link only shows the page; the
//! button changes the choice (mail clients that unsubscribe in one click
//! post to `/unsubscribe/one-click` instead).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::mail_preferences::{load_subscription, ChangeSubscription};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::FormError;
use crate::errors::AppError;
use crate::i18n::{href, t};
use crate::models::mail_preferences::{MailList, Subscription};
use crate::routes::account::link_token;
use crate::routes::not_found::NotFound;

fn list_name(list: MailList) -> String {
    match list {
        MailList::MeetingChanges => t("unsubscribe-meeting-changes"),
        MailList::WeeklyDigest => t("unsubscribe-weekly-digest"),
        MailList::LeadReminders => t("unsubscribe-lead-reminders"),
    }
}

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let token = link_token();
    let list = use_query_map()
        .read_untracked()
        .get("list")
        .unwrap_or_default();
    let action = ServerAction::<ChangeSubscription>::new();
    let value = Signal::derive(move || action.value().get());
    let subscription = {
        let (token, list) = (token.clone(), list.clone());
        Resource::new(
            move || action.version().get(),
            move |_| load_subscription(token.clone(), list.clone()),
        )
    };
    view! {
        <Title text=t("unsubscribe-title") />
        <Transition fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {
                let token = token.clone();
                move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match subscription.await {
                            Ok(subscription) => view! {
                                <SubscriptionForm subscription token action value />
                            }.into_any(),
                            Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })
                }
            }
        </Transition>
    }
}

#[component]
fn SubscriptionForm(
    subscription: Subscription,
    token: String,
    action: ServerAction<ChangeSubscription>,
    value: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let Subscription { list, subscribed } = subscription;
    let (heading, lead, button, subscribe) = if subscribed {
        (
            t("unsubscribe-ask"),
            t("unsubscribe-lead"),
            t("unsubscribe-button"),
            "no",
        )
    } else {
        (
            t("unsubscribe-done"),
            t("unsubscribe-done-lead"),
            t("unsubscribe-again"),
            "yes",
        )
    };
    view! {
        <section class="form-page">
            <h1>{heading}</h1>
            <p class="lead-text"><strong>{list_name(list)}</strong></p>
            {(!subscribed).then(|| view! {
                <div class="notice notice-success" role="status"><p>{t("unsubscribe-done-status")}</p></div>
            })}
            <p>{lead}</p>
            <FormError value />
            <ActionForm action attr:class="form">
                <input type="hidden" name="token" value=token />
                <input type="hidden" name="list" value=list.as_str() />
                <input type="hidden" name="subscribe" value=subscribe />
                <button type="submit" class="button">{button}</button>
            </ActionForm>
            <p><a href=href("/account#mail")>{t("unsubscribe-preferences")}</a></p>
        </section>
    }
}
