//! `/leave?token=…`: leaving a SIG from the link in any e-mail, without
//! signing in. The link only shows the page; the button leaves.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{t, t_with};

use crate::api::membership::{load_leave_link, LeaveByLink, LeaveLink};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::FormError;
use crate::errors::AppError;
use crate::routes::account::link_token;
use crate::routes::not_found::NotFound;

#[component]
pub fn LeavePage() -> impl IntoView {
    let action = ServerAction::<LeaveByLink>::new();
    let value = Signal::derive(move || action.value().get());
    membership_link_page(
        t("leave-title"),
        move || action.version().get(),
        move |link, token| {
            if link.is_current {
                view! {
                    <section class="form-page">
                        <h1>{t_with("leave-ask", &[("sig", link.sig_name.clone().into())])}</h1>
                        <p class="lead-text">{t_with("leave-lead", &[("name", link.display_name.clone().into())])}</p>
                        <FormError value />
                        <ActionForm action attr:class="form">
                            <input type="hidden" name="token" value=token />
                            <button type="submit" class="button">{t_with("leave-button", &[("sig", link.sig_name.clone().into())])}</button>
                        </ActionForm>
                    </section>
                }
                .into_any()
            } else {
                view! {
                    <section class="form-page">
                        <h1>{t_with("leave-not-in", &[("sig", link.sig_name.clone().into())])}</h1>
                        <div class="notice notice-success" role="status">
                            <p>{t_with("leave-done", &[("sig", link.sig_name.clone().into())])}</p>
                        </div>
                        <JoinAgain link />
                    </section>
                }
                .into_any()
            }
        },
    )
}

/// The way back into a SIG one is no longer in.
#[component]
pub fn JoinAgain(link: LeaveLink) -> impl IntoView {
    view! {
        <p><a class="button" href=crate::i18n::href(&format!("/join?sig={}", link.sig_slug))>{t_with("leave-join-again", &[("sig", link.sig_name.into())])}</a></p>
    }
}

/// A page reached from a membership's e-mailed link (the token in its
/// query): loads where the link points, again after each `version`, and
/// shows it with `render`; a link nobody sent is a 404.
pub fn membership_link_page<V: IntoView + 'static>(
    title: String,
    version: impl Fn() -> usize + Send + Sync + 'static,
    render: impl Fn(LeaveLink, String) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let token = link_token();
    let target = {
        let token = token.clone();
        Resource::new(version, move |_| load_leave_link(token.clone()))
    };
    view! {
        <Title text=title />
        <Transition fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {
                let token = token.clone();
                let render = render.clone();
                move || {
                    let token = token.clone();
                    let render = render.clone();
                    Suspend::new(async move {
                        match target.await {
                            Ok(link) => render(link, token).into_any(),
                            Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })
                }
            }
        </Transition>
    }
}
