use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::t;

/// The page for any unknown URL, answered with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t("not-found-title") />
        <section class="not-found">
            <p class="eyebrow">"404"</p>
            <h1>{t("not-found-heading")}</h1>
            <p class="lead-text">{t("not-found-lead")}</p>
            <ul class="button-row">
                <li><a class="button" href=crate::i18n::href("/sigs")>{t("not-found-browse")}</a></li>
                <li><a class="button button-secondary" href=crate::i18n::href("/")>{t("not-found-home")}</a></li>
            </ul>
        </section>
    }
}
