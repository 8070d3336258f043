use leptos::prelude::*;

use crate::errors::AppError;

/// A visible, polite explanation when a section could not load.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <p>{error.to_string()}</p>
        </div>
    }
}

/// An editing page shown to someone who may not edit: why, and who may.
#[component]
pub fn EditRefused(title: &'static str, error: AppError) -> impl IntoView {
    view! {
        <section class="form-page">
            <leptos_meta::Title text=title />
            <h1>{title}</h1>
            <ErrorNotice error />
            <p><a href="/account/sign-in">"Sign in"</a>" as one of the SIG's leads or an admin."</p>
        </section>
    }
}
