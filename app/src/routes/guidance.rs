use crate::components::page_meta::PageMeta;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::guidance::{get_guidance, list_guidance};
use crate::components::error_notice::ErrorNotice;
use crate::components::markdown::RenderedMarkdown;
use crate::components::translation::{lang_if_default, UntranslatedNote};
use crate::errors::AppError;
use crate::i18n::t;
use crate::routes::not_found::NotFound;

/// The list of governance pages.
#[component]
pub fn GuidanceIndex() -> impl IntoView {
    let pages = Resource::new(|| (), |_| list_guidance());
    view! {
        <PageMeta title=t("guidance-title") path="/guidance" description=t("guidance-description") />
        <header class="page-header">
            <h1>{t("guidance-title")}</h1>
            <p class="lead-text">{t("guidance-lead")}</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match pages.await {
                    Ok(pages) if pages.is_empty() => view! {
                        <p class="empty">{t("guidance-none")}</p>
                    }.into_any(),
                    Ok(pages) => view! {
                        <ol class="card-grid">
                            {pages.into_iter().map(|page| view! {
                                <li class="card">
                                    <h2 class="card-title"><a href=crate::i18n::href(&format!("/guidance/{}", page.slug))>{page.title}</a></h2>
                                    <p class="card-text">{page.summary}</p>
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One governance page, rendered from markdown.
#[component]
pub fn GuidancePage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_guidance,
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! {
                        <PageMeta title=page.title.clone() description=page.summary
                            path=format!("/guidance/{}", page.slug) />
                        <nav aria-label=t("breadcrumb") class="breadcrumb">
                            <a href=crate::i18n::href("/guidance")>{t("guidance-title")}</a>
                        </nav>
                        <article class="article">
                            <h1 lang=lang_if_default(page.title_untranslated)>{page.title}</h1>
                            {(page.title_untranslated || page.text_untranslated).then(|| view! { <UntranslatedNote /> })}
                            <div lang=lang_if_default(page.text_untranslated)><RenderedMarkdown html=page.html /></div>
                        </article>
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
