use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::i18n::t;
use leptos_router::hooks::use_query_map;

use crate::api::account::SignIn;
use crate::components::form::{field_error, Field, FormError};
use crate::components::sign_in_with::{SignInProblemNotice, SignInWith};
use crate::models::account::{EMAIL_MAX_CHARS, PASSWORD_MAX_CHARS};

/// `/account/sign-in`.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let value = Signal::derive(move || action.value().get());
    let query = use_query_map();
    let notice = move || {
        let query = query.read();
        if query.get("confirmed").is_some() {
            Some(t("sign-in-confirmed"))
        } else if query.get("reset").is_some() {
            Some(t("sign-in-reset"))
        } else {
            None
        }
    };
    view! {
        <PageMeta title=t("sign-in") description=t("sign-in-description") path="/account/sign-in" />
        <section class="form-page">
            <h1>{t("sign-in")}</h1>
            {move || notice().map(|text| view! {
                <div class="notice notice-success" role="status"><p>{text}</p></div>
            })}
            <SignInProblemNotice />
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[next]"
                    value=move || query.read().get("next").unwrap_or_default() />
                <Field label=t("join-email") name="form[email]" id="sign-in-email" kind="email"
                    autocomplete="email" maxlength=EMAIL_MAX_CHARS error=field_error(value, "email") />
                <Field label=t("password") name="form[password]" id="sign-in-password" kind="password"
                    autocomplete="current-password" maxlength=PASSWORD_MAX_CHARS
                    error=field_error(value, "password") />
                <button type="submit" class="button">{t("sign-in")}</button>
            </ActionForm>
            <SignInWith next=Signal::derive(move || query.read().get("next").unwrap_or_default()) />
            <p class="form-aside">
                <a href=crate::i18n::href("/account/forgot-password")>{t("forgot-title")}</a>
                " · "
                <a href=crate::i18n::href("/account/sign-up")>{t("sign-up-title")}</a>
            </p>
        </section>
    }
}
