//! When meetings happen: a series' rule turned into dates and instants with
//! the IANA zone data (chrono-tz), so a 15:00 meeting stays at 15:00 local
//! time across daylight-saving changes. Server only: the browser bundle does
//! not carry zone data, it re-states instants with the browser's own.

pub mod zones;

use chrono::offset::LocalResult;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, SecondsFormat, TimeZone, Utc};
use chrono_tz::Tz;

use crate::i18n::format;

use crate::models::meeting::{rule_label_in, Cadence, Day, LocalTime, MeetingInstant, WeekOfMonth};

/// How far ahead the next meeting is looked for: a monthly rule meets at
/// least every five weeks, so this only bounds a broken rule.
const LOOK_AHEAD_DAYS: i64 = 800;

/// A series' rule with its zone resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// ISO weekday, 1 = Monday.
    pub weekday: u32,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub zone: Tz,
    pub cadence: Cadence,
    pub week_of_month: Option<WeekOfMonth>,
    pub starts_on: NaiveDate,
    /// The last day the series may meet, when a lead ended it.
    pub ends_on: Option<NaiveDate>,
    /// The meetings a lead cancelled or moved.
    pub changes: Vec<Change>,
}

/// One meeting of a series that a lead cancelled or moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The local day the rule gives for the meeting.
    pub occurs_on: NaiveDate,
    /// The new local day, start and end (in the series' zone) of a moved
    /// meeting; `None` for a cancelled one.
    pub moved_to: Option<(NaiveDate, NaiveTime, NaiveTime)>,
}

/// One meeting of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub start: DateTime<Tz>,
    pub end: DateTime<Tz>,
}

pub fn naive_time(time: LocalTime) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(time.hour, time.minute, 0)
}

pub fn naive_date(day: Day) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(day.year, day.month, day.day)
}

impl Schedule {
    /// Reads a stored or validated rule; `None` when a part does not parse
    /// (an unknown zone, a time that is not a time).
    pub fn new(
        weekday: u32,
        start: &str,
        end: &str,
        zone: &str,
        cadence: &str,
        week_of_month: Option<i64>,
        starts_on: &str,
    ) -> Option<Self> {
        Some(Schedule {
            weekday: Some(weekday).filter(|day| (1..=7).contains(day))?,
            start: naive_time(LocalTime::parse(start)?)?,
            end: naive_time(LocalTime::parse(end)?)?,
            zone: zones::parse(zone)?,
            cadence: Cadence::parse(cadence)?,
            week_of_month: week_of_month.and_then(|week| WeekOfMonth::parse(&week.to_string())),
            starts_on: naive_date(Day::parse(starts_on)?)?,
            ends_on: None,
            changes: Vec::new(),
        })
    }

    /// The rule as a lead last left it: ended after `ends_on`, with some
    /// meetings cancelled or moved.
    pub fn with_changes(mut self, ends_on: Option<NaiveDate>, changes: Vec<Change>) -> Self {
        self.ends_on = ends_on;
        self.changes = changes;
        self
    }

    /// The change of the meeting the rule gives on local date `date`.
    pub fn change_on(&self, date: NaiveDate) -> Option<&Change> {
        self.changes.iter().find(|change| change.occurs_on == date)
    }

    /// Whether the meeting the rule gives on `date` was cancelled.
    pub fn cancelled_on(&self, date: NaiveDate) -> bool {
        self.change_on(date)
            .is_some_and(|change| change.moved_to.is_none())
    }

    /// Where a moved meeting takes place instead.
    pub fn moved(&self, change: &Change) -> Option<Occurrence> {
        let (date, start, end) = change.moved_to?;
        Some(Occurrence {
            start: at_local(self.zone, date, start),
            end: at_local(self.zone, date, end),
        })
    }

    /// "Every two weeks on Thursday, 15:00–16:00 Asia/Shanghai".
    pub fn label(&self) -> String {
        self.label_in(crate::i18n::language())
    }

