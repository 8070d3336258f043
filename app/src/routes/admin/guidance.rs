//! `/admin/guidance/:slug`: editing a governance page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::stewardship::{load_guidance_edit, UpdateGuidance};
use crate::components::error_notice::RefusedNotice;
use crate::components::form::{field_error, Field, FormError, TextArea};
use crate::models::sig_edit::{GuidanceEditForm, PAGE_MAX_CHARS, TITLE_MAX_CHARS};

#[component]
pub fn EditGuidancePage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_guidance_edit,
    );
    view! {
        <Title text="Edit governance page" />
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
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
    view! {
        <section class="form-page form-page-wide">
            <nav aria-label="Breadcrumb" class="breadcrumb"><a href=crate::i18n::href("/admin")>"Administration"</a></nav>
            <h1>"Edit governance page"</h1>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[slug]" value=form.slug.clone() />
                <Field label="Title" name="form[title]" id="guidance-title" maxlength=TITLE_MAX_CHARS
                    value=form.title.clone() error=field_error(value, "title") />
                <TextArea label="Text" name="form[markdown]" id="guidance-markdown" rows=16
                    hint="Markdown." maxlength=PAGE_MAX_CHARS value=form.markdown.clone()
                    error=field_error(value, "markdown") />
                <button type="submit" class="button">"Save the page"</button>
            </ActionForm>
        </section>
    }
}
