use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::membership::ConfirmJoin;
use crate::components::form::FormError;
use crate::i18n::t;
use crate::routes::account::{link_refused, link_token};

/// `/join/confirm?token=…`: the page a join confirmation link opens. Joining
/// is a button press (a POST), so link scanners that open URLs change nothing.
#[component]
pub fn ConfirmJoinPage() -> impl IntoView {
    let action = ServerAction::<ConfirmJoin>::new();
    let value = Signal::derive(move || action.value().get());
    view! {
        <Title text=t("confirm-join-title") />
        <section class="form-page">
            <h1>{t("confirm-join-title")}</h1>
            <p class="lead-text">{t("confirm-join-lead")}</p>
            <FormError value />
            // A link that expired or was used has nothing left to confirm.
            <Show when=move || !link_refused(value) fallback=|| view! {
                <p><a class="button" href=crate::i18n::href("/join")>{t("confirm-join-again")}</a></p>
            }>
                <ActionForm action attr:class="form">
                    <input type="hidden" name="token" value=link_token() />
                    <button type="submit" class="button">{t("confirm-join-button")}</button>
                </ActionForm>
            </Show>
        </section>
    }
}
