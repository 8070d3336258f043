use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::i18n::t;

use leptos_router::hooks::use_query_map;

use crate::api::account::{SignUp, CHECK_INBOX};
use crate::components::form::{field_error, Field, FormError, NewPasswordField};
use crate::components::sign_in_with::SignInWith;
use crate::models::account::{EMAIL_MAX_CHARS, GITHUB_MAX_CHARS, NAME_MAX_CHARS};

/// `/account/sign-up`: create an account; a link confirms the address.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let value = Signal::derive(move || action.value().get());
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    view! {
        <PageMeta title=t("sign-up-title") description=t("sign-up-description") path="/account/sign-up" />
        <section class="form-page">
            <h1>{t("sign-up-title")}</h1>
            <Show when=move || !sent() fallback=move || view! {
                    <div class="notice notice-success" role="status"><p>{t(CHECK_INBOX)}</p></div>
                }>
                    <p class="lead-text">{t("sign-up-lead")}</p>
                    <FormError value />
                    <ActionForm action attr:class="form" attr:novalidate="true">
                        <Field label=t("join-name") name="form[display_name]" id="sign-up-name"
                            autocomplete="name" maxlength=NAME_MAX_CHARS
                            error=field_error(value, "display_name") />
                        <Field label=t("join-email") name="form[email]" id="sign-up-email" kind="email"
                            autocomplete="email" maxlength=EMAIL_MAX_CHARS
                            hint=t("join-email-hint")
                            error=field_error(value, "email") />
                        <Field label=t("join-github") name="form[github_handle]" id="sign-up-github"
                            autocomplete="username" maxlength=GITHUB_MAX_CHARS required=false
                            error=field_error(value, "github_handle") />
                        <NewPasswordField label=t("password") id="sign-up-password" error=field_error(value, "password") />
                        <button type="submit" class="button">{t("sign-up-button")}</button>
                    </ActionForm>
                    <SignInWith next=Signal::derive(move || query.read().get("next").unwrap_or_default()) />
                    <p class="form-aside">{t("sign-up-have-account")}" "<a href=crate::i18n::href("/account/sign-in")>{t("sign-in")}</a></p>
                </Show>
        </section>
    }
}
