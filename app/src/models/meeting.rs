//! Meetings as the browser sees them: a SIG's regular series with the next
//! time it meets, the record of each meeting held, and the forms leads fill.
//! Times are computed on the server (it has the time-zone data); the browser
//! only re-states an instant in the visitor's own zone.

use serde::{Deserialize, Serialize};

mod change;
mod form;
mod values;

pub use change::{
    ChangeAction, MeetingChangeForm, MeetingChangeView, MeetingChangesEditor, ValidChange,
    REASON_MAX_CHARS,
};
pub use form::{
    MeetingRecordEditor, MeetingRecordForm, MeetingSeriesEditor, MeetingSeriesForm, ValidRecord,
    ValidSeries, AGENDA_MAX_CHARS, MEETING_TITLE_MAX_CHARS, NOTES_MAX_CHARS, ZONE_MAX_CHARS,
};
pub use values::{
    parse_weekday, relative_count, relative_label, rule_label, rule_label_in, weekday_in_files,
    weekday_label, Cadence, Day, LocalTime, WeekOfMonth, WEEKDAYS,
};

/// One occurrence of a meeting, stated in the series' own zone and in UTC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingInstant {
    /// The start as RFC 3339 in UTC, for `<time datetime>`.
    pub starts_iso: String,
    pub starts_unix: i64,
    pub ends_unix: i64,
    /// "Thursday, 26 November 2026, 15:00–16:00".
    pub in_zone: String,
    /// The IANA zone and its abbreviation then: "Asia/Shanghai (CST)".
    pub zone_label: String,
    /// "07:00–08:00 UTC".
    pub in_utc: String,
    /// "in 3 days", from the server's clock; the browser refreshes it.
    pub relative: String,
}

/// A SIG's regular meeting, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesView {
    pub id: i64,
    pub sig_slug: String,
    pub sig_name: String,
    pub title: String,
    /// "Every two weeks on Thursday, 15:00–16:00 Asia/Shanghai".
    pub rule: String,
    /// `None` when the rule has no future date (a broken stored zone, or
    /// a series that ended).
    pub next: Option<MeetingInstant>,
    /// The coming meetings a lead cancelled or moved, in order.
    pub changes: Vec<MeetingChangeView>,
    /// "Last meeting on 17 December 2026", once a lead ended the series.
    pub ends: Option<String>,
    pub join_url: Option<String>,
    pub notes_url: Option<String>,
    pub recordings_url: Option<String>,
}

/// One meeting held, as a line in the archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRecordSummary {
    pub id: i64,
    /// YYYY-MM-DD.
    pub held_on: String,
    /// "26 November 2026".
    pub held_on_label: String,
    pub title: String,
    pub has_notes: bool,
    pub recording_url: Option<String>,
}

/// One meeting's own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRecordDetail {
    pub sig_slug: String,
    pub sig_name: String,
    pub summary: MeetingRecordSummary,
    /// Sanitised HTML from markdown.
    pub agenda_html: String,
    pub notes_html: String,
    pub can_edit: bool,
}

/// `/sigs/:slug/meetings`: the series and the archive, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigMeetings {
    pub sig_slug: String,
    pub sig_name: String,
    pub series: Vec<SeriesView>,
    pub records: Vec<MeetingRecordSummary>,
    pub can_edit: bool,
}

/// The directory's "meets within my working hours" filter, read from the
/// address (`?tz=Europe/Berlin&from=9&to=17`). Empty `tz` means no filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkingHours {
    pub tz: String,
    pub from: String,
    pub to: String,
}

impl WorkingHours {
    pub const DEFAULT_FROM: u32 = 9;
    pub const DEFAULT_TO: u32 = 17;

    pub fn is_set(&self) -> bool {
        !self.tz.trim().is_empty()
    }

    /// The hours as numbers, or the message to show next to the filter.
    pub fn hours(&self) -> Result<(u32, u32), String> {
        let hour = |value: &str, default: u32| -> Result<u32, String> {
            let value = value.trim();
            if value.is_empty() {
                return Ok(default);
            }
            value
                .parse::<u32>()
                .ok()
                .filter(|hour| *hour <= 24)
                .ok_or_else(|| format!("“{value}” is not an hour from 0 to 24."))
        };
        let from = hour(&self.from, Self::DEFAULT_FROM)?;
        let to = hour(&self.to, Self::DEFAULT_TO)?;
        if to <= from {
            return Err(crate::i18n::t("check-working-day"));
        }
        Ok((from, to))
    }
}

/// Whether a private calendar address exists, and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarLink {
    /// The full secret address, `None` when the member has none.
    pub url: Option<String>,
}

#[cfg(test)]
mod tests;
