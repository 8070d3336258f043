use leptos::prelude::*;

use crate::errors::AppError;

/// A visible, polite explanation when a section could not load.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <p>{error.message()}</p>
        </div>
    }
}

/// The notice of a page (or its main part) that could not be shown to this
/// visitor, answered with the right status (see `refuse_page`).
#[component]
pub fn RefusedNotice(error: AppError) -> impl IntoView {
    refuse_page(&error);
    view! { <ErrorNotice error /> }
}

/// An editing page shown to someone who may not edit: why, and who may.
#[component]
pub fn EditRefused(title: String, error: AppError) -> impl IntoView {
    refuse_page(&error);
    view! {
        <section class="form-page">
            <leptos_meta::Title text=title.clone() />
            <h1>{title}</h1>
            <ErrorNotice error />
            <p><a href=crate::i18n::href("/account/sign-in")>{crate::i18n::t("edit-refused-sign-in")}</a></p>
        </section>
    }
}

/// Answers a page someone may not see with the right status: a visitor who
/// is not signed in is sent to sign in (and back here afterwards), anyone
/// else gets the error's own status (403 for a page they may not see).
pub fn refuse_page(error: &AppError) {
    #[cfg(feature = "ssr")]
    {
        use leptos_axum::ResponseOptions;
        if matches!(error, AppError::Unauthorized) {
            let here = use_context::<http::request::Parts>()
                .and_then(|parts| parts.uri.path_and_query().map(|p| p.as_str().to_owned()))
                .unwrap_or_else(|| "/".to_owned());
            let next: String = form_urlencoded_component(&here);
            crate::i18n::redirect(&format!("/account/sign-in?next={next}"));
            if let Some(response) = use_context::<ResponseOptions>() {
                response.set_status(http::StatusCode::SEE_OTHER);
            }
        } else if let Some(response) = use_context::<ResponseOptions>() {
            response.set_status(error.status());
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}

/// `text` percent-encoded for a query value.
#[cfg(feature = "ssr")]
fn form_urlencoded_component(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
