//! Meetings a lead cancelled, moved or put back, and series they ended: read
//! with their series, and written in one transaction with the series'
//! SEQUENCE bumped (so calendar apps take the new version) and one e-mail
//! queued for each member who wants to hear about it.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sqlx::FromRow;

use super::StoredSeries;
use crate::i18n::Language;
use crate::models::meeting::{ChangeAction, Day, LocalTime, MeetingChangeView, ValidChange};
use crate::schedule::{instant, naive_date, naive_time, Change, Occurrence, Schedule};
use crate::store::outbox::{enqueue, Mail};
use crate::store::write::WriteTransaction;
use crate::store::Database;

/// A change row.
#[derive(Debug, Clone, FromRow)]
pub struct StoredChange {
    pub series_id: i64,
    pub occurs_on: String,
    pub kind: String,
    pub moved_on: Option<String>,
    pub moved_start: Option<String>,
    pub moved_end: Option<String>,
    pub reason: String,
}

impl StoredChange {
    /// The change in the schedule's terms; `None` when a stored value no
    /// longer parses.
    pub fn change(&self) -> Option<Change> {
        let day = |value: &str| Day::parse(value).and_then(naive_date);
        let time = |value: &str| LocalTime::parse(value).and_then(naive_time);
        let moved_to = match self.kind.as_str() {
            "moved" => Some((
                day(self.moved_on.as_deref()?)?,
                time(self.moved_start.as_deref()?)?,
                time(self.moved_end.as_deref()?)?,
            )),
            _ => None,
        };
        Some(Change {
            occurs_on: day(&self.occurs_on)?,
            moved_to,
        })
    }
}

/// `series` with each one's changes filled in (one query for all).
pub(super) async fn attach(
    db: &Database,
    mut series: Vec<StoredSeries>,
) -> Result<Vec<StoredSeries>, sqlx::Error> {
    if series.is_empty() {
        return Ok(series);
    }
    // Row ids are numbers: written into the statement, they cannot inject.
    let ids: Vec<String> = series.iter().map(|stored| stored.id.to_string()).collect();
    let changes: Vec<StoredChange> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT series_id, occurs_on, kind, moved_on, moved_start, moved_end, reason \
         FROM meeting_changes WHERE series_id IN ({}) ORDER BY occurs_on",
        ids.join(", ")
    )))
    .fetch_all(&db.pool)
    .await?;
    for stored in &mut series {
        stored.changes = changes
            .iter()
            .filter(|change| change.series_id == stored.id)
            .cloned()
            .collect();
    }
    Ok(series)
}

/// The changes whose meeting (as planned or as moved) has not ended at
/// `now`, in the order planned, as pages show them.
pub fn coming(
    schedule: &Schedule,
    changes: &[StoredChange],
    now: DateTime<Utc>,
) -> Vec<MeetingChangeView> {
    changes
        .iter()
        .filter_map(|stored| {
            let change = stored.change()?;
            let planned = schedule.on(change.occurs_on);
            let moved = schedule.moved(&change);
            let last_end = moved.map_or(planned.end, |moved| moved.end.max(planned.end));
            (last_end > now).then(|| MeetingChangeView {
                occurs_on: stored.occurs_on.clone(),
                planned: instant(planned, now),
                moved_to: moved.map(|moved| instant(moved, now)),
                reason: stored.reason.clone(),
            })
        })
        .collect()
}

/// What an e-mail about a changed meeting says; `mail.rs` writes it out.
#[derive(Debug, Clone)]
pub struct MeetingNotice {
    pub recipient: String,
    pub name: String,
    /// The language the person chose: the e-mail is written in it.
    pub language: Language,
    /// The zone the person reads times in: their own, else the series'.
    pub zone: Tz,
    pub sig_slug: String,
    pub sig_name: String,
    pub series_title: String,
    /// The meeting concerned, as planned.
    pub planned: Occurrence,
    pub what: NoticeKind,
    pub reason: String,
    /// Opens the person's unsubscribe links.
    pub unsubscribe_token: String,
}

/// Which change a notice announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Cancelled,
    Moved(Occurrence),
    /// A cancelled or moved meeting is on as planned again.
    Restored,
    /// The meeting is the series' last.
    Ended,
    /// An ended series meets again; `planned` is its next meeting.
    Resumed,
}

/// How a change went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOutcome {
    Done,
    /// "Restore" or "resume" with nothing to take back.
    NothingToUndo,
}

