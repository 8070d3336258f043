//! `/still-active?token=…`: the answer to the yearly question "do you still
//! take part?", from the e-mailed link and without signing in. The link
//! only shows the page; the button answers.

use leptos::prelude::*;

use crate::api::membership::LeaveLink;
use crate::api::roster_freshness::StillActiveByLink;
use crate::components::form::FormError;
use crate::errors::AppError;
use crate::i18n::{href, t, t_with};
use crate::routes::leave::{membership_link_page, JoinAgain};

#[component]
pub fn StillActivePage() -> impl IntoView {
    let action = ServerAction::<StillActiveByLink>::new();
    let value = Signal::derive(move || action.value().get());
    membership_link_page(
        t("still-active-title"),
        move || action.version().get(),
        move |link, token| {
            let sig = || [("sig", crate::i18n::FluentValue::from(link.sig_name.clone()))];
            if link.is_active && link.awaits_answer {
                view! { <Question link token action value /> }.into_any()
            } else if link.is_active {
                view! {
                    <section class="form-page">
                        <h1>{t_with("still-active-thanks", &sig())}</h1>
                        <div class="notice notice-success" role="status">
                            <p>{t_with("still-active-done", &sig())}</p>
                        </div>
                        <p><a class="button" href=href(&format!("/sigs/{}/welcome", link.sig_slug))>{t("welcome-eyebrow")}</a></p>
                    </section>
                }
                .into_any()
            } else {
                view! {
                    <section class="form-page">
                        <h1>{t_with("leave-not-in", &sig())}</h1>
                        <JoinAgain link=link.clone() />
                    </section>
                }
                .into_any()
            }
        },
    )
}

/// "Do you still take part?", with the answer and the way out.
#[component]
fn Question(
    link: LeaveLink,
    token: String,
    action: ServerAction<StillActiveByLink>,
    value: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let sig_name = link.sig_name.clone();
    let sig = move || [("sig", crate::i18n::FluentValue::from(sig_name.clone()))];
    let leave = href(&format!("/leave?token={token}"));
    view! {
        <section class="form-page">
            <h1>{t_with("still-active-ask", &sig())}</h1>
            <p class="lead-text">{t_with("still-active-lead", &[("name", link.display_name.clone().into())])}</p>
            <FormError value />
            <ActionForm action attr:class="form">
                <input type="hidden" name="token" value=token />
                <div class="button-row">
                    <button type="submit" class="button">{t_with("still-active-button", &sig())}</button>
                    <a class="button button-secondary" href=leave>{t_with("leave-button", &sig())}</a>
                </div>
            </ActionForm>
        </section>
    }
}
