//! A roster that stays fresh. A member with no sign of life in a SIG for a
//! while (joining, saying they are active, signing in, changing its
//! roadmap) is asked by e-mail whether they still take part. Without an
//! answer in 30 days they become inactive: kept in the history, shown apart
//! on the members page, and active again by one click of theirs or a lead's.

use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::joining::leave_link;
use super::write::WriteTransaction;
use super::Database;
use crate::i18n::Language;

/// How long a member has to answer before they are shown as inactive.
pub const ANSWER_DAYS: i64 = 30;
const DAY: i64 = 86_400;

/// One member to ask, with the link that answers for them.
#[derive(Debug, Clone)]
pub struct ActivityCheck {
    pub membership_id: i64,
    pub recipient: String,
    pub name: String,
    pub language: Language,
    pub sig_slug: String,
    pub sig_name: String,
    /// When they joined, as a day in the recipient's language.
    pub joined_label: String,
    /// The last day to answer before being shown as inactive.
    pub answer_by_label: String,
}

#[derive(FromRow)]
struct Candidate {
    membership_id: i64,
    email: String,
    display_name: String,
    language: Option<String>,
    slug: String,
    name: String,
    requested_at: i64,
    joined_at: Option<i64>,
    active_confirmed_at: Option<i64>,
    last_sign_in: Option<i64>,
    last_change: Option<i64>,
}

impl Candidate {
    fn last_sign_of_life(&self) -> i64 {
        [
            self.joined_at,
            self.active_confirmed_at,
            self.last_sign_in,
            self.last_change,
        ]
        .into_iter()
        .flatten()
        .fold(self.requested_at, i64::max)
    }
}

/// A sign of life of the member after `$1`, as a condition on `memberships`.
const SIGN_OF_LIFE_AFTER: &str = "(EXISTS (SELECT 1 FROM sessions se \
     WHERE se.person_id = memberships.person_id AND se.created_at > $1) \
     OR EXISTS (SELECT 1 FROM roadmap_changes c WHERE c.person_id = memberships.person_id \
     AND c.sig_id = memberships.sig_id AND c.changed_at > $1))";

/// The members to ask at `now`: active, not asked yet, not leading the
/// SIG, and with no sign of life for `every_days`. Nobody when it is 0.
pub async fn due(
    db: &Database,
    now: DateTime<Utc>,
    every_days: i64,
) -> Result<Vec<ActivityCheck>, sqlx::Error> {
    if every_days <= 0 {
        return Ok(Vec::new());
    }
    let candidates: Vec<Candidate> = sqlx::query_as(
        "SELECT m.id AS membership_id, p.email, p.display_name, p.language, s.slug, s.name, \
         m.requested_at, m.joined_at, m.active_confirmed_at, \
         (SELECT MAX(se.created_at) FROM sessions se WHERE se.person_id = m.person_id) AS last_sign_in, \
         (SELECT MAX(c.changed_at) FROM roadmap_changes c WHERE c.person_id = m.person_id \
          AND c.sig_id = m.sig_id) AS last_change \
         FROM memberships m JOIN people p ON p.id = m.person_id JOIN sigs s ON s.id = m.sig_id \
         WHERE m.status = 'active' AND m.inactive_at IS NULL AND m.activity_asked_at IS NULL \
         AND p.email IS NOT NULL AND s.status = 'active' \
         AND NOT EXISTS (SELECT 1 FROM leaderships l WHERE l.sig_id = m.sig_id \
         AND l.person_id = m.person_id AND l.role <> 'emeritus') ORDER BY m.id",
    )
    .fetch_all(&db.pool)
    .await?;
    let quiet_since = now.timestamp() - every_days * DAY;
    Ok(candidates
        .into_iter()
        .filter(|candidate| candidate.last_sign_of_life() < quiet_since)
        .map(|candidate| {
            let language = Language::stored(candidate.language.as_deref());
            ActivityCheck {
                joined_label: day_in(
                    language,
                    candidate.joined_at.unwrap_or(candidate.requested_at),
                ),
                // The daily run after the 30th day makes them inactive.
                answer_by_label: day_in(language, now.timestamp() + (ANSWER_DAYS - 1) * DAY),
                membership_id: candidate.membership_id,
                recipient: candidate.email,
                name: candidate.display_name,
                language,
                sig_slug: candidate.slug,
                sig_name: candidate.name,
            }
        })
        .collect())
}

/// The day of a Unix time in `language`.
fn day_in(language: Language, unix_seconds: i64) -> String {
    use chrono::Datelike;
    let at = DateTime::from_timestamp(unix_seconds, 0).unwrap_or_default();
    crate::i18n::format::date(language, at.year(), at.month(), at.day())
}

/// Notes in the run's transaction that `check` was sent; the link that
/// answers it (it also leaves, from the same e-mail).
pub async fn mark_asked(
    tx: &mut WriteTransaction,
    check: &ActivityCheck,
) -> Result<String, sqlx::Error> {
    sqlx::query("UPDATE memberships SET activity_asked_at = $1 WHERE id = $2")
        .bind(tx.now())
        .bind(check.membership_id)
        .execute(&mut **tx)
        .await?;
    leave_link(tx, check.membership_id).await
}

/// Settles the questions of the run at `now`: a member asked who showed a
/// sign of life since has answered; one asked 30 days ago or more who did
/// not becomes inactive. The number made inactive.
pub async fn settle(tx: &mut WriteTransaction, now: i64) -> Result<u64, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE memberships SET activity_asked_at = NULL, active_confirmed_at = $1 \
         WHERE activity_asked_at IS NOT NULL AND inactive_at IS NULL AND {}",
        SIGN_OF_LIFE_AFTER.replace("$1", "memberships.activity_asked_at")
    )))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(sqlx::query(
        "UPDATE memberships SET inactive_at = $1 WHERE status = 'active' \
         AND inactive_at IS NULL AND activity_asked_at IS NOT NULL AND activity_asked_at <= $2",
    )
    .bind(now)
    // Half a day of slack: the daily run on the 30th day counts, whichever
    // second of the hour it and the run that asked happened to start.
    .bind(now - ANSWER_DAYS * DAY + DAY / 2)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}

/// Whose membership of a SIG is meant.
#[derive(Debug, Clone, Copy)]
pub enum Member {
    /// This membership (from an e-mailed link, or a lead's button).
    Membership(i64),
    /// This signed-in person's.
    Person(i64),
}

/// Says the member still takes part in `slug`; `false` when their
/// membership of it is not active.
#[tracing::instrument(skip(db), err)]
pub async fn mark_active(db: &Database, slug: &str, member: Member) -> Result<bool, sqlx::Error> {
    let (column, id) = match member {
        Member::Membership(id) => ("id", id),
        Member::Person(id) => ("person_id", id),
    };
    let updated = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE memberships SET active_confirmed_at = $1, activity_asked_at = NULL, \
         inactive_at = NULL WHERE status = 'active' AND {column} = $2 \
         AND sig_id = (SELECT id FROM sigs WHERE slug = $3)"
    )))
    .bind(db.now())
    .bind(id)
    .bind(slug)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(updated == 1)
}
