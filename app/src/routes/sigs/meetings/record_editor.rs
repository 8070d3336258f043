//! `/sigs/:slug/meetings/new` and `/sigs/:slug/meetings/:id/edit`: the
//! record of a meeting (date, agenda, notes, recording), for leads.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{href, t, t_with};

use crate::api::meetings::{load_record_editor, SaveMeetingRecord};
use crate::components::form::{field_error, Field, FormError, TextArea};
use crate::components::page_loader::PageLoader;
use crate::models::fields::URL_MAX_CHARS;
use crate::models::meeting::{
    MeetingRecordEditor, AGENDA_MAX_CHARS, MEETING_TITLE_MAX_CHARS, NOTES_MAX_CHARS,
};

#[component]
pub fn RecordEditorPage() -> impl IntoView {
    let key = crate::routes::sigs::slug_and_id();
    let editor = Resource::new(key, |(slug, id)| load_record_editor(slug, id));
    view! {
        <PageLoader resource=editor editing=t("record-editing") show=move |editor| {
            view! { <RecordForm editor /> }.into_any()
        } />
    }
}

#[component]
fn RecordForm(editor: MeetingRecordEditor) -> impl IntoView {
    let MeetingRecordEditor { form, sig_name } = editor;
    let action = ServerAction::<SaveMeetingRecord>::new();
    let value = Signal::derive(move || action.value().get());
    let is_new = form.id == 0;
    let heading = if is_new {
        t_with("record-new", &[("sig", sig_name.clone().into())])
    } else {
        t_with("series-edit", &[("title", form.title.clone().into())])
    };
    let back = href(&if is_new {
        format!("/sigs/{}/meetings", form.sig)
    } else {
        format!("/sigs/{}/meetings/{}", form.sig, form.id)
    });
    view! {
        <Title text=heading.clone() />
        <section class="form-page form-page-wide">
            <nav aria-label=crate::i18n::t("breadcrumb") class="breadcrumb"><a href=back>{t("editor-back")}</a></nav>
            <h1>{heading}</h1>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[sig]" value=form.sig.clone() />
                <input type="hidden" name="form[id]" value=form.id />
                <div class="field-row">
                    <Field label=t("record-date") name="form[held_on]" id="record-date" kind="date"
                        value=form.held_on.clone() error=field_error(value, "held_on") />
                    <Field label=t("item-title") name="form[title]" id="record-title" maxlength=MEETING_TITLE_MAX_CHARS
                        value=form.title.clone() error=field_error(value, "title") />
                </div>
                <TextArea label=t("record-agenda") name="form[agenda]" id="record-agenda" rows=6
                    hint=t("record-agenda-hint") maxlength=AGENDA_MAX_CHARS
                    value=form.agenda.clone() error=field_error(value, "agenda") />
                <TextArea label=t("sig-notes") name="form[notes]" id="record-notes" rows=12
                    hint=t("record-notes-hint") maxlength=NOTES_MAX_CHARS
                    value=form.notes.clone() error=field_error(value, "notes") />
                <Field label=t("record-recording") name="form[recording_url]" id="record-recording" kind="url"
                    required=false maxlength=URL_MAX_CHARS value=form.recording_url.clone()
                    error=field_error(value, "recording_url") />
                <button type="submit" class="button">{if is_new { t("record-add") } else { t("record-save") }}</button>
            </ActionForm>
        </section>
    }
}
