//! A SIG's meeting series and the records of meetings held: reads for pages
//! and calendar feeds, and the leads' writes (the caller checked who may).

use sqlx::{FromRow, Row};

use super::Database;
use crate::models::meeting::{
    Day, MeetingRecordSummary, MeetingSeriesForm, SeriesView, ValidRecord, ValidSeries,
};
use crate::schedule::{instant, Schedule};

pub mod changes;
mod rule;

pub use changes::StoredChange;
pub use rule::SeriesRule;

/// A series row with its SIG's slug and name.
#[derive(Debug, Clone, FromRow)]
pub struct StoredSeries {
    pub id: i64,
    pub sig_slug: String,
    pub sig_name: String,
    pub title: String,
    #[sqlx(flatten)]
    pub rule: SeriesRule,
    pub updated_at: i64,
    /// Bumped by every change, for calendar apps (SEQUENCE).
    pub sequence: i64,
    /// The last day it may meet (YYYY-MM-DD), once a lead ended it.
    pub ends_on: Option<String>,
    /// Its meetings a lead cancelled or moved, by day.
    #[sqlx(skip)]
    pub changes: Vec<StoredChange>,
}

impl StoredSeries {
    /// The rule, or `None` when a stored value no longer parses (logged).
    pub fn schedule(&self) -> Option<Schedule> {
        let ends_on = self
            .ends_on
            .as_deref()
            .and_then(Day::parse)
            .and_then(crate::schedule::naive_date);
        let changes = self
            .changes
            .iter()
            .filter_map(StoredChange::change)
            .collect();
        let schedule = self
            .rule
            .schedule()
            .map(|schedule| schedule.with_changes(ends_on, changes));
        if schedule.is_none() {
            tracing::warn!(series = self.id, zone = %self.rule.time_zone, "stored meeting rule does not parse");
        }
        schedule
    }

    /// The series as pages show it, with its next meeting after `now`.
    pub fn view(&self, now: chrono::DateTime<chrono::Utc>) -> SeriesView {
        let schedule = self.schedule();
        SeriesView {
            id: self.id,
            sig_slug: self.sig_slug.clone(),
            sig_name: self.sig_name.clone(),
            title: self.title.clone(),
            rule: schedule
                .as_ref()
                .map(Schedule::label)
                .unwrap_or_else(|| format!("{} (time zone {})", self.title, self.rule.time_zone)),
            next: schedule
                .as_ref()
                .and_then(|schedule| schedule.next_after(now))
                .map(|meeting| instant(meeting, now)),
            changes: schedule
                .as_ref()
                .map(|schedule| changes::coming(schedule, &self.changes, now))
                .unwrap_or_default(),
            ends: self
                .ends_on
                .as_deref()
                .and_then(Day::parse)
                .map(|day| crate::i18n::t_with("series-ends-on", &[("date", day.label().into())])),
            join_url: self.rule.join_url.clone(),
            notes_url: self.rule.notes_url.clone(),
            recordings_url: self.rule.recordings_url.clone(),
        }
    }

    /// The values to start the edit form from.
    pub fn form(&self) -> MeetingSeriesForm {
        MeetingSeriesForm {
            sig: self.sig_slug.clone(),
            id: self.id,
            title: self.title.clone(),
            weekday: self.rule.weekday.to_string(),
            start_time: self.rule.start_time.clone(),
            end_time: self.rule.end_time.clone(),
            time_zone: self.rule.time_zone.clone(),
            cadence: self.rule.cadence.clone(),
            week_of_month: self
                .rule
                .week_of_month
                .map(|w| w.to_string())
                .unwrap_or_default(),
            starts_on: self.rule.starts_on.clone(),
            join_url: self.rule.join_url.clone().unwrap_or_default(),
            notes_url: self.rule.notes_url.clone().unwrap_or_default(),
            recordings_url: self.rule.recordings_url.clone().unwrap_or_default(),
        }
    }
}