    /// The same in `language` (a calendar file's, not a page's).
    pub fn label_in(&self, language: crate::i18n::Language) -> String {
        let rule = rule_label_in(language, self.cadence, self.weekday, self.week_of_month);
        language.text_with(
            "rule-times",
            &[
                ("rule", rule.into()),
                ("start", self.start.format("%H:%M").to_string().into()),
                ("end", self.end.format("%H:%M").to_string().into()),
                ("zone", self.zone.name().to_owned().into()),
            ],
        )
    }

    /// The first day on or after `starts_on` that is the series' weekday;
    /// every-two-weeks series count their fortnights from it.
    pub fn first_day(&self) -> NaiveDate {
        let from = self.starts_on.weekday().number_from_monday();
        let ahead = (self.weekday + 7 - from) % 7;
        self.starts_on + Duration::days(i64::from(ahead))
    }

    /// Whether the series meets on local date `date`.
    pub fn meets_on(&self, date: NaiveDate) -> bool {
        if date < self.starts_on
            || self.ends_on.is_some_and(|last| date > last)
            || date.weekday().number_from_monday() != self.weekday
        {
            return false;
        }
        match self.cadence {
            Cadence::Weekly => true,
            Cadence::EveryTwoWeeks => (date - self.first_day()).num_days().rem_euclid(14) == 0,
            Cadence::Monthly => match self.week_of_month.map(|week| week.0) {
                Some(-1) => (date + Duration::days(7)).month() != date.month(),
                Some(week) => i64::from((date.day() - 1) / 7 + 1) == week,
                None => date.day() <= 7,
            },
        }
    }

    /// The day of the first meeting: where a calendar's recurrence starts.
    pub fn first_meeting_day(&self) -> Option<NaiveDate> {
        (0..LOOK_AHEAD_DAYS)
            .map(|offset| self.starts_on + Duration::days(offset))
            .find(|date| self.meets_on(*date))
    }

    /// The meeting on local date `date` (the caller checked `meets_on`).
    pub fn on(&self, date: NaiveDate) -> Occurrence {
        Occurrence {
            start: at_local(self.zone, date, self.start),
            end: at_local(self.zone, date, self.end),
        }
    }

    /// The meetings that have not ended at `now`, in order: cancelled ones
    /// left out, moved ones at their new time.
    pub fn upcoming(&self, now: DateTime<Utc>) -> impl Iterator<Item = Occurrence> + '_ {
        // From yesterday in the zone, so a meeting under way is still found.
        let from = now.with_timezone(&self.zone).date_naive() - Duration::days(1);
        let regular = (0..LOOK_AHEAD_DAYS)
            .map(move |offset| from + Duration::days(offset))
            .filter(|date| self.meets_on(*date) && self.change_on(*date).is_none())
            .map(|date| self.on(date));
        let mut moved: Vec<Occurrence> = self
            .changes
            .iter()
            .filter_map(|change| self.moved(change))
            .collect();
        moved.sort_by_key(|meeting| meeting.start);
        in_order(regular, moved.into_iter()).filter(move |meeting| meeting.end > now)
    }

    /// The days the rule gives from `now` on, changed meetings included
    /// (a lead's form offers them), as long as the planned one has not ended.
    pub fn planned_days(&self, now: DateTime<Utc>) -> impl Iterator<Item = NaiveDate> + '_ {
        let from = now.with_timezone(&self.zone).date_naive() - Duration::days(1);
        (0..LOOK_AHEAD_DAYS)
            .map(move |offset| from + Duration::days(offset))
            .filter(move |date| self.meets_on(*date) && self.on(*date).end > now)
    }

    pub fn next_after(&self, now: DateTime<Utc>) -> Option<Occurrence> {
        self.upcoming(now).next()
    }
}

