//! `/sigs/:slug/roadmap/new` and `/sigs/:slug/roadmap/:id/edit`: the item
//! form for a SIG's leads and admins.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{href, t, t_with, Words};

use crate::api::roadmap::{load_roadmap_editor, PreviewMarkdown, SaveRoadmapItem};
use crate::components::conflict_details::ConflictDetails;
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{field_error, Field, FormError, Select, TextArea};
use crate::components::form_draft::{drafted_or, submitted};
use crate::components::page_loader::PageLoader;
use crate::models::fields::Choice;
use crate::models::fields::URL_MAX_CHARS;
use crate::models::roadmap::{
    RoadmapItemEditor, RoadmapStatus, EXIT_CRITERION_MAX_CHARS, ITEM_DESCRIPTION_MAX_CHARS,
    ITEM_TITLE_MAX_CHARS,
};

#[component]
pub fn RoadmapEditorPage() -> impl IntoView {
    let key = crate::routes::sigs::slug_and_id();
    let editor = Resource::new(key, |(slug, id)| load_roadmap_editor(slug, id));
    view! {
        <PageLoader resource=editor editing=t("item-eyebrow") show=move |editor| {
            view! { <ItemForm editor /> }.into_any()
        } />
    }
}

#[component]
fn ItemForm(editor: RoadmapItemEditor) -> impl IntoView {
    let RoadmapItemEditor {
        form,
        sig_name,
        owners,
        months,
    } = editor;
    let action = ServerAction::<SaveRoadmapItem>::new();
    let value = Signal::derive(move || action.value().get());
    let is_new = form.id == 0;
    let heading = if is_new {
        t_with("editor-new", &[("sig", sig_name.clone().into())])
    } else {
        t_with("series-edit", &[("title", form.title.clone().into())])
    };
    let back = href(&if is_new {
        format!("/sigs/{}/roadmap", form.sig)
    } else {
        format!("/sigs/{}/roadmap/{}", form.sig, form.id)
    });
    let statuses: Vec<Choice> = RoadmapStatus::ALL
        .into_iter()
        .map(|status| Choice {
            value: status.as_str().to_owned(),
            label: status.label(),
        })
        .collect();
    let mut owner_choices = vec![Choice {
        value: String::new(),
        label: t("item-nobody"),
    }];
    owner_choices.extend(owners);
    let yours = sent_values(&statuses, &months, &owner_choices);
    view! {
        <Title text=heading.clone() />
        <section class="form-page form-page-wide">
            <nav aria-label=crate::i18n::t("breadcrumb") class="breadcrumb"><a href=back>{t("editor-back")}</a></nav>
            <h1>{heading}</h1>
            <FormError value />
            <ConflictDetails value edit_href=href(&format!("/sigs/{}/roadmap/{}/edit", form.sig, form.id))
                yours />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[sig]" value=form.sig.clone() />
                <input type="hidden" name="form[id]" value=form.id />
                <input type="hidden" name="form[version]" value=form.version />
                <Field label=t("item-title") name="form[title]" id="item-title" maxlength=ITEM_TITLE_MAX_CHARS
                    value=form.title.clone() error=field_error(value, "title") />
                <DescriptionField value=drafted_or("form[description]", form.description.clone()) error=field_error(value, "description").get_untracked()
                    words=Words::of(DESCRIPTION_WORDS) />
                <div class="field-row">
                    <Select label=t("item-status") name="form[status]" id="item-status" choices=statuses
                        selected=form.status.clone() error=field_error(value, "status") />
                    <Select label=t("item-target") name="form[target_month]" id="item-month" choices=months
                        selected=form.target_month.clone() error=field_error(value, "target_month") />
                    <Select label=t("item-owner") name="form[owner]" id="item-owner" choices=owner_choices
                        selected=form.owner.clone() error=field_error(value, "owner") />
                </div>
                <Field label=t("item-link") name="form[link_url]" id="item-link" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.link_url.clone()
                    hint=t("editor-link-hint") error=field_error(value, "link_url") />
                <Field label=t("editor-exit") name="form[exit_criterion]" id="item-exit"
                    maxlength=EXIT_CRITERION_MAX_CHARS required=false value=form.exit_criterion.clone()
                    hint=t("editor-exit-hint") error=field_error(value, "exit_criterion") />
                <button type="submit" class="button">{if is_new { t("editor-add") } else { t("editor-save") }}</button>
            </ActionForm>
        </section>
    }
}

/// The markdown description with a preview, which appears once the page is
/// hydrated (without JavaScript the item page shows the formatted text).
/// An island: the preview asks the server to render the text being typed.
/// The words of the description island (translated on the server).
const DESCRIPTION_WORDS: &[&str] = &[
    "item-description-heading",
    "editor-description-hint",
    "editor-preview",
    "editor-preview-heading",
];

#[island]
fn DescriptionField(value: String, error: Option<String>, words: Words) -> impl IntoView {
    let text = RwSignal::new(value.clone());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let preview = ServerAction::<PreviewMarkdown>::new();
    let (button, heading) = (
        words.get("editor-preview"),
        words.get("editor-preview-heading"),
    );
    view! {
        // The textarea's input events bubble here; the preview reads its text.
        <div on:input=move |event| text.set(event_target_value(&event))>
            <TextArea label=words.get("item-description-heading") name="form[description]" id="item-description" rows=8
                hint=words.get("editor-description-hint")
                maxlength=ITEM_DESCRIPTION_MAX_CHARS value error />
        </div>
        <Show when=move || hydrated.get()>
            <div class="preview">
                <button type="button" class="button button-small button-secondary"
                    on:click=move |_| { preview.dispatch(PreviewMarkdown { markdown: text.get_untracked() }); }>
                    {button.clone()}
                </button>
                {
                    let heading = heading.clone();
                    move || preview.value().get().map(|result| match result {
                        Ok(html) => view! {
                            <div class="preview-box" role="status">
                                <p class="field-hint">{heading.clone()}</p>
                                <div class="prose" inner_html=html></div>
                            </div>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    })
                }
            </div>
        </Show>
    }
}

/// What the refused submission said, by the labels the conflict table uses
/// (choices shown by their labels, as the saved version is).
fn sent_values(statuses: &[Choice], months: &[Choice], owners: &[Choice]) -> Vec<(String, String)> {
    let Some(draft) = submitted() else {
        return Vec::new();
    };
    // Browsers send a textarea's line breaks as CRLF; the saved text has LF.
    let text = |name: &str| draft.get(name).unwrap_or_default().replace("\r\n", "\n");
    // No choice (no owner) reads as the saved version's empty value does.
    let label = |choices: &[Choice], name: &str| {
        let value = text(name);
        choices
            .iter()
            .find(|choice| choice.value == value && !value.is_empty())
            .map_or(value, |choice| choice.label.clone())
    };
    [
        ("item-title", text("form[title]")),
        ("item-status", label(statuses, "form[status]")),
        ("item-target", label(months, "form[target_month]")),
        ("item-owner", label(owners, "form[owner]")),
        ("item-link", text("form[link_url]")),
        ("editor-exit", text("form[exit_criterion]")),
        ("item-description-heading", text("form[description]")),
    ]
    .into_iter()
    .map(|(key, value)| (t(key), value))
    .collect()
}
