//! `/sigs/:slug/roadmap/new` and `/sigs/:slug/roadmap/:id/edit`: the item
//! form for a SIG's leads and admins.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::roadmap::{load_roadmap_editor, PreviewMarkdown, SaveRoadmapItem};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{field_error, Field, FormError, Select, TextArea};
use crate::components::form_draft::{drafted_or, submitted};
use crate::components::page_loader::PageLoader;
use crate::errors::AppError;
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
        <PageLoader resource=editor editing="Roadmap item" show=move |editor| {
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
        format!("New item on the {sig_name} roadmap")
    } else {
        format!("Edit “{}”", form.title)
    };
    let back = if is_new {
        format!("/sigs/{}/roadmap", form.sig)
    } else {
        format!("/sigs/{}/roadmap/{}", form.sig, form.id)
    };
    let statuses: Vec<Choice> = RoadmapStatus::ALL
        .into_iter()
        .map(|status| Choice {
            value: status.as_str().to_owned(),
            label: status.label().to_owned(),
        })
        .collect();
    let mut owner_choices = vec![Choice {
        value: String::new(),
        label: "Nobody yet".to_owned(),
    }];
    owner_choices.extend(owners);
    let yours = sent_values(&statuses, &months, &owner_choices);
    view! {
        <Title text=heading.clone() />
        <section class="form-page form-page-wide">
            <nav aria-label="Breadcrumb" class="breadcrumb"><a href=back>"Back"</a></nav>
            <h1>{heading}</h1>
            <FormError value />
            <ConflictDetails value edit_href=crate::i18n::href(&format!("/sigs/{}/roadmap/{}/edit", form.sig, form.id))
                yours />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[sig]" value=form.sig.clone() />
                <input type="hidden" name="form[id]" value=form.id />
                <input type="hidden" name="form[version]" value=form.version />
                <Field label="Title" name="form[title]" id="item-title" maxlength=ITEM_TITLE_MAX_CHARS
                    value=form.title.clone() error=field_error(value, "title") />
                <DescriptionField value=drafted_or("form[description]", form.description.clone()) error=field_error(value, "description").get_untracked() />
                <div class="field-row">
                    <Select label="Status" name="form[status]" id="item-status" choices=statuses
                        selected=form.status.clone() error=field_error(value, "status") />
                    <Select label="Target month" name="form[target_month]" id="item-month" choices=months
                        selected=form.target_month.clone() error=field_error(value, "target_month") />
                    <Select label="Owner" name="form[owner]" id="item-owner" choices=owner_choices
                        selected=form.owner.clone() error=field_error(value, "owner") />
                </div>
                <Field label="Linked issue or PR" name="form[link_url]" id="item-link" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.link_url.clone()
                    hint="An https:// address, such as the tracking issue." error=field_error(value, "link_url") />
                <Field label="Exit criterion" name="form[exit_criterion]" id="item-exit"
                    maxlength=EXIT_CRITERION_MAX_CHARS required=false value=form.exit_criterion.clone()
                    hint="How everyone will know it is done." error=field_error(value, "exit_criterion") />
                <button type="submit" class="button">{if is_new { "Add the item" } else { "Save the item" }}</button>
            </ActionForm>
        </section>
    }
}

/// The markdown description with a preview, which appears once the page is
/// hydrated (without JavaScript the item page shows the formatted text).
/// An island: the preview asks the server to render the text being typed.
#[island]
fn DescriptionField(value: String, error: Option<String>) -> impl IntoView {
    let text = RwSignal::new(value.clone());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let preview = ServerAction::<PreviewMarkdown>::new();
    view! {
        // The textarea's input events bubble here; the preview reads its text.
        <div on:input=move |event| text.set(event_target_value(&event))>
            <TextArea label="Description" name="form[description]" id="item-description" rows=8
                hint="Markdown: what, why, and where help is welcome."
                maxlength=ITEM_DESCRIPTION_MAX_CHARS value error />
        </div>
        <Show when=move || hydrated.get()>
            <div class="preview">
                <button type="button" class="button button-small button-secondary"
                    on:click=move |_| { preview.dispatch(PreviewMarkdown { markdown: text.get_untracked() }); }>
                    "Preview the description"
                </button>
                {move || preview.value().get().map(|result| match result {
                    Ok(html) => view! {
                        <div class="preview-box" role="status">
                            <p class="field-hint">"Preview"</p>
                            <div class="prose" inner_html=html></div>
                        </div>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })}
            </div>
        </Show>
    }
}

/// After a conflict: the version saved meanwhile beside the one sent, with
/// the three ways on. The form below holds what was sent (see
/// `form_draft`) and the saved version's number, so saving it keeps yours
/// or a merge of both; the link starts again from the saved version.
#[component]
fn ConflictDetails(
    value: Signal<Option<Result<i64, AppError>>>,
    edit_href: String,
    /// What was sent, as (label, text) in the order of the saved fields.
    yours: Vec<(String, String)>,
) -> impl IntoView {
    move || {
        value.with(|v| match v {
            Some(Err(AppError::Conflict(current))) => Some(view! {
                <section class="panel conflict" aria-labelledby="conflict-heading">
                    <h2 id="conflict-heading">"Two versions of this item"</h2>
                    <div class="table-scroll">
                        <table class="conflict-table">
                            <caption class="visually-hidden">"The version saved meanwhile and yours"</caption>
                            <thead>
                                <tr><th scope="col">"Field"</th><th scope="col">"Saved meanwhile"</th><th scope="col">"Yours"</th></tr>
                            </thead>
                            <tbody>
                                {current.fields.iter().map(|(label, saved)| {
                                    let mine = yours.iter().find(|(l, _)| l == label).map(|(_, v)| v.clone());
                                    let differs = mine.as_ref().is_some_and(|mine| mine != saved);
                                    let shown = |text: &str| if text.is_empty() { "—".to_owned() } else { text.to_owned() };
                                    view! {
                                        <tr class:conflict-differs=differs>
                                            <th scope="row">{label.clone()}</th>
                                            <td>{shown(saved)}</td>
                                            <td>{mine.as_deref().map_or_else(|| "—".to_owned(), shown)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <ul class="conflict-choices">
                        <li><strong>"Keep yours: "</strong>"the form below holds it; save it."</li>
                        <li><strong>"Merge: "</strong>"copy what you need from the saved version into the form, then save."</li>
                        <li><strong>"Take the saved version: "</strong>
                            <a href=edit_href.clone() rel="external">"start again from the saved version"</a>"."</li>
                    </ul>
                </section>
            }
            // Erased: the full type is too deep for release builds.
            .into_any()),
            _ => None,
        })
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
        ("Title", text("form[title]")),
        ("Status", label(statuses, "form[status]")),
        ("Target month", label(months, "form[target_month]")),
        ("Owner", label(owners, "form[owner]")),
        ("Linked issue or PR", text("form[link_url]")),
        ("Exit criterion", text("form[exit_criterion]")),
        ("Description", text("form[description]")),
    ]
    .into_iter()
    .map(|(label, value)| (label.to_owned(), value))
    .collect()
}
