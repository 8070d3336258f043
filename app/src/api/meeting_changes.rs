//! A lead cancels, moves or puts back one meeting of a series, or ends a
//! series or lets it go on; the SIG's members hear about it by e-mail.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::meeting::{MeetingChangeForm, MeetingChangesEditor};

/// How many coming meetings the form offers to change.
#[cfg(feature = "ssr")]
const MEETINGS_OFFERED: usize = 12;

/// The change form of a series: its coming meetings and changes made.
#[server(endpoint = "load_meeting_changes")]
pub async fn load_meeting_changes(slug: String, id: i64) -> Result<MeetingChangesEditor, AppError> {
    use crate::i18n::t;
    use crate::models::fields::Choice;
    use crate::schedule::instant;
    let state = crate::state::app_state()?;
    crate::permissions::sig_editor(&state.db, &slug).await?;
    let series = crate::store::meetings::find_series(&state.db, &slug, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let schedule = series.schedule().ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let meetings: Vec<Choice> = schedule
        .planned_days(now)
        .take(MEETINGS_OFFERED)
        .map(|day| {
            let when = instant(schedule.on(day), now).in_zone;
            let label = match schedule.change_on(day) {
                Some(change) if change.moved_to.is_some() => {
                    format!("{when} ({})", t("change-moved"))
                }
                Some(_) => format!("{when} ({})", t("change-cancelled")),
                None => when,
            };
            Choice {
                value: day.format("%Y-%m-%d").to_string(),
                label,
            }
        })
        .collect();
    let first = meetings
        .first()
        .map(|choice| choice.value.clone())
        .unwrap_or_default();
    let view = series.view(now);
    Ok(MeetingChangesEditor {
        form: MeetingChangeForm {
            sig: slug.clone(),
            series: id,
            occurs_on: first.clone(),
            action: "cancel".to_owned(),
            moved_on: first,
            start_time: series.rule.start_time.clone(),
            end_time: series.rule.end_time.clone(),
            reason: String::new(),
        },
        sig_name: series.sig_name.clone(),
        series_title: series.title.clone(),
        rule: view.rule,
        zone: series.rule.time_zone.clone(),
        meetings,
        changes: view.changes,
        ends: view.ends,
    })
}

/// Applies a lead's change; then back to the SIG's meetings.
#[server(endpoint = "change_meeting")]
pub async fn change_meeting(form: MeetingChangeForm) -> Result<(), AppError> {
    use crate::store::meetings::changes::{apply, ChangeOutcome};
    let state = crate::state::app_state()?;
    let slug = form.sig.trim();
    let lead = crate::permissions::sig_editor(&state.db, slug).await?;
    let series = crate::store::meetings::find_series(&state.db, slug, form.series)
        .await?
        .ok_or(AppError::NotFound)?;
    let schedule = series.schedule().ok_or(AppError::NotFound)?;
    let change = form.validate(
        |day| crate::schedule::naive_date(day).is_some_and(|date| schedule.meets_on(date)),
        state.clock.today(),
    )?;
    let now = state.clock.now();
    let tell = |notice: &_| crate::mail::meeting_changed(&state.site, notice, now);
    match apply(&state.db, &series, lead.id, &change, now, &tell).await? {
        ChangeOutcome::Done => {
            crate::i18n::redirect(&format!("/sigs/{slug}/meetings#series-{}", series.id));
            Ok(())
        }
        ChangeOutcome::NothingToUndo => {
            let mut errors = crate::errors::FieldErrors::default();
            errors.add("occurs_on", crate::i18n::t("check-change-nothing"));
            Err(errors.into())
        }
    }
}
