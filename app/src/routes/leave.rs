//! `/leave?token=…`: leaving a SIG from the link in any e-mail, without
//! signing in. The link only shows the page; the button leaves.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::membership::{load_leave_link, LeaveByLink};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::FormError;
use crate::errors::AppError;
use crate::routes::account::link_token;
use crate::routes::not_found::NotFound;

#[component]
pub fn LeavePage() -> impl IntoView {
    let token = link_token();
    let action = ServerAction::<LeaveByLink>::new();
    let value = Signal::derive(move || action.value().get());
    let target = {
        let token = token.clone();
        Resource::new(
            move || action.version().get(),
            move |_| load_leave_link(token.clone()),
        )
    };
    view! {
        <Title text="Leave a SIG" />
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {
                let token = token.clone();
                move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match target.await {
                            Ok(link) if link.is_current => view! {
                                <section class="form-page">
                                    <h1>{format!("Leave {}?", link.sig_name)}</h1>
                                    <p class="lead-text">{format!("{}, you can join again whenever you like.", link.display_name)}</p>
                                    <FormError value />
                                    <ActionForm action attr:class="form">
                                        <input type="hidden" name="token" value=token />
                                        <button type="submit" class="button">{format!("Leave {}", link.sig_name)}</button>
                                    </ActionForm>
                                </section>
                            }.into_any(),
                            Ok(link) => view! {
                                <section class="form-page">
                                    <h1>{format!("You are not in {}", link.sig_name)}</h1>
                                    <div class="notice notice-success" role="status">
                                        <p>{format!("You have left {}, or your request was withdrawn.", link.sig_name)}</p>
                                    </div>
                                    <p><a class="button" href=crate::i18n::href(&format!("/join?sig={}", link.sig_slug))>{format!("Join {} again", link.sig_name)}</a></p>
                                </section>
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