/// Two runs of meetings, each in order, as one run in order.
fn in_order(
    first: impl Iterator<Item = Occurrence>,
    second: impl Iterator<Item = Occurrence>,
) -> impl Iterator<Item = Occurrence> {
    let (mut first, mut second) = (first.peekable(), second.peekable());
    std::iter::from_fn(move || match (first.peek(), second.peek()) {
        (Some(a), Some(b)) if b.start < a.start => second.next(),
        (Some(_), _) => first.next(),
        (None, _) => second.next(),
    })
}

/// The instant a wall-clock time names in `zone`. In the autumn's repeated
/// hour the first one counts; a time skipped in spring is read with the
/// offset from before the jump (so 02:30 becomes 03:30), as RFC 5545 says.
pub fn at_local(zone: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Tz> {
    let local = date.and_time(time);
    match zone.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant,
        LocalResult::Ambiguous(earlier, _) => earlier,
        LocalResult::None => {
            use chrono::Offset;
            let before = zone
                .offset_from_utc_datetime(&(local - Duration::days(1)))
                .fix();
            zone.from_utc_datetime(
                &(local - Duration::seconds(i64::from(before.local_minus_utc()))),
            )
        }
    }
}

/// An occurrence as pages show it, with "in 3 days" counted from `now`.
pub fn instant(meeting: Occurrence, now: DateTime<Utc>) -> MeetingInstant {
    instant_in(crate::i18n::language(), meeting, now)
}

/// The same in `language` (an e-mail's, not a page's).
pub fn instant_in(
    language: crate::i18n::Language,
    meeting: Occurrence,
    now: DateTime<Utc>,
) -> MeetingInstant {
    let start_utc = meeting.start.with_timezone(&Utc);
    let end_utc = meeting.end.with_timezone(&Utc);
    MeetingInstant {
        starts_iso: start_utc.to_rfc3339_opts(SecondsFormat::Secs, true),
        starts_unix: start_utc.timestamp(),
        ends_unix: end_utc.timestamp(),
        in_zone: span(
            language,
            "meeting-when",
            meeting.start,
            meeting.end,
            format::weekday_date,
        ),
        zone_label: zone_label(meeting.start),
        in_utc: span(
            language,
            "meeting-when-utc",
            start_utc,
            end_utc,
            format::short_weekday_date,
        ),
        relative: format::relative(language, (start_utc - now).num_seconds()),
    }
}

/// "Thursday 26 November 2026, 15:00–16:00" in the page's language, the
/// day written by `day`.
fn span<Z: TimeZone>(
    language: crate::i18n::Language,
    key: &str,
    start: DateTime<Z>,
    end: DateTime<Z>,
    day: fn(crate::i18n::Language, i32, u32, u32) -> String,
) -> String
where
    Z::Offset: std::fmt::Display,
{
    let date = day(language, start.year(), start.month(), start.day());
    language.text_with(
        key,
        &[
            ("date", date.into()),
            ("start", start.format("%H:%M").to_string().into()),
            ("end", end.format("%H:%M").to_string().into()),
        ],
    )
}

/// "Asia/Shanghai (CST)"; just "UTC" where the abbreviation is the name.
fn zone_label(start: DateTime<Tz>) -> String {
    let name = start.timezone().name();
    let abbreviation = start.format("%Z").to_string();
    if abbreviation == name {
        name.to_owned()
    } else {
        format!("{name} ({abbreviation})")
    }
}

/// Whether a meeting falls on a weekday (Monday to Friday) between `from`
/// and `to` o'clock in the visitor's zone.
pub fn within_working_hours(meeting: Occurrence, visitor: Tz, from: u32, to: u32) -> bool {
    let start = meeting.start.with_timezone(&visitor);
    let end = meeting.end.with_timezone(&visitor);
    let minutes = |time: DateTime<Tz>| {
        use chrono::Timelike;
        time.hour() * 60 + time.minute()
    };
    start.weekday().number_from_monday() <= 5
        && start.date_naive() == end.date_naive()
        && minutes(start) >= from * 60
        && minutes(end) <= to * 60
}

#[cfg(test)]
mod tests;
