//! Counts a SIG's history month by month: pure functions over the rows the
//! store read, so each rule can be tested without a database.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use crate::clock::month_of;
use crate::models::roadmap::Month;
use crate::models::sig_health::{median, MonthFigures};
use crate::schedule::Schedule;

/// A meeting record: the day it was held and what it carries.
pub struct HeldMeeting {
    pub held_on: String,
    pub has_notes: bool,
    pub has_recording: bool,
}

/// A membership that began (and perhaps ended), in Unix seconds.
pub struct Tenure {
    pub joined_at: i64,
    pub left_at: Option<i64>,
}

/// One row of a roadmap item's history, in the order written.
#[derive(Clone)]
pub struct ItemChange {
    pub item_id: i64,
    pub title: String,
    pub deleted: bool,
    /// Where the item stood after the change; None when the row predates
    /// the record of it.
    pub status: Option<String>,
    pub target_month: Option<String>,
    pub changed_at: i64,
}

/// When each kind of thing last happened: meeting days as stored
/// (`YYYY-MM-DD`), the rest in Unix seconds.
#[derive(Debug, PartialEq, Eq)]
pub struct Latest<'a> {
    pub meeting: Option<&'a str>,
    pub notes: Option<&'a str>,
    pub roadmap_change: Option<i64>,
    pub joined: Option<i64>,
}

/// The first instant of `month`, in UTC.
pub fn start_of(month: Month) -> i64 {
    Utc.with_ymd_and_hms(month.year(), month.month(), 1, 0, 0, 0)
        .single()
        .map_or(0, |start| start.timestamp())
}

/// Where a month's "at its end" figures are read: its end, or now while it runs.
fn cutoff(month: Month, now: i64) -> i64 {
    start_of(month.plus(1)).min(now)
}

fn within(at: i64, month: Month) -> bool {
    (start_of(month)..start_of(month.plus(1))).contains(&at)
}

/// Meetings the series planned in `month` that have begun by `now`, less
/// the ones a lead cancelled.
pub fn scheduled(schedules: &[Schedule], month: Month, now: DateTime<Utc>) -> i64 {
    let days = (1..=31).filter_map(|day| NaiveDate::from_ymd_opt(month.year(), month.month(), day));
    let mut count = 0;
    for date in days {
        count += schedules
            .iter()
            .filter(|schedule| {
                schedule.meets_on(date)
                    && !schedule.cancelled_on(date)
                    && schedule.on(date).start <= now
            })
            .count() as i64;
    }
    count
}

/// The item histories, each in the order written.
pub fn histories(changes: &[ItemChange]) -> Vec<&[ItemChange]> {
    changes.chunk_by(|a, b| a.item_id == b.item_id).collect()
}

/// Where an item stood just before `at`: its last recorded change by then.
pub fn standing_at(history: &[ItemChange], at: i64) -> Option<&ItemChange> {
    history
        .iter()
        .take_while(|change| change.changed_at < at)
        .last()
        .filter(|change| !change.deleted && change.status.is_some())
}

/// The changes that moved an item into `status` (it was elsewhere before).
pub fn arrivals<'a>(history: &'a [ItemChange], status: &str) -> Vec<&'a ItemChange> {
    let mut before: Option<&str> = None;
    let mut found = Vec::new();
    for change in history {
        let now = change.status.as_deref();
        if now == Some(status) && before != Some(status) {
            found.push(change);
        }
        if now.is_some() || change.deleted {
            before = now;
        }
    }
    found
}

/// Days from the item's first time planned or in progress (its first
/// change, if never) to `done`.
fn days_to(history: &[ItemChange], done: &ItemChange) -> i64 {
    let began = history
        .iter()
        .find(|change| matches!(change.status.as_deref(), Some("planned" | "in_progress")))
        .or(history.first())
        .map_or(done.changed_at, |change| change.changed_at);
    (done.changed_at - began).max(0) / 86_400
}

/// Whether an item standing as `standing` at `at` is overdue: planned or in
/// progress with its target month before the month `at` falls in.
pub fn is_overdue(standing: &ItemChange, at: i64) -> bool {
    let month = DateTime::from_timestamp(at, 0).map_or(Month(0), month_of);
    matches!(standing.status.as_deref(), Some("planned" | "in_progress"))
        && standing
            .target_month
            .as_deref()
            .and_then(Month::parse)
            .is_some_and(|target| target < month)
}

