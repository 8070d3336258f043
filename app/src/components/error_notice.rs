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
