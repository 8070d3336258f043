//! `/sigs/:slug/meetings/series/:id/changes`: a lead cancels or moves one
//! meeting of a series (with a short reason), puts one back as planned, or
//! ends the series; the members are told by e-mail.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::meeting_changes::{load_meeting_changes, ChangeMeeting};
use crate::components::form::{field_error, Field, FormError, Select};
use crate::components::form_draft::drafted_or;
use crate::components::meeting_changes::MeetingChangeList;
use crate::components::page_loader::PageLoader;
use crate::i18n::{href, t, t_with};
use crate::models::meeting::{MeetingChangeView, MeetingChangesEditor, REASON_MAX_CHARS};

#[component]
pub fn MeetingChangesPage() -> impl IntoView {
    let key = crate::routes::sigs::slug_and_id();
    let editor = Resource::new(key, |(slug, id)| load_meeting_changes(slug, id));
    view! {
        <PageLoader resource=editor editing=t("series-editing") show=move |editor| {
            view! { <ChangesForm editor /> }.into_any()
        } />
    }
}

const ACTIONS: [(&str, &str); 4] = [
    ("cancel", "change-action-cancel"),
    ("move", "change-action-move"),
    ("restore", "change-action-restore"),
    ("end", "change-action-end"),
];

#[component]
fn ChangesForm(editor: MeetingChangesEditor) -> impl IntoView {
    let MeetingChangesEditor {
        form,
        sig_name,
        series_title,
        rule,
        zone,
        meetings,
        changes,
        ends,
    } = editor;
    let action = ServerAction::<ChangeMeeting>::new();
    let value = Signal::derive(move || action.value().get());
    let heading = t_with("change-heading", &[("title", series_title.into())]);
    let back = href(&format!("/sigs/{}/meetings", form.sig));
    let chosen = drafted_or("form[action]", form.action.clone());
    let no_meetings = meetings.is_empty();
    let (sig, series) = (form.sig.clone(), form.series);
    let has_ends = ends.is_some();
    let listed = changes.clone();
    view! {
        <Title text=heading.clone() />
        <section class="form-page form-page-wide">
            <nav aria-label=t("breadcrumb") class="breadcrumb">
                <a href=back>{t_with("change-back", &[("sig", sig_name.into())])}</a>
            </nav>
            <h1>{heading}</h1>
            <p class="lead-text">{rule}</p>
            <MeetingChangeList changes=listed ends />
            <FormError value />
            {no_meetings.then(|| view! { <p class="empty">{t("series-no-date")}</p> })}
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[sig]" value=form.sig.clone() />
                <input type="hidden" name="form[series]" value=form.series />
                <Select label=t("change-which") name="form[occurs_on]" id="change-day" choices=meetings
                    selected=form.occurs_on.clone() error=field_error(value, "occurs_on") />
                <fieldset class="form-section" aria-describedby="change-action-error">
                    <legend>{t("change-what")}</legend>
                    <div class="change-choices">
                        {ACTIONS.iter().map(|(choice, key)| {
                            let id = format!("change-{choice}");
                            let label_for = id.clone();
                            view! {
                                <label for=label_for>
                                    <input type="radio" id=id name="form[action]" value=*choice
                                        checked=chosen == *choice />
                                    {t(key)}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    <p class="field-error" id="change-action-error" role="alert">{move || field_error(value, "action").get()}</p>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{t("change-new-time")}</legend>
                    <p class="field-hint">{t_with("change-new-time-hint", &[("zone", zone.into())])}</p>
                    <div class="field-row">
                        <Field label=t("change-new-day") name="form[moved_on]" id="change-moved-on" kind="date"
                            required=false value=form.moved_on.clone() error=field_error(value, "moved_on") />
                        <Field label=t("series-starts") name="form[start_time]" id="change-start" kind="time"
                            required=false value=form.start_time.clone() error=field_error(value, "start_time") />
                        <Field label=t("series-ends") name="form[end_time]" id="change-end" kind="time"
                            required=false value=form.end_time.clone() error=field_error(value, "end_time") />
                    </div>
                </fieldset>
                <Field label=t("change-reason") name="form[reason]" id="change-reason" required=false
                    maxlength=REASON_MAX_CHARS value=form.reason.clone() hint=t("change-reason-hint")
                    error=field_error(value, "reason") />
                <button type="submit" class="button">{t("change-submit")}</button>
            </ActionForm>
            {has_ends.then(|| view! { <ResumeForm sig=sig.clone() series /> })}
            <PutBackForms sig series changes />
        </section>
    }
}

/// One button per changed meeting: it takes place as planned after all.
#[component]
fn PutBackForms(sig: String, series: i64, changes: Vec<MeetingChangeView>) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        view! {
            <section class="stack" aria-labelledby="put-back-heading">
                <h2 id="put-back-heading">{t("change-put-back-heading")}</h2>
                {changes.into_iter().map(|change| {
                    let action = ServerAction::<ChangeMeeting>::new();
                    let when = change.planned.in_zone.clone();
                    let sig = sig.clone();
                    view! {
                        <ActionForm action attr:class="card-actions-line">
                            <input type="hidden" name="form[sig]" value=sig />
                            <input type="hidden" name="form[series]" value=series />
                            <input type="hidden" name="form[occurs_on]" value=change.occurs_on />
                            <input type="hidden" name="form[action]" value="restore" />
                            <button type="submit" class="button button-small button-secondary">
                                {t_with("change-put-back", &[("when", when.into())])}
                            </button>
                        </ActionForm>
                    }
                }).collect_view()}
            </section>
        }
    })
}

/// An ended series meets again by its rule.
#[component]
fn ResumeForm(sig: String, series: i64) -> impl IntoView {
    let action = ServerAction::<ChangeMeeting>::new();
    view! {
        <ActionForm action attr:class="card-actions-line">
            <input type="hidden" name="form[sig]" value=sig />
            <input type="hidden" name="form[series]" value=series />
            <input type="hidden" name="form[action]" value="resume" />
            <button type="submit" class="button button-secondary">{t("change-resume")}</button>
        </ActionForm>
    }
}
