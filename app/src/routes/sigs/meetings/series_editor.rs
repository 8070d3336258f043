//! `/sigs/:slug/meetings/series/new` and `…/series/:id/edit`: the form for a
//! SIG's regular meeting, for its leads and admins.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{href, t, t_with};

use crate::api::meetings::{load_series_editor, SaveMeetingSeries};
use crate::components::form::{field_error, Field, FormError, Select};
use crate::components::page_loader::PageLoader;
use crate::models::fields::Choice;
use crate::models::fields::URL_MAX_CHARS;
use crate::models::meeting::{
    weekday_label, Cadence, MeetingSeriesEditor, WeekOfMonth, MEETING_TITLE_MAX_CHARS,
    ZONE_MAX_CHARS,
};

#[component]
pub fn SeriesEditorPage() -> impl IntoView {
    let key = crate::routes::sigs::slug_and_id();
    let editor = Resource::new(key, |(slug, id)| load_series_editor(slug, id));
    view! {
        <PageLoader resource=editor editing=t("series-editing") show=move |editor| {
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
        t_with("series-new", &[("sig", sig_name.clone().into())])
    } else {
        t_with("series-edit", &[("title", form.title.clone().into())])
    };
    let weekdays = choices((1..=7).map(|n| (n.to_string(), weekday_label(n))));
    let cadences = choices(
        Cadence::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), c.label())),
    );
    let mut weeks = vec![Choice {
        value: String::new(),
        label: t("series-not-monthly"),
    }];
    weeks.extend(choices(
        WeekOfMonth::ALL
            .iter()
            .map(|w| (w.0.to_string(), w.label())),
    ));
    view! {
        <Title text=heading.clone() />
        <section class="form-page form-page-wide">
            <nav aria-label=crate::i18n::t("breadcrumb") class="breadcrumb">
                <a href=href(&format!("/sigs/{}/meetings", form.sig))>{t("series-back")}</a>
            </nav>
            <h1>{heading}</h1>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[sig]" value=form.sig.clone() />
                <input type="hidden" name="form[id]" value=form.id />
                <Field label=t("members-name") name="form[title]" id="series-title" maxlength=MEETING_TITLE_MAX_CHARS
                    value=form.title.clone() hint=t("series-title-hint") error=field_error(value, "title") />
                <div class="field-row">
                    <Select label=t("series-day") name="form[weekday]" id="series-weekday" choices=weekdays
                        selected=form.weekday.clone() error=field_error(value, "weekday") />
                    <Field label=t("series-starts") name="form[start_time]" id="series-start" kind="time"
                        value=form.start_time.clone() error=field_error(value, "start_time") />
                    <Field label=t("series-ends") name="form[end_time]" id="series-end" kind="time"
                        value=form.end_time.clone() error=field_error(value, "end_time") />
                </div>
                <Field label=t("hours-zone-label") name="form[time_zone]" id="series-zone" list="time-zones"
                    maxlength=ZONE_MAX_CHARS value=form.time_zone.clone()
                    hint=t("series-zone-hint")
                    error=field_error(value, "time_zone") />
                <datalist id="time-zones">
                    {zones.into_iter().map(|zone| view! { <option value=zone></option> }).collect_view()}
                </datalist>
                <div class="field-row">
                    <Select label=t("series-how-often") name="form[cadence]" id="series-cadence" choices=cadences
                        selected=form.cadence.clone() error=field_error(value, "cadence") />
                    <Select label=t("series-week") name="form[week_of_month]" id="series-week" choices=weeks
                        selected=form.week_of_month.clone() error=field_error(value, "week_of_month") />
                    <Field label=t("series-first") name="form[starts_on]" id="series-starts" kind="date"
                        value=form.starts_on.clone() error=field_error(value, "starts_on") />
                </div>
                <Field label=t("series-call") name="form[join_url]" id="series-join" kind="url" required=false
                    maxlength=URL_MAX_CHARS value=form.join_url.clone() error=field_error(value, "join_url") />
                <Field label=t("series-notes-doc") name="form[notes_url]" id="series-notes" kind="url"
                    required=false maxlength=URL_MAX_CHARS value=form.notes_url.clone()
                    error=field_error(value, "notes_url") />
                <Field label=t("series-recordings") name="form[recordings_url]" id="series-recordings" kind="url"
                    required=false maxlength=URL_MAX_CHARS value=form.recordings_url.clone()
                    error=field_error(value, "recordings_url") />
                <button type="submit" class="button">{if is_new { t("series-add") } else { t("series-save") }}</button>
            </ActionForm>
        </section>
    }
}
