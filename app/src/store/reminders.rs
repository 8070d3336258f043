//! Reminders to leads: a roadmap board unchanged for 90 days, a meeting held
//! two days ago or more without notes, join requests waiting over a week.
//! At most one reminder of a kind per lead and SIG a week.

use chrono::{DateTime, Duration, Utc};
use sqlx::FromRow;

use super::write::WriteTransaction;
use super::Database;
use crate::i18n::Language;

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderKind {
    /// No roadmap change for 90 days.
    StaleBoard,
    /// A meeting of these days has no notes.
    MissingNotes,
    /// This many requests wait for an answer for over a week.
    WaitingRequests,
}

impl ReminderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::StaleBoard => "stale-board",
            ReminderKind::MissingNotes => "missing-notes",
            ReminderKind::WaitingRequests => "waiting-requests",
        }
    }
}

/// One reminder to one lead about one SIG.
#[derive(Debug, Clone)]
pub struct Reminder {
    pub person_id: i64,
    pub sig_id: i64,
    pub recipient: String,
    pub name: String,
    pub language: Language,
    pub unsubscribe_token: Option<String>,
    pub sig_slug: String,
    pub sig_name: String,
    pub kind: ReminderKind,
    /// The days of meetings without notes (YYYY-MM-DD), or the number of
    /// requests waiting, as the kind needs.
    pub days: Vec<String>,
    pub count: i64,
}

#[derive(FromRow)]
struct Lead {
    person_id: i64,
    sig_id: i64,
    email: String,
    display_name: String,
    language: Option<String>,
    unsubscribe_token: Option<String>,
    slug: String,
    name: String,
}

const WEEK: i64 = 7 * 86_400;

/// Every reminder due at `now`.
pub async fn due(db: &Database, now: DateTime<Utc>) -> Result<Vec<Reminder>, sqlx::Error> {
    let leads: Vec<Lead> = sqlx::query_as(
        "SELECT l.person_id, l.sig_id, p.email, p.display_name, p.language, mp.unsubscribe_token, \
         s.slug, s.name FROM leaderships l JOIN people p ON p.id = l.person_id \
         JOIN sigs s ON s.id = l.sig_id LEFT JOIN mail_preferences mp ON mp.person_id = p.id \
         WHERE l.role <> 'emeritus' AND p.email IS NOT NULL AND s.status = 'active' \
         AND COALESCE(mp.lead_reminders, 1) = 1 ORDER BY s.slug, l.position, p.id",
    )
    .fetch_all(&db.pool)
    .await?;
    let at = now.timestamp();
    let mut due = Vec::new();
    for lead in leads {
        for (kind, days, count) in findings(db, &lead, now).await? {
            let sent: Option<i64> = sqlx::query_scalar(
                "SELECT sent_at FROM reminders_sent WHERE person_id = $1 AND sig_id = $2 AND kind = $3",
            )
            .bind(lead.person_id)
            .bind(lead.sig_id)
            .bind(kind.as_str())
            .fetch_optional(&db.pool)
            .await?;
            if sent.is_some_and(|sent| at - sent < WEEK) {
                continue;
            }
            due.push(Reminder {
                person_id: lead.person_id,
                sig_id: lead.sig_id,
                recipient: lead.email.clone(),
                name: lead.display_name.clone(),
                language: Language::stored(lead.language.as_deref()),
                unsubscribe_token: lead.unsubscribe_token.clone(),
                sig_slug: lead.slug.clone(),
                sig_name: lead.name.clone(),
                kind,
                days,
                count,
            });
        }
    }
    Ok(due)
}

/// What is wrong in the lead's SIG at `now`.
async fn findings(
    db: &Database,
    lead: &Lead,
    now: DateTime<Utc>,
) -> Result<Vec<(ReminderKind, Vec<String>, i64)>, sqlx::Error> {
    let at = now.timestamp();
    let mut found = Vec::new();
    let last_change: Option<i64> = sqlx::query_scalar(
        "SELECT COALESCE(MAX(c.changed_at), s.created_at) FROM sigs s \
         LEFT JOIN roadmap_changes c ON c.sig_id = s.id WHERE s.id = $1 GROUP BY s.created_at",
    )
    .bind(lead.sig_id)
    .fetch_optional(&db.pool)
    .await?;
    if last_change.is_some_and(|last| at - last > 90 * 86_400) {
        found.push((ReminderKind::StaleBoard, Vec::new(), 0));
    }
    let days = meetings_without_notes(db, &lead.slug, now).await?;
    if !days.is_empty() {
        found.push((ReminderKind::MissingNotes, days, 0));
    }
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE sig_id = $1 AND status = 'awaiting_approval' \
         AND requested_at < $2",
    )
    .bind(lead.sig_id)
    .bind(at - WEEK)
    .fetch_one(&db.pool)
    .await?;
    if waiting > 0 {
        found.push((ReminderKind::WaitingRequests, Vec::new(), waiting));
    }
    Ok(found)
}

/// The days, in the last week before the last two, on which a series of
/// the SIG met (not cancelled) and no record with notes exists.
async fn meetings_without_notes(
    db: &Database,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, sqlx::Error> {
    let (from, to) = (now - Duration::days(9), now - Duration::days(2));
    let with_notes: Vec<String> = sqlx::query_scalar(
        "SELECT m.held_on FROM meetings m JOIN sigs s ON s.id = m.sig_id \
         WHERE s.slug = $1 AND m.notes <> ''",
    )
    .bind(slug)
    .fetch_all(&db.pool)
    .await?;
    let mut days = Vec::new();
    for stored in super::meetings::series_of_sig(db, slug).await? {
        let Some(schedule) = stored.schedule() else {
            continue;
        };
        for meeting in schedule
            .upcoming(from)
            .take_while(|meeting| meeting.end <= to)
        {
            let day = meeting.start.date_naive().format("%Y-%m-%d").to_string();
            if !with_notes.contains(&day) && !days.contains(&day) {
                days.push(day);
            }
        }
    }
    days.sort();
    Ok(days)
}

/// Notes in the run's transaction that `reminder` was sent.
pub async fn mark_sent(tx: &mut WriteTransaction, reminder: &Reminder) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO reminders_sent (person_id, sig_id, kind, sent_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (person_id, sig_id, kind) DO UPDATE SET sent_at = excluded.sent_at",
    )
    .bind(reminder.person_id)
    .bind(reminder.sig_id)
    .bind(reminder.kind.as_str())
    .bind(tx.now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