const SERIES_SELECT: &str = "SELECT ms.id, s.slug AS sig_slug, s.name AS sig_name, ms.title, \
     ms.weekday, ms.start_time, ms.end_time, ms.time_zone, ms.cadence, ms.week_of_month, \
     ms.starts_on, ms.join_url, ms.notes_url, ms.recordings_url, ms.updated_at, ms.sequence, \
     ms.ends_on \
     FROM meeting_series ms JOIN sigs s ON s.id = ms.sig_id";

/// A SIG's series, in the order they were added.
#[tracing::instrument(skip(db), err)]
pub async fn series_of_sig(db: &Database, slug: &str) -> Result<Vec<StoredSeries>, sqlx::Error> {
    let series = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SERIES_SELECT} WHERE s.slug = $1 ORDER BY ms.id"
    )))
    .bind(slug)
    .fetch_all(&db.pool)
    .await?;
    changes::attach(db, series).await
}

/// Every active SIG's series, by SIG name.
#[tracing::instrument(skip(db), err)]
pub async fn series_of_active_sigs(db: &Database) -> Result<Vec<StoredSeries>, sqlx::Error> {
    let series = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SERIES_SELECT} WHERE s.status = 'active' ORDER BY lower(s.name), ms.id"
    )))
    .fetch_all(&db.pool)
    .await?;
    changes::attach(db, series).await
}

/// Each active SIG's soonest meeting after `now`, by slug.
pub async fn next_meeting_by_sig(
    db: &Database,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<std::collections::HashMap<String, crate::models::meeting::MeetingInstant>, sqlx::Error>
{
    let mut soonest = std::collections::HashMap::new();
    for stored in series_of_active_sigs(db).await? {
        let Some(next) = stored.view(now).next else {
            continue;
        };
        soonest
            .entry(stored.sig_slug.clone())
            .and_modify(|current: &mut crate::models::meeting::MeetingInstant| {
                if next.starts_unix < current.starts_unix {
                    *current = next.clone();
                }
            })
            .or_insert(next);
    }
    Ok(soonest)
}

/// The series of the SIGs `person_id` leads or is an active member of.
#[tracing::instrument(skip(db), err)]
pub async fn series_of_person(
    db: &Database,
    person_id: i64,
) -> Result<Vec<StoredSeries>, sqlx::Error> {
    let series = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SERIES_SELECT} WHERE s.status = 'active' AND ms.sig_id IN ( \
         SELECT sig_id FROM leaderships WHERE person_id = $1 AND role <> 'emeritus' \
         UNION SELECT sig_id FROM memberships WHERE person_id = $1 AND status = 'active') \
         ORDER BY lower(s.name), ms.id"
    )))
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?;
    changes::attach(db, series).await
}

/// One series of a SIG.
#[tracing::instrument(skip(db), err)]
pub async fn find_series(
    db: &Database,
    slug: &str,
    id: i64,
) -> Result<Option<StoredSeries>, sqlx::Error> {
    let series: Option<StoredSeries> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SERIES_SELECT} WHERE s.slug = $1 AND ms.id = $2"
    )))
    .bind(slug)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let attached = changes::attach(db, series.into_iter().collect()).await?;
    Ok(attached.into_iter().next())
}

async fn sig_id(db: &Database, slug: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM sigs WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&db.pool)
        .await
}

/// Adds a series (`id` 0) or replaces one; the series' id, or `None` for an
/// unknown SIG or series. One statement, so nothing is half-written.
#[tracing::instrument(skip(db, series), err)]
pub async fn save_series(
    db: &Database,
    slug: &str,
    id: i64,
    series: &ValidSeries,
) -> Result<Option<i64>, sqlx::Error> {
    let Some(sig_id) = sig_id(db, slug).await? else {
        return Ok(None);
    };
    let at = db.now();
    let query = if id == 0 {
        "INSERT INTO meeting_series (weekday, start_time, end_time, time_zone, cadence, \
         week_of_month, starts_on, join_url, notes_url, recordings_url, title, sig_id, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id"
    } else {
        "UPDATE meeting_series SET weekday = $1, start_time = $2, end_time = $3, time_zone = $4, \
         cadence = $5, week_of_month = $6, starts_on = $7, join_url = $8, notes_url = $9, \
         recordings_url = $10, title = $11, updated_at = $13, sequence = sequence + 1 \
         WHERE sig_id = $12 AND id = $14 RETURNING id"
    };
    let rule = SeriesRule::valid(series);
    let mut query = rule
        .bind(sqlx::query(query))
        .bind(&series.title)
        .bind(sig_id)
        .bind(at);
    if id != 0 {
        query = query.bind(id);
    }
    let saved = query.fetch_optional(&db.pool).await?;
    saved.map(|row| row.try_get(0)).transpose()
}

