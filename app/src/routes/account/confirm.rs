use leptos::prelude::*;
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
        <Title text="Confirm your e-mail address" />
        <section class="form-page">
            <h1>"Confirm your e-mail address"</h1>
            <p class="lead-text">"One click and your account is ready."</p>
            <FormError value />
            // A link that expired or was used has nothing left to confirm.
            <Show when=move || !super::link_refused(value) fallback=|| view! {
                <p><a class="button" href=crate::i18n::href("/account/sign-in")>"Sign in"</a>" "
                   <a class="button button-secondary" href=crate::i18n::href("/account/sign-up")>"Sign up again"</a></p>
            }>
                <ActionForm action attr:class="form">
                    <input type="hidden" name="token" value=super::link_token() />
                    <button type="submit" class="button">"Confirm my address"</button>
                </ActionForm>
            </Show>
        </section>
    }
}
