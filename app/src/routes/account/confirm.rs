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
    let token = super::link_token();
    view! {
        <Title text="Confirm your e-mail address" />
        <section class="form-page">
            <h1>"Confirm your e-mail address"</h1>
            <p class="lead-text">"One click and your account is ready."</p>
            <FormError value />
            <ActionForm action attr:class="form">
                <input type="hidden" name="token" value=token />
                <button type="submit" class="button">"Confirm my address"</button>
            </ActionForm>
        </section>
    }
}