/// Applies `change` to `series` (which the caller found in the lead's SIG
/// and checked the change against), bumps its SEQUENCE and queues `tell`'s
/// e-mail to each active member and lead (but the lead who made it).
pub async fn apply(
    db: &Database,
    series: &StoredSeries,
    person_id: i64,
    change: &ValidChange,
    now: DateTime<Utc>,
    tell: &impl Fn(&MeetingNotice) -> Mail,
) -> Result<ChangeOutcome, sqlx::Error> {
    let Some(schedule) = series.schedule() else {
        return Ok(ChangeOutcome::NothingToUndo);
    };
    let day = change.occurs_on.key();
    let mut tx = db.begin_write().await?;
    let changed = match change.action {
        ChangeAction::Cancel | ChangeAction::Move { .. } => {
            upsert(&mut tx, series.id, &day, person_id, change).await?
        }
        ChangeAction::Restore => {
            sqlx::query("DELETE FROM meeting_changes WHERE series_id = $1 AND occurs_on = $2")
                .bind(series.id)
                .bind(&day)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        }
        ChangeAction::End => set_end(&mut tx, series.id, Some(&day)).await?,
        ChangeAction::Resume if series.ends_on.is_some() => {
            set_end(&mut tx, series.id, None).await?
        }
        ChangeAction::Resume => 0,
    };
    if changed == 0 {
        tx.rollback().await?;
        return Ok(ChangeOutcome::NothingToUndo);
    }
    sqlx::query("UPDATE meeting_series SET sequence = sequence + 1, updated_at = $1 WHERE id = $2")
        .bind(tx.now())
        .bind(series.id)
        .execute(&mut *tx)
        .await?;
    let Some((planned, what)) = notice_of(&schedule, change, now) else {
        tx.commit().await?;
        return Ok(ChangeOutcome::Done);
    };
    for person in followers(&mut tx, series.id, person_id).await? {
        let unsubscribe_token =
            crate::store::mail_preferences::token_for(&mut tx, person.id).await?;
        let notice = MeetingNotice {
            recipient: person.email,
            name: person.display_name,
            language: Language::stored(person.language.as_deref()),
            zone: person
                .time_zone
                .as_deref()
                .and_then(crate::schedule::zones::parse)
                .unwrap_or(schedule.zone),
            sig_slug: series.sig_slug.clone(),
            sig_name: series.sig_name.clone(),
            series_title: series.title.clone(),
            planned,
            what,
            reason: change.reason.clone(),
            unsubscribe_token,
        };
        enqueue(&mut tx, &tell(&notice)).await?;
    }
    tx.commit().await?;
    Ok(ChangeOutcome::Done)
}

async fn upsert(
    tx: &mut WriteTransaction,
    series_id: i64,
    day: &str,
    person_id: i64,
    change: &ValidChange,
) -> Result<u64, sqlx::Error> {
    let (kind, moved_on, start, end) = match change.action {
        ChangeAction::Move { on, start, end } => (
            "moved",
            Some(on.key()),
            Some(start.label()),
            Some(end.label()),
        ),
        _ => ("cancelled", None, None, None),
    };
    let at = tx.now();
    let done = sqlx::query(
        "INSERT INTO meeting_changes (series_id, occurs_on, kind, moved_on, moved_start, \
         moved_end, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (series_id, occurs_on) DO UPDATE SET kind = excluded.kind, \
         moved_on = excluded.moved_on, moved_start = excluded.moved_start, \
         moved_end = excluded.moved_end, reason = excluded.reason, \
         changed_by = excluded.changed_by, changed_at = excluded.changed_at",
    )
    .bind(series_id)
    .bind(day)
    .bind(kind)
    .bind(moved_on)
    .bind(start)
    .bind(end)
    .bind(&change.reason)
    .bind(person_id)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

async fn set_end(
    tx: &mut WriteTransaction,
    series_id: i64,
    ends_on: Option<&str>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("UPDATE meeting_series SET ends_on = $1 WHERE id = $2")
        .bind(ends_on)
        .bind(series_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}

/// The meeting a notice is about and what happened to it; `None` when
/// there is no meeting to speak of (a resumed series with no future date).
fn notice_of(
    schedule: &Schedule,
    change: &ValidChange,
    now: DateTime<Utc>,
) -> Option<(Occurrence, NoticeKind)> {
    let day = naive_date(change.occurs_on)?;
    let planned = schedule.on(day);
    Some(match change.action {
        ChangeAction::Cancel => (planned, NoticeKind::Cancelled),
        ChangeAction::Move { on, start, end } => {
            let moved = Change {
                occurs_on: day,
                moved_to: Some((naive_date(on)?, naive_time(start)?, naive_time(end)?)),
            };
            (planned, NoticeKind::Moved(schedule.moved(&moved)?))
        }
        ChangeAction::Restore => (planned, NoticeKind::Restored),
        ChangeAction::End => (planned, NoticeKind::Ended),
        ChangeAction::Resume => {
            let resumed = schedule
                .clone()
                .with_changes(None, schedule.changes.clone());
            (resumed.next_after(now)?, NoticeKind::Resumed)
        }
    })
}

/// Someone to tell about a SIG's meetings.
#[derive(FromRow)]
struct Follower {
    id: i64,
    email: String,
    display_name: String,
    language: Option<String>,
    time_zone: Option<String>,
}

/// The active members and leads of the series' SIG with an address who did
/// not turn these e-mails off, each once, except `changed_by`.
async fn followers(
    tx: &mut WriteTransaction,
    series_id: i64,
    changed_by: i64,
) -> Result<Vec<Follower>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.email, p.display_name, p.language, mp.time_zone FROM people p \
         LEFT JOIN mail_preferences mp ON mp.person_id = p.id \
         WHERE p.email IS NOT NULL AND p.id <> $2 AND COALESCE(mp.meeting_changes, 1) = 1 \
         AND p.id IN ( \
           SELECT m.person_id FROM memberships m JOIN meeting_series ms ON ms.sig_id = m.sig_id \
           WHERE ms.id = $1 AND m.status = 'active' AND m.inactive_at IS NULL \
           UNION SELECT l.person_id FROM leaderships l JOIN meeting_series ms ON ms.sig_id = l.sig_id \
           WHERE ms.id = $1 AND l.role <> 'emeritus') \
         ORDER BY p.id",
    )
    .bind(series_id)
    .bind(changed_by)
    .fetch_all(&mut **tx)
    .await
}
