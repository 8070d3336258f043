//! Meetings: a SIG's series and archive (public), the leads' changes to
//! them, and a member's private calendar address.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::meeting::{
    CalendarLink, MeetingRecordDetail, MeetingRecordEditor, MeetingRecordForm, MeetingSeriesEditor,
    MeetingSeriesForm, SeriesView, SigMeetings, WorkingHours,
};

/// A SIG's series with their next meetings, and its archive; 404 for an
/// unknown SIG.
#[server(endpoint = "load_sig_meetings")]
pub async fn load_sig_meetings(slug: String) -> Result<SigMeetings, AppError> {
    use crate::store::meetings::{records_of_sig, series_of_sig};
    let state = crate::state::app_state()?;
    let sig_name = sig_name(&state.db, &slug).await?;
    let now = state.clock.now();
    let series = series_of_sig(&state.db, &slug).await?;
    let records = records_of_sig(&state.db, &slug).await?;
    Ok(SigMeetings {
        sig_slug: slug.clone(),
        sig_name,
        series: series.iter().map(|stored| stored.view(now)).collect(),
        records: records.iter().map(|record| record.summary()).collect(),
        can_edit: crate::permissions::sig_editor(&state.db, &slug)
            .await
            .is_ok(),
    })
}

/// Every active SIG's regular meetings, the soonest first.
#[server(endpoint = "load_upcoming_meetings")]
pub async fn load_upcoming_meetings() -> Result<Vec<SeriesView>, AppError> {
    let state = crate::state::app_state()?;
    let now = state.clock.now();
    let mut series: Vec<SeriesView> = crate::store::meetings::series_of_active_sigs(&state.db)
        .await?
        .iter()
        .map(|stored| stored.view(now))
        .collect();
    series.sort_by_key(|view| view.next.as_ref().map_or(i64::MAX, |next| next.starts_unix));
    Ok(series)
}

/// The slugs of the SIGs with a meeting on a weekday within the visitor's
/// working hours in their zone; `None` when the filter is not set.
#[server(endpoint = "sigs_meeting_in_hours")]
pub async fn sigs_meeting_in_hours(hours: WorkingHours) -> Result<Option<Vec<String>>, AppError> {
    if !hours.is_set() {
        return Ok(None);
    }
    let refuse = |message: String| -> AppError {
        let mut errors = crate::errors::FieldErrors::default();
        errors.add("tz", message);
        errors.into()
    };
    let zone = crate::schedule::zones::parse(&hours.tz).ok_or_else(|| {
        refuse(format!(
            "“{}” is not a time zone we know: use a name such as Europe/Berlin.",
            hours.tz.trim().chars().take(64).collect::<String>()
        ))
    })?;
    let (from, to) = hours.hours().map_err(refuse)?;
    let state = crate::state::app_state()?;
    let now = state.clock.now();
    let series = crate::store::meetings::series_of_active_sigs(&state.db).await?;
    let mut slugs: Vec<String> = series
        .iter()
        .filter(|stored| {
            stored
                .schedule()
                .and_then(|schedule| schedule.next_after(now))
                .is_some_and(|meeting| {
                    crate::schedule::within_working_hours(meeting, zone, from, to)
                })
        })
        .map(|stored| stored.sig_slug.clone())
        .collect();
    slugs.dedup();
    Ok(Some(slugs))
}

/// The series form's starting values (`id` 0 for a new series).
#[server(endpoint = "load_series_editor")]
pub async fn load_series_editor(slug: String, id: i64) -> Result<MeetingSeriesEditor, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::sig_editor(&state.db, &slug).await?;
    let sig_name = sig_name(&state.db, &slug).await?;
    let form = if id == 0 {
        MeetingSeriesForm {
            sig: slug.clone(),
            weekday: "4".into(),
            start_time: "15:00".into(),
            end_time: "16:00".into(),
            time_zone: "UTC".into(),
            cadence: "weekly".into(),
            starts_on: state.clock.today().key(),
            ..MeetingSeriesForm::default()
        }
    } else {
        crate::store::meetings::find_series(&state.db, &slug, id)
            .await?
            .ok_or(AppError::NotFound)?
            .form()
    };
    Ok(MeetingSeriesEditor {
        form,
        sig_name,
        zones: crate::schedule::zones::suggestions(),
    })
}

/// Adds or replaces a series; then back to the SIG's meetings.
#[server(endpoint = "save_meeting_series")]
pub async fn save_meeting_series(form: MeetingSeriesForm) -> Result<i64, AppError> {
    let state = crate::state::app_state()?;
    let slug = form.sig.trim();
    let editor = crate::permissions::sig_editor(&state.db, slug).await?;
    let series = form.validate(crate::schedule::zones::canonical)?;
    let id = crate::store::meetings::save_series(&state.db, slug, form.id, &series)
        .await?
        .ok_or(AppError::NotFound)?;
    let summary = format!("{slug}: meeting \"{}\" saved", series.title);
    crate::api::git_sync::note_edit(&state.db, editor.id, summary).await;
    crate::i18n::redirect(&format!("/sigs/{slug}/meetings"));
    Ok(id)
}

