//! Forgetting a password and choosing a new one from an e-mailed link.

use leptos::prelude::*;

use crate::i18n::t;
use leptos_meta::Title;

use crate::components::page_meta::PageMeta;
use leptos_router::hooks::use_query_map;

use crate::api::account::{ForgotPassword, ResetPassword, CHECK_INBOX};
use crate::components::form::{field_error, Field, FormError, NewPasswordField};
use crate::models::account::EMAIL_MAX_CHARS;

/// `/account/forgot-password`.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<ForgotPassword>::new();
    let value = Signal::derive(move || action.value().get());
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    view! {
        <PageMeta title=t("forgot-title") description=t("forgot-lead") path="/account/forgot-password" />
        <section class="form-page">
            <h1>{t("forgot-title")}</h1>
            <Show when=move || !sent() fallback=move || view! {
                    <div class="notice notice-success" role="status"><p>{t(CHECK_INBOX)}</p></div>
                }>
                    <p class="lead-text">{t("forgot-lead")}</p>
                    <FormError value />
                    <ActionForm action attr:class="form" attr:novalidate="true">
                        <Field label=t("join-email") name="email" id="forgot-email" kind="email"
                            autocomplete="email" maxlength=EMAIL_MAX_CHARS error=field_error(value, "email") />
                        <button type="submit" class="button">{t("forgot-button")}</button>
                    </ActionForm>
                </Show>
        </section>
    }
}

/// `/account/reset-password?token=…`.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let value = Signal::derive(move || action.value().get());
    let token = super::link_token();
    view! {
        <Title text=t("reset-title") />
        <section class="form-page">
            <h1>{t("reset-title")}</h1>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[token]" value=token />
                <NewPasswordField label=t("reset-password") id="reset-password" error=field_error(value, "password") />
                <button type="submit" class="button">{t("reset-button")}</button>
            </ActionForm>
        </section>
    }
}
