use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use leptos_router::hooks::use_query_map;

use crate::api::account::{SignUp, CHECK_INBOX};
use crate::components::form::{field_error, Field, FormError, NewPasswordField};
use crate::models::account::{EMAIL_MAX_CHARS, GITHUB_MAX_CHARS, NAME_MAX_CHARS};

/// `/account/sign-up`: create an account; a link confirms the address.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let value = Signal::derive(move || action.value().get());
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    view! {
        <Title text="Create an account" />
        <Meta name="description" content="Create an account to join SIGs and follow their work." />
        <section class="form-page">
            <h1>"Create an account"</h1>
            <Show when=move || !sent() fallback=move || view! {
                    <div class="notice notice-success" role="status"><p>{CHECK_INBOX}</p></div>
                }>
                    <p class="lead-text">"One account lets you join SIGs, and lets leads edit their SIG's page."</p>
                    <FormError value />
                    <ActionForm action attr:class="form" attr:novalidate="true">
                        <Field label="Your name" name="form[display_name]" id="sign-up-name"
                            autocomplete="name" maxlength=NAME_MAX_CHARS
                            error=field_error(value, "display_name") />
                        <Field label="E-mail address" name="form[email]" id="sign-up-email" kind="email"
                            autocomplete="email" maxlength=EMAIL_MAX_CHARS
                            hint="We send a link to confirm it. It is never shown on the site."
                            error=field_error(value, "email") />
                        <Field label="GitHub handle" name="form[github_handle]" id="sign-up-github"
                            autocomplete="username" maxlength=GITHUB_MAX_CHARS required=false
                            error=field_error(value, "github_handle") />
                        <NewPasswordField label="Password" id="sign-up-password" error=field_error(value, "password") />
                        <button type="submit" class="button">"Create account"</button>
                    </ActionForm>
                    <p class="form-aside">"Already have an account? " <a href=crate::i18n::href("/account/sign-in")>"Sign in"</a></p>
                </Show>
        </section>
    }
}
