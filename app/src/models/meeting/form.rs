//! The forms leads fill for a meeting series and a meeting record, and the
//! checks server and form share.

use serde::{Deserialize, Serialize};

use super::values::{parse_weekday, Cadence, Day, LocalTime, WeekOfMonth};
use crate::errors::FieldErrors;
use crate::models::fields::{check_length, check_web_url};

pub const MEETING_TITLE_MAX_CHARS: usize = 120;
pub const AGENDA_MAX_CHARS: usize = 10_000;
pub const NOTES_MAX_CHARS: usize = 20_000;
pub const ZONE_MAX_CHARS: usize = 64;

/// Creating (`id` 0) or editing a series, as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingSeriesForm {
    pub sig: String,
    pub id: i64,
    pub title: String,
    pub weekday: String,
    pub start_time: String,
    pub end_time: String,
    pub time_zone: String,
    pub cadence: String,
    /// Monthly series only: 1–4 or -1 (last).
    pub week_of_month: String,
    /// YYYY-MM-DD.
    pub starts_on: String,
    pub join_url: String,
    pub notes_url: String,
    pub recordings_url: String,
}

/// A series form that passed its checks, in typed values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSeries {
    pub title: String,
    pub weekday: u32,
    pub start: LocalTime,
    pub end: LocalTime,
    /// The canonical IANA name.
    pub time_zone: String,
    pub cadence: Cadence,
    pub week_of_month: Option<WeekOfMonth>,
    pub starts_on: Day,
    pub join_url: Option<String>,
    pub notes_url: Option<String>,
    pub recordings_url: Option<String>,
}

/// A meeting's start and end (`start_time`, `end_time`), the end after
/// the start; each error on its field.
pub(super) fn check_times(
    errors: &mut FieldErrors,
    start: &str,
    end: &str,
) -> (Option<LocalTime>, Option<LocalTime>) {
    let start = LocalTime::parse(start);
    if start.is_none() {
        errors.add("start_time", crate::i18n::t("check-start-time"));
    }
    let end = LocalTime::parse(end);
    match (start, end) {
        (_, None) => errors.add("end_time", crate::i18n::t("check-end-time")),
        (Some(start), Some(end)) if end <= start => {
            errors.add("end_time", crate::i18n::t("check-meeting-end"))
        }
        _ => {}
    }
    (start, end)
}

fn optional_url(errors: &mut FieldErrors, field: &str, value: &str) -> Option<String> {
    if let Err(message) = check_web_url(value) {
        errors.add(field, message);
    }
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

impl MeetingSeriesForm {
    /// Checks every field. `canonical_zone` maps a zone name to its IANA
    /// spelling, or `None` when the name is not a zone (the server knows the
    /// zone data; the browser build does not carry it).
    pub fn validate(
        &self,
        canonical_zone: impl Fn(&str) -> Option<String>,
    ) -> Result<ValidSeries, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", crate::i18n::t("check-series-title"));
        }
        check_length(&mut errors, "title", title, MEETING_TITLE_MAX_CHARS);
        let weekday = parse_weekday(&self.weekday);
        if weekday.is_none() {
            errors.add("weekday", crate::i18n::t("check-weekday"));
        }
        let (start, end) = check_times(&mut errors, &self.start_time, &self.end_time);
        let zone_text = self.time_zone.trim();
        let time_zone = if zone_text.is_empty() {
            errors.add("time_zone", crate::i18n::t("check-zone"));
            None
        } else if zone_text.chars().count() > ZONE_MAX_CHARS {
            errors.add(
                "time_zone",
                crate::i18n::t_with("check-length", &[("max", ZONE_MAX_CHARS.into())]),
            );
            None
        } else {
            let zone = canonical_zone(zone_text);
            if zone.is_none() {
                errors.add(
                    "time_zone",
                    format!("“{zone_text}” is not a time zone we know: use a name such as Europe/Berlin or Asia/Shanghai."),
                );
            }
            zone
        };
        let cadence = Cadence::parse(&self.cadence);
        if cadence.is_none() {
            errors.add("cadence", crate::i18n::t("check-cadence"));
        }
        let week_of_month = if cadence == Some(Cadence::Monthly) {
            let week = WeekOfMonth::parse(&self.week_of_month);
            if week.is_none() {
                errors.add("week_of_month", crate::i18n::t("check-week"));
            }
            week
        } else {
            None
        };
        let starts_on = Day::parse(&self.starts_on);
        if starts_on.is_none() {
            errors.add("starts_on", crate::i18n::t("check-starts-on"));
        }
        let join_url = optional_url(&mut errors, "join_url", &self.join_url);
        let notes_url = optional_url(&mut errors, "notes_url", &self.notes_url);
        let recordings_url = optional_url(&mut errors, "recordings_url", &self.recordings_url);
        errors.into_result()?;
        match (weekday, start, end, time_zone, cadence, starts_on) {
            (
                Some(weekday),
                Some(start),
                Some(end),
                Some(time_zone),
                Some(cadence),
                Some(starts_on),
            ) => Ok(ValidSeries {
                title: title.to_owned(),
                weekday,
                start,
                end,
                time_zone,
                cadence,
                week_of_month,
                starts_on,
                join_url,
                notes_url,
                recordings_url,
            }),
            _ => Err(FieldErrors::default()),
        }
    }
}

/// What the series form needs: the values to start from and the zone names
/// to suggest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSeriesEditor {
    pub form: MeetingSeriesForm,
    pub sig_name: String,
    pub zones: Vec<String>,
}

/// Creating (`id` 0) or editing the record of a meeting held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingRecordForm {
    pub sig: String,
    pub id: i64,
    /// YYYY-MM-DD.
    pub held_on: String,
    pub title: String,
    pub agenda: String,
    pub notes: String,
    pub recording_url: String,
}

/// A record form that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRecord {
    pub held_on: Day,
    pub title: String,
    pub agenda: String,
    pub notes: String,
    pub recording_url: Option<String>,
}

impl MeetingRecordForm {
    /// Checks every field; a meeting may be recorded up to a year ahead (an
    /// agenda prepared early) but not further.
    pub fn validate(&self, today: Day) -> Result<ValidRecord, FieldErrors> {
        let mut errors = FieldErrors::default();
        let held_on = Day::parse(&self.held_on);
        match held_on {
            None => errors.add("held_on", crate::i18n::t("check-held-on")),
            Some(day) if day.year > today.year + 1 => {
                errors.add("held_on", crate::i18n::t("check-held-on-range"))
            }
            Some(_) => {}
        }
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", crate::i18n::t("check-record-title"));
        }
        check_length(&mut errors, "title", title, MEETING_TITLE_MAX_CHARS);
        check_length(&mut errors, "agenda", &self.agenda, AGENDA_MAX_CHARS);
        check_length(&mut errors, "notes", &self.notes, NOTES_MAX_CHARS);
        let recording_url = optional_url(&mut errors, "recording_url", &self.recording_url);
        errors.into_result()?;
        let held_on = held_on.ok_or_else(FieldErrors::default)?;
        Ok(ValidRecord {
            held_on,
            title: title.to_owned(),
            agenda: self.agenda.clone(),
            notes: self.notes.clone(),
            recording_url,
        })
    }
}

/// What the record form needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRecordEditor {
    pub form: MeetingRecordForm,
    pub sig_name: String,
}
