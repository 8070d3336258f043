//! `/sigs/:slug/meetings/series/new` and `…/series/:id/edit`: the form for a
//! SIG's regular meeting, for its leads and admins.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::meetings::{load_series_editor, SaveMeetingSeries};
use crate::components::form::{field_error, Field, FormError, Select};
use crate::components::page_loader::PageLoader;
use crate::models::fields::Choice;
use crate::models::fields::URL_MAX_CHARS;
use crate::models::meeting::{
    Cadence, MeetingSeriesEditor, WeekOfMonth, MEETING_TITLE_MAX_CHARS, WEEKDAYS, ZONE_MAX_CHARS,
};

#[component]
pub fn SeriesEditorPage() -> impl IntoView {
    let key = crate::routes::sigs::slug_and_id();
    let editor = Resource::new(key, |(slug, id)| load_series_editor(slug, id));
    view! {
        <PageLoader resource=editor editing="Regular meeting" show=move |editor| {
            view! { <SeriesForm editor /> }.into_any()
        } />
    }
}

fn choices(values: impl IntoIterator<Item = (String, String)>) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(value, label)| Choice { value, label })
        .collect()
}

#[component]
fn SeriesForm(editor: MeetingSeriesEditor) -> impl IntoView {
    let MeetingSeriesEditor {
        form,
        sig_name,
        zones,
    } = editor;
    let action = ServerAction::<SaveMeetingSeries>::new();
    let value = Signal::derive(move || action.value().get());
    let is_new = form.id == 0;
    let heading = if is_new {
        format!("New regular meeting of {sig_name}")
    } else {
        format!("Edit “{}”", form.title)
    };
    let weekdays = choices(
        WEEKDAYS
            .iter()
            .zip(1..)
            .map(|(name, n)| (n.to_string(), (*name).to_owned())),
    );
    let cadences = choices(
        Cadence::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), c.label().to_owned())),
    );
    let mut weeks = vec![Choice {
        value: String::new(),
        label: "Not monthly".to_owned(),
    }];
    weeks.extend(choices(
        WeekOfMonth::ALL
            .iter()
            .map(|w| (w.0.to_string(), format!("The {} one", w.label()))),
    ));
    view! {
        <Title text=heading.clone() />
        <section class="form-page form-page-wide">
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <a href=crate::i18n::href(&format!("/sigs/{}/meetings", form.sig))>"Back to the meetings"</a>
            </nav>
            <h1>{heading}</h1>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[sig]" value=form.sig.clone() />
                <input type="hidden" name="form[id]" value=form.id />
                <Field label="Name" name="form[title]" id="series-title" maxlength=MEETING_TITLE_MAX_CHARS
                    value=form.title.clone() hint="Such as “SIG meeting” or “Triage”." error=field_error(value, "title") />
                <div class="field-row">
                    <Select label="Day" name="form[weekday]" id="series-weekday" choices=weekdays
                        selected=form.weekday.clone() error=field_error(value, "weekday") />
                    <Field label="Starts at" name="form[start_time]" id="series-start" kind="time"
                        value=form.start_time.clone() error=field_error(value, "start_time") />
                    <Field label="Ends at" name="form[end_time]" id="series-end" kind="time"
                        value=form.end_time.clone() error=field_error(value, "end_time") />
                </div>
                <Field label="Time zone" name="form[time_zone]" id="series-zone" list="time-zones"
                    maxlength=ZONE_MAX_CHARS value=form.time_zone.clone()
                    hint="The zone the meeting's time is set in, such as Asia/Shanghai: the time stays the same there when clocks change."
                    error=field_error(value, "time_zone") />
                <datalist id="time-zones">
                    {zones.into_iter().map(|zone| view! { <option value=zone></option> }).collect_view()}
                </datalist>
                <div class="field-row">
                    <Select label="How often" name="form[cadence]" id="series-cadence" choices=cadences
                        selected=form.cadence.clone() error=field_error(value, "cadence") />
                    <Select label="Week of the month" name="form[week_of_month]" id="series-week" choices=weeks
                        selected=form.week_of_month.clone() error=field_error(value, "week_of_month") />
                    <Field label="First meeting on or after" name="form[starts_on]" id="series-starts" kind="date"
                        value=form.starts_on.clone() error=field_error(value, "starts_on") />
                </div>
                <Field label="Video call" name="form[join_url]" id="series-join" kind="url" required=false
                    maxlength=URL_MAX_CHARS value=form.join_url.clone() error=field_error(value, "join_url") />
                <Field label="Agenda and notes document" name="form[notes_url]" id="series-notes" kind="url"
                    required=false maxlength=URL_MAX_CHARS value=form.notes_url.clone()
                    error=field_error(value, "notes_url") />
                <Field label="Recordings playlist" name="form[recordings_url]" id="series-recordings" kind="url"
                    required=false maxlength=URL_MAX_CHARS value=form.recordings_url.clone()
                    error=field_error(value, "recordings_url") />
                <button type="submit" class="button">{if is_new { "Add the meeting" } else { "Save the meeting" }}</button>
            </ActionForm>
        </section>
    }
}