/// Removes a series; `false` when the SIG has no such series.
#[tracing::instrument(skip(db), err)]
pub async fn delete_series(db: &Database, slug: &str, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM meeting_series WHERE id = $1 AND sig_id = (SELECT id FROM sigs WHERE slug = $2)",
    )
    .bind(id)
    .bind(slug)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// A meeting record row.
#[derive(Debug, Clone, FromRow)]
pub struct StoredRecord {
    pub id: i64,
    pub held_on: String,
    pub title: String,
    pub agenda: String,
    pub notes: String,
    pub recording_url: Option<String>,
}

impl StoredRecord {
    pub fn summary(&self) -> MeetingRecordSummary {
        MeetingRecordSummary {
            id: self.id,
            held_on: self.held_on.clone(),
            held_on_label: Day::parse(&self.held_on)
                .map(Day::label)
                .unwrap_or_else(|| self.held_on.clone()),
            title: self.title.clone(),
            has_notes: !self.notes.trim().is_empty(),
            recording_url: self.recording_url.clone(),
        }
    }
}

const RECORD_SELECT: &str = "SELECT m.id, m.held_on, m.title, m.agenda, m.notes, m.recording_url \
     FROM meetings m JOIN sigs s ON s.id = m.sig_id";

/// A SIG's meeting records, newest first.
#[tracing::instrument(skip(db), err)]
pub async fn records_of_sig(db: &Database, slug: &str) -> Result<Vec<StoredRecord>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{RECORD_SELECT} WHERE s.slug = $1 ORDER BY m.held_on DESC, m.id DESC"
    )))
    .bind(slug)
    .fetch_all(&db.pool)
    .await
}

/// One record of a SIG.
#[tracing::instrument(skip(db), err)]
pub async fn find_record(
    db: &Database,
    slug: &str,
    id: i64,
) -> Result<Option<StoredRecord>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{RECORD_SELECT} WHERE s.slug = $1 AND m.id = $2"
    )))
    .bind(slug)
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// Adds a record (`id` 0) or replaces one; its id, or `None` for an
/// unknown SIG or record.
#[tracing::instrument(skip(db, record), err)]
pub async fn save_record(
    db: &Database,
    slug: &str,
    id: i64,
    person_id: i64,
    record: &ValidRecord,
) -> Result<Option<i64>, sqlx::Error> {
    let Some(sig_id) = sig_id(db, slug).await? else {
        return Ok(None);
    };
    let query = if id == 0 {
        "INSERT INTO meetings (held_on, title, agenda, notes, recording_url, updated_by, sig_id, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id"
    } else {
        "UPDATE meetings SET held_on = $1, title = $2, agenda = $3, notes = $4, \
         recording_url = $5, updated_by = $6, updated_at = $8 \
         WHERE sig_id = $7 AND id = $9 RETURNING id"
    };
    let mut query = sqlx::query_scalar(query)
        .bind(record.held_on.key())
        .bind(&record.title)
        .bind(&record.agenda)
        .bind(&record.notes)
        .bind(&record.recording_url)
        .bind(person_id)
        .bind(sig_id)
        .bind(db.now());
    if id != 0 {
        query = query.bind(id);
    }
    query.fetch_optional(&db.pool).await
}

/// Removes a record; `false` when the SIG has no such record.
#[tracing::instrument(skip(db), err)]
pub async fn delete_record(db: &Database, slug: &str, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM meetings WHERE id = $1 AND sig_id = (SELECT id FROM sigs WHERE slug = $2)",
    )
    .bind(id)
    .bind(slug)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() > 0)
}
