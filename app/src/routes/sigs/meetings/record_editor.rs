//! `/sigs/:slug/meetings/new` and `/sigs/:slug/meetings/:id/edit`: the
//! record of a meeting (date, agenda, notes, recording), for leads.

use leptos::prelude::*;
use leptos_meta::Title;

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
        <PageLoader resource=editor editing="Meeting record" show=move |editor| {
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
        format!("Record a meeting of {sig_name}")
    } else {
        format!("Edit “{}”", form.title)
    };
    let back = if is_new {
        format!("/sigs/{}/meetings", form.sig)
    } else {
        format!("/sigs/{}/meetings/{}", form.sig, form.id)
    };
    view! {
        <Title text=heading.clone() />
        <section class="form-page form-page-wide">
            <nav aria-label="Breadcrumb" class="breadcrumb"><a href=back>"Back"</a></nav>
            <h1>{heading}</h1>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[sig]" value=form.sig.clone() />
                <input type="hidden" name="form[id]" value=form.id />
                <div class="field-row">
                    <Field label="Date" name="form[held_on]" id="record-date" kind="date"
                        value=form.held_on.clone() error=field_error(value, "held_on") />
                    <Field label="Title" name="form[title]" id="record-title" maxlength=MEETING_TITLE_MAX_CHARS
                        value=form.title.clone() error=field_error(value, "title") />
                </div>
                <TextArea label="Agenda" name="form[agenda]" id="record-agenda" rows=6
                    hint="Markdown: the topics, with who brings each." maxlength=AGENDA_MAX_CHARS
                    value=form.agenda.clone() error=field_error(value, "agenda") />
                <TextArea label="Notes" name="form[notes]" id="record-notes" rows=12
                    hint="Markdown: who came, what was decided, the action items." maxlength=NOTES_MAX_CHARS
                    value=form.notes.clone() error=field_error(value, "notes") />
                <Field label="Recording" name="form[recording_url]" id="record-recording" kind="url"
                    required=false maxlength=URL_MAX_CHARS value=form.recording_url.clone()
                    error=field_error(value, "recording_url") />
                <button type="submit" class="button">{if is_new { "Add the record" } else { "Save the record" }}</button>
            </ActionForm>
        </section>
    }
}
