//! `/admin/guidance/:slug`: editing a governance page, in every language.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::stewardship::{load_guidance_edit, UpdateGuidance};
use crate::components::error_notice::RefusedNotice;
use crate::components::form::{field_error, Field, FormError, TextArea};
use crate::components::translation::{label_in, names, TranslationFieldset};
use crate::errors::AppError;
use crate::i18n::{t, Language};
use crate::models::sig_edit::{GuidanceEditForm, GuidanceText, PAGE_MAX_CHARS, TITLE_MAX_CHARS};

#[component]
pub fn EditGuidancePage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_guidance_edit,
    );
    view! {
        <Title text=t("guidance-edit-title") />
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(form) => view! { <GuidanceEditor form /> }.into_any(),
                    Err(error) => view! { <RefusedNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GuidanceEditor(form: GuidanceEditForm) -> impl IntoView {
    let action = ServerAction::<UpdateGuidance>::new();
    let value = Signal::derive(move || action.value().get());
    let translations = Language::all()
        .filter(|language| !language.is_default())
        .map(|language| {
            let text = form
                .translations
                .get(language.tag())
                .cloned()
                .unwrap_or_default();
            view! { <TranslatedPage language text value /> }
        })
        .collect_view();
    view! {
        <section class="form-page form-page-wide">
            <nav aria-label=t("breadcrumb") class="breadcrumb"><a href=crate::i18n::href("/admin")>{t("admin-title")}</a></nav>
            <h1>{t("guidance-edit-title")}</h1>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[slug]" value=form.slug.clone() />
                <Field label=t("guidance-edit-page-title") name="form[title]" id="guidance-title" maxlength=TITLE_MAX_CHARS
                    value=form.title.clone() error=field_error(value, "title") />
                <TextArea label=t("guidance-edit-text") name="form[markdown]" id="guidance-markdown" rows=16
                    hint=t("guidance-edit-text-hint") maxlength=PAGE_MAX_CHARS value=form.markdown.clone()
                    error=field_error(value, "markdown") />
                {translations}
                <button type="submit" class="button">{t("sig-edit-save")}</button>
            </ActionForm>
        </section>
    }
}

/// The page in another language: left empty, readers of that language get
/// the English page with a note saying so.
#[component]
fn TranslatedPage(
    language: Language,
    text: GuidanceText,
    value: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let tag = language.tag();
    let (title, title_error) = names(language, "title");
    let (markdown, markdown_error) = names(language, "markdown");
    view! {
        <TranslationFieldset language>
            <Field label=label_in(language, "guidance-edit-page-title") name=title
                id=format!("guidance-title-{tag}") maxlength=TITLE_MAX_CHARS required=false
                value=text.title error=field_error(value, title_error) />
            <TextArea label=label_in(language, "guidance-edit-text") name=markdown
                id=format!("guidance-markdown-{tag}") rows=12 maxlength=PAGE_MAX_CHARS
                value=text.markdown error=field_error(value, markdown_error) />
        </TranslationFieldset>
    }
}