/// One meeting's record; 404 when it is not a record of that SIG.
#[server(endpoint = "load_meeting_record")]
pub async fn load_meeting_record(slug: String, id: i64) -> Result<MeetingRecordDetail, AppError> {
    let state = crate::state::app_state()?;
    let sig_name = sig_name(&state.db, &slug).await?;
    let record = crate::store::meetings::find_record(&state.db, &slug, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(MeetingRecordDetail {
        sig_slug: slug.clone(),
        sig_name,
        summary: record.summary(),
        agenda_html: crate::markdown::render(&record.agenda),
        notes_html: crate::markdown::render(&record.notes),
        can_edit: crate::permissions::sig_editor(&state.db, &slug)
            .await
            .is_ok(),
    })
}

/// The record form's starting values (`id` 0 for a new record, dated today).
#[server(endpoint = "load_record_editor")]
pub async fn load_record_editor(slug: String, id: i64) -> Result<MeetingRecordEditor, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::sig_editor(&state.db, &slug).await?;
    let sig_name = sig_name(&state.db, &slug).await?;
    let form = if id == 0 {
        MeetingRecordForm {
            sig: slug.clone(),
            held_on: state.clock.today().key(),
            title: format!("{sig_name} meeting"),
            ..MeetingRecordForm::default()
        }
    } else {
        let record = crate::store::meetings::find_record(&state.db, &slug, id)
            .await?
            .ok_or(AppError::NotFound)?;
        MeetingRecordForm {
            sig: slug.clone(),
            id,
            held_on: record.held_on,
            title: record.title,
            agenda: record.agenda,
            notes: record.notes,
            recording_url: record.recording_url.unwrap_or_default(),
        }
    };
    Ok(MeetingRecordEditor { form, sig_name })
}

/// Adds or replaces a meeting record; then shows it.
#[server(endpoint = "save_meeting_record")]
pub async fn save_meeting_record(form: MeetingRecordForm) -> Result<i64, AppError> {
    let state = crate::state::app_state()?;
    let slug = form.sig.trim();
    let editor = crate::permissions::sig_editor(&state.db, slug).await?;
    let record = form.validate(state.clock.today())?;
    let id = crate::store::meetings::save_record(&state.db, slug, form.id, editor.id, &record)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::i18n::redirect(&format!("/sigs/{slug}/meetings/{id}"));
    Ok(id)
}

/// Removes a series (`what` = "series") or a meeting record ("record") once
/// the lead ticked the confirmation; then back to the SIG's meetings.
#[server(endpoint = "delete_meeting_entry")]
pub async fn delete_meeting_entry(
    sig: String,
    what: String,
    id: i64,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::store::meetings::{delete_record, delete_series};
    let state = crate::state::app_state()?;
    let editor = crate::permissions::sig_editor(&state.db, &sig).await?;
    confirmed(confirm)?;
    let deleted = match what.as_str() {
        "series" => delete_series(&state.db, &sig, id).await,
        "record" => delete_record(&state.db, &sig, id).await,
        _ => return Err(AppError::Rejected(crate::i18n::t("check-delete-what"))),
    }?;
    if !deleted {
        return Err(AppError::NotFound);
    }
    if what == "series" {
        let summary = format!("{sig}: a meeting series removed");
        crate::api::git_sync::note_edit(&state.db, editor.id, summary).await;
    }
    crate::i18n::redirect(&format!("/sigs/{sig}/meetings"));
    Ok(())
}

/// The name of the SIG `slug` (archived ones too), or `NotFound`.
#[cfg(feature = "ssr")]
async fn sig_name(db: &crate::store::Database, slug: &str) -> Result<String, AppError> {
    crate::store::roadmap::sig_by_slug(db, slug)
        .await?
        .map(|(_, name)| name)
        .ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
fn confirmed(confirm: Option<String>) -> Result<(), AppError> {
    if confirm.as_deref() == Some("yes") {
        return Ok(());
    }
    let mut errors = crate::errors::FieldErrors::default();
    errors.add("confirm", crate::i18n::t("check-confirm-delete"));
    Err(errors.into())
}

#[cfg(feature = "ssr")]
fn calendar_link(site: &crate::state::SiteConfig, token: Option<String>) -> CalendarLink {
    CalendarLink {
        url: token.map(|token| site.link(&crate::i18n::href(&format!("/calendar/{token}.ics")))),
    }
}

/// The signed-in member's private calendar address, if they made one.
#[server(endpoint = "load_calendar_link")]
pub async fn load_calendar_link() -> Result<CalendarLink, AppError> {
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    let token = crate::store::calendar_feeds::token_of(&state.db, account.id).await?;
    Ok(calendar_link(&state.site, token))
}

/// Makes a new private calendar address (revoking any old one), or turns
/// it off (`change` = "new" or "off").
#[server(endpoint = "change_calendar_link")]
pub async fn change_calendar_link(change: String) -> Result<CalendarLink, AppError> {
    use crate::store::calendar_feeds::{remove, replace};
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    let token = match change.as_str() {
        "new" => replace(&state.db, account.id).await.map(Some),
        "off" => remove(&state.db, account.id).await.map(|()| None),
        _ => return Err(AppError::Rejected(crate::i18n::t("check-calendar-change"))),
    }?;
    Ok(calendar_link(&state.site, token))
}
