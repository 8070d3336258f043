use leptos::prelude::*;

/// Shows HTML that the server rendered from markdown and sanitised
/// (`crate::markdown::render`); never pass anything else here.
#[component]
pub fn RenderedMarkdown(html: String) -> impl IntoView {
    view! { <div class="prose" inner_html=html></div> }
}
