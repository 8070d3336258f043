use leptos::prelude::*;

use crate::i18n::t;
use leptos_meta::Title;

use crate::api::stewardship::AcceptInvitation;
use crate::components::form::{field_error, FormError, NewPasswordField};

/// `/account/invitation?token=…`: an appointed lead sets a password and takes
/// over their profile.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let action = ServerAction::<AcceptInvitation>::new();
    let value = Signal::derive(move || action.value().get());
    let token = super::link_token();
    view! {
        <Title text=t("invitation-title") />
        <section class="form-page">
            <h1>{t("invitation-heading")}</h1>
            <p class="lead-text">{t("invitation-lead")}</p>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[token]" value=token />
                <NewPasswordField label=t("password") id="invitation-password" error=field_error(value, "password") />
                <button type="submit" class="button">{t("invitation-button")}</button>
            </ActionForm>
        </section>
    }
}
