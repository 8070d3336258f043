use leptos::prelude::*;

use crate::i18n::t;
use leptos_meta::Title;

use crate::api::account::ConfirmEmail;
use crate::components::form::FormError;

/// `/account/confirm?token=…`: the page an e-mailed link opens. Confirming is
/// a button press (a POST), so link scanners that open URLs change nothing.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let action = ServerAction::<ConfirmEmail>::new();
    let value = Signal::derive(move || action.value().get());
    view! {
        <Title text=t("confirm-email-title") />
        <section class="form-page">
            <h1>{t("confirm-email-title")}</h1>
            <p class="lead-text">{t("confirm-email-lead")}</p>
            <FormError value />
            // A link that expired or was used has nothing left to confirm.
            <Show when=move || !super::link_refused(value) fallback=|| view! {
                <p><a class="button" href=crate::i18n::href("/account/sign-in")>{t("sign-in")}</a>" "
                   <a class="button button-secondary" href=crate::i18n::href("/account/sign-up")>{t("confirm-email-sign-up")}</a></p>
            }>
                <ActionForm action attr:class="form">
                    <input type="hidden" name="token" value=super::link_token() />
                    <button type="submit" class="button">{t("confirm-email-button")}</button>
                </ActionForm>
            </Show>
        </section>
    }
}