/// Everything the site read for one SIG.
pub struct History {
    pub meetings: Vec<HeldMeeting>,
    pub schedules: Vec<Schedule>,
    pub tenures: Vec<Tenure>,
    pub changes: Vec<ItemChange>,
}

impl History {
    /// The figures of `month`, as of `now`.
    pub fn month(&self, month: Month, now: DateTime<Utc>) -> MonthFigures {
        let key = month.key();
        let held: Vec<&HeldMeeting> = self
            .meetings
            .iter()
            .filter(|meeting| meeting.held_on.get(..7) == Some(key.as_str()))
            .collect();
        let end = cutoff(month, now.timestamp());
        let histories = histories(&self.changes);
        let arrived_in = |status: &str| -> Vec<(&[ItemChange], &ItemChange)> {
            histories
                .iter()
                .flat_map(|history| {
                    arrivals(history, status)
                        .into_iter()
                        .filter(|change| within(change.changed_at, month))
                        .map(move |change| (*history, change))
                })
                .collect()
        };
        let done = arrived_in("done");
        let mut days: Vec<i64> = done
            .iter()
            .map(|(history, change)| days_to(history, change))
            .collect();
        MonthFigures {
            month,
            label: String::new(),
            scheduled: scheduled(&self.schedules, month, now),
            held: held.len() as i64,
            with_notes: held.iter().filter(|meeting| meeting.has_notes).count() as i64,
            with_recording: held.iter().filter(|meeting| meeting.has_recording).count() as i64,
            joined: self
                .tenures
                .iter()
                .filter(|t| within(t.joined_at, month))
                .count() as i64,
            left: self
                .tenures
                .iter()
                .filter(|t| t.left_at.is_some_and(|left| within(left, month)))
                .count() as i64,
            members: self
                .tenures
                .iter()
                .filter(|t| t.joined_at < end && t.left_at.is_none_or(|left| left >= end))
                .count() as i64,
            done: done.len() as i64,
            dropped: arrived_in("dropped").len() as i64,
            overdue: histories
                .iter()
                .filter_map(|history| standing_at(history, end))
                .filter(|standing| is_overdue(standing, end))
                .count() as i64,
            median_days_to_done: median(&mut days),
        }
    }

    /// Titles of the items done within `months`, in the order they were done.
    pub fn done_titles(&self, months: &[Month]) -> Vec<String> {
        let mut done: Vec<&ItemChange> = histories(&self.changes)
            .into_iter()
            .flat_map(|history| arrivals(history, "done"))
            .filter(|change| months.iter().any(|month| within(change.changed_at, *month)))
            .collect();
        done.sort_by_key(|change| change.changed_at);
        done.into_iter()
            .map(|change| change.title.clone())
            .collect()
    }

    /// Titles of the items proposed, planned or in progress at `at`.
    pub fn open_titles(&self, at: i64) -> Vec<String> {
        histories(&self.changes)
            .into_iter()
            .filter_map(|history| standing_at(history, at))
            .filter(|standing| {
                matches!(
                    standing.status.as_deref(),
                    Some("proposed" | "planned" | "in_progress")
                )
            })
            .map(|standing| standing.title.clone())
            .collect()
    }

    /// When each kind of thing last happened, from the rows already read.
    pub fn latest(&self) -> Latest<'_> {
        let last_day = |with_notes: bool| {
            self.meetings
                .iter()
                .filter(|meeting| meeting.has_notes || !with_notes)
                .map(|meeting| meeting.held_on.as_str())
                .max()
        };
        Latest {
            meeting: last_day(false),
            notes: last_day(true),
            roadmap_change: self.changes.iter().map(|change| change.changed_at).max(),
            joined: self.tenures.iter().map(|tenure| tenure.joined_at).max(),
        }
    }

    /// The cutoff of the last of `months`, for the "at the end" figures.
    pub fn end_of(months: &[Month], now: DateTime<Utc>) -> i64 {
        months
            .last()
            .map_or(now.timestamp(), |month| cutoff(*month, now.timestamp()))
    }
}

#[cfg(test)]
mod tests;
