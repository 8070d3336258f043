use leptos::prelude::*;
use leptos_meta::Title;

/// The page for any unknown URL, answered with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found" />
        <section class="not-found">
            <p class="eyebrow">"404"</p>
            <h1>"We could not find that page"</h1>
            <p class="lead-text">
                "The link may be old, or the group may have a new name. These pages are a good place to start:"
            </p>
            <ul class="button-row">
                <li><a class="button" href=crate::i18n::href("/sigs")>"Browse all SIGs"</a></li>
                <li><a class="button button-secondary" href=crate::i18n::href("/")>"Home"</a></li>
            </ul>
        </section>
    }
}
