//! One meeting of a series cancelled, moved or put back by a lead: the form
//! they fill, its checks, and the change as pages show it.

use serde::{Deserialize, Serialize};

use super::values::{Day, LocalTime};
use super::MeetingInstant;
use crate::errors::FieldErrors;
use crate::models::fields::{check_length, Choice};

/// A lead says why in a line or two; e-mails and calendars carry it.
pub const REASON_MAX_CHARS: usize = 300;

/// A cancelled or moved meeting, as the series' card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingChangeView {
    /// The day the series' rule gave (YYYY-MM-DD), which names the change.
    pub occurs_on: String,
    /// The meeting as it was planned.
    pub planned: MeetingInstant,
    /// Where it takes place instead; `None` when it is cancelled.
    pub moved_to: Option<MeetingInstant>,
    pub reason: String,
}

/// What a lead does to one meeting, as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingChangeForm {
    pub sig: String,
    pub series: i64,
    /// The planned day of the meeting changed (YYYY-MM-DD).
    pub occurs_on: String,
    /// "cancel", "move", "restore", "end" (the meeting chosen is the
    /// series' last) or "resume" (an ended series goes on).
    pub action: String,
    /// A moved meeting's day and local times, in the series' zone.
    pub moved_on: String,
    pub start_time: String,
    pub end_time: String,
    pub reason: String,
}

/// What happens to the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeAction {
    Cancel,
    Move {
        on: Day,
        start: LocalTime,
        end: LocalTime,
    },
    /// Takes back a cancellation or a move: the meeting is as planned again.
    Restore,
    /// The meeting chosen is the series' last.
    End,
    /// An ended series meets again by its rule.
    Resume,
}

/// A change form that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidChange {
    pub occurs_on: Day,
    pub action: ChangeAction,
    pub reason: String,
}

impl MeetingChangeForm {
    /// Checks every field. `meets_on` says whether the series' rule gives a
    /// meeting on a day; meetings before `today` are history and stay.
    pub fn validate(
        &self,
        meets_on: impl Fn(Day) -> bool,
        today: Day,
    ) -> Result<ValidChange, FieldErrors> {
        let mut errors = FieldErrors::default();
        // One line, as e-mails and calendars show it.
        let reason = self.reason.split_whitespace().collect::<Vec<_>>().join(" ");
        check_length(&mut errors, "reason", &reason, REASON_MAX_CHARS);
        let action = match self.action.as_str() {
            "cancel" => Some(ChangeAction::Cancel),
            "restore" => Some(ChangeAction::Restore),
            "end" => Some(ChangeAction::End),
            "resume" => Some(ChangeAction::Resume),
            "move" => self.moved_to(&mut errors, today),
            _ => {
                errors.add("action", crate::i18n::t("check-change-action"));
                None
            }
        };
        // Resuming names no meeting: the series goes on from today.
        let occurs_on = if action == Some(ChangeAction::Resume) {
            Some(today)
        } else {
            Day::parse(&self.occurs_on)
        };
        match occurs_on {
            Some(day) if day < today => {
                errors.add("occurs_on", crate::i18n::t("check-change-past"))
            }
            Some(_) if action == Some(ChangeAction::Resume) => {}
            Some(day) if meets_on(day) => {}
            _ => errors.add("occurs_on", crate::i18n::t("check-change-meeting")),
        }
        errors.into_result()?;
        match (occurs_on, action) {
            (Some(occurs_on), Some(action)) => Ok(ValidChange {
                occurs_on,
                action,
                reason,
            }),
            _ => Err(FieldErrors::default()),
        }
    }

    /// The new day and times of a move, or their errors.
    fn moved_to(&self, errors: &mut FieldErrors, today: Day) -> Option<ChangeAction> {
        let on = Day::parse(&self.moved_on);
        match on {
            None => errors.add("moved_on", crate::i18n::t("check-moved-on")),
            Some(day) if day < today => errors.add("moved_on", crate::i18n::t("check-change-past")),
            Some(day) if day.year > today.year + 1 => {
                errors.add("moved_on", crate::i18n::t("check-held-on-range"))
            }
            Some(_) => {}
        }
        let (start, end) = super::form::check_times(errors, &self.start_time, &self.end_time);
        Some(ChangeAction::Move {
            on: on?,
            start: start?,
            end: end?,
        })
    }
}

/// What the change form needs: the series, its next meetings to choose
/// from, and the changes already made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingChangesEditor {
    pub form: MeetingChangeForm,
    pub sig_name: String,
    pub series_title: String,
    /// "Every week on Monday, 09:00–10:00 America/New_York".
    pub rule: String,
    /// The zone the new times of a move are read in.
    pub zone: String,
    /// The next planned meetings: the day as value, the time as label.
    pub meetings: Vec<Choice>,
    pub changes: Vec<MeetingChangeView>,
    /// "Last meeting on 17 December 2026", when the series was ended.
    pub ends: Option<String>,
}
