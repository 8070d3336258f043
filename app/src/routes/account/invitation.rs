use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::stewardship::AcceptInvitation;
use crate::components::form::{field_error, Field, FormError};
use crate::models::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};

/// `/account/invitation?token=…`: an appointed lead sets a password and takes
/// over their profile.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let action = ServerAction::<AcceptInvitation>::new();
    let value = Signal::derive(move || action.value().get());
    let token = use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    view! {
        <Title text="Accept your invitation" />
        <section class="form-page">
            <h1>"Welcome, new lead"</h1>
            <p class="lead-text">"Choose a password to take over your profile and edit your SIG's page."</p>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[token]" value=token />
                <Field label="Password" name="form[password]" id="invitation-password" kind="password"
                    autocomplete="new-password" minlength=PASSWORD_MIN_CHARS maxlength=PASSWORD_MAX_CHARS
                    hint="At least 8 characters; a few unrelated words work well."
                    error=field_error(value, "password") />
                <button type="submit" class="button">"Accept the invitation"</button>
            </ActionForm>
        </section>
    }
}
