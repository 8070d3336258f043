//! What goes into each person's weekly digest: the coming week's meetings of
//! their SIGs (with the agenda, when one is written), the roadmap items
//! changed in the past week, and for leads the join requests waiting.
//! Read before the run's transaction; `mail.rs` writes the e-mail.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use sqlx::FromRow;

use super::Database;
use crate::i18n::Language;
use crate::schedule::Occurrence;

/// Someone who asked for the digest.
#[derive(Debug, Clone, FromRow)]
pub struct Reader {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub language: Option<String>,
    pub time_zone: Option<String>,
    pub unsubscribe_token: String,
}

/// One coming meeting.
#[derive(Debug, Clone)]
pub struct ComingMeeting {
    pub sig_name: String,
    pub sig_slug: String,
    pub title: String,
    pub occurrence: Occurrence,
    /// The record written ahead for that day, when it has an agenda.
    pub agenda_record: Option<i64>,
}

/// One roadmap change of the past week.
#[derive(Debug, Clone, FromRow)]
pub struct BoardChange {
    pub sig_name: String,
    pub sig_slug: String,
    pub item_id: i64,
    pub item_title: String,
    pub summary: String,
}

/// Requests waiting for a lead's answer in one SIG.
#[derive(Debug, Clone, FromRow)]
pub struct Waiting {
    pub sig_name: String,
    pub sig_slug: String,
    pub count: i64,
}

/// One person's digest.
#[derive(Debug, Clone)]
pub struct Digest {
    pub recipient: String,
    pub name: String,
    pub language: Language,
    pub zone: Option<Tz>,
    pub unsubscribe_token: String,
    pub meetings: Vec<ComingMeeting>,
    pub changes: Vec<BoardChange>,
    pub waiting: Vec<Waiting>,
}

impl Digest {
    /// Nothing to say: no e-mail.
    pub fn is_empty(&self) -> bool {
        self.meetings.is_empty() && self.changes.is_empty() && self.waiting.is_empty()
    }
}

/// Every reader's digest for the week from `now`, empty ones left out.
pub async fn collect(db: &Database, now: DateTime<Utc>) -> Result<Vec<Digest>, sqlx::Error> {
    let readers: Vec<Reader> = sqlx::query_as(
        "SELECT p.id, p.email, p.display_name, p.language, mp.time_zone, mp.unsubscribe_token \
         FROM people p JOIN mail_preferences mp ON mp.person_id = p.id \
         WHERE mp.weekly_digest = 1 AND p.email IS NOT NULL ORDER BY p.id",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut digests = Vec::new();
    for reader in readers {
        let digest = Digest {
            meetings: meetings(db, reader.id, now).await?,
            changes: board_changes(db, reader.id, now).await?,
            waiting: waiting(db, reader.id).await?,
            recipient: reader.email,
            name: reader.display_name,
            language: Language::stored(reader.language.as_deref()),
            zone: reader
                .time_zone
                .as_deref()
                .and_then(crate::schedule::zones::parse),
            unsubscribe_token: reader.unsubscribe_token,
        };
        if !digest.is_empty() {
            digests.push(digest);
        }
    }
    Ok(digests)
}

async fn meetings(
    db: &Database,
    person_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<ComingMeeting>, sqlx::Error> {
    let week_end = now + Duration::days(7);
    let mut coming = Vec::new();
    for stored in super::meetings::series_of_person(db, person_id).await? {
        let Some(schedule) = stored.schedule() else {
            continue;
        };
        for occurrence in schedule
            .upcoming(now)
            .take_while(|meeting| meeting.start < week_end)
        {
            let day = occurrence.start.date_naive().format("%Y-%m-%d").to_string();
            let agenda_record: Option<i64> = sqlx::query_scalar(
                "SELECT m.id FROM meetings m JOIN sigs s ON s.id = m.sig_id \
                 WHERE s.slug = $1 AND m.held_on = $2 AND m.agenda <> '' ORDER BY m.id LIMIT 1",
            )
            .bind(&stored.sig_slug)
            .bind(&day)
            .fetch_optional(&db.pool)
            .await?;
            coming.push(ComingMeeting {
                sig_name: stored.sig_name.clone(),
                sig_slug: stored.sig_slug.clone(),
                title: stored.title.clone(),
                occurrence,
                agenda_record,
            });
        }
    }
    coming.sort_by_key(|meeting| meeting.occurrence.start);
    Ok(coming)
}

/// The SIGs a person is an active member or lead of, as a sub-select.
const SIGS_OF_PERSON: &str = "SELECT sig_id FROM memberships WHERE person_id = $1 \
     AND status = 'active' UNION SELECT sig_id FROM leaderships WHERE person_id = $1 \
     AND role <> 'emeritus'";

async fn board_changes(
    db: &Database,
    person_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<BoardChange>, sqlx::Error> {
    let changes: Vec<BoardChange> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT s.name AS sig_name, s.slug AS sig_slug, c.item_id, c.item_title, c.summary \
         FROM roadmap_changes c JOIN sigs s ON s.id = c.sig_id \
         WHERE c.changed_at >= $2 AND c.action <> 'deleted' AND s.status = 'active' \
         AND c.sig_id IN ({SIGS_OF_PERSON}) ORDER BY lower(s.name), c.id"
    )))
    .bind(person_id)
    .bind((now - Duration::days(7)).timestamp())
    .fetch_all(&db.pool)
    .await?;
    // An item changed several times is told once, as it last changed.
    let mut seen = std::collections::HashSet::new();
    let mut latest: Vec<BoardChange> = changes
        .into_iter()
        .rev()
        .filter(|change| seen.insert(change.item_id))
        .collect();
    latest.reverse();
    Ok(latest)
}

async fn waiting(db: &Database, person_id: i64) -> Result<Vec<Waiting>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.name AS sig_name, s.slug AS sig_slug, COUNT(*) AS count FROM memberships m \
         JOIN sigs s ON s.id = m.sig_id WHERE m.status = 'awaiting_approval' \
         AND m.sig_id IN (SELECT sig_id FROM leaderships WHERE person_id = $1 \
         AND role <> 'emeritus') GROUP BY s.name, s.slug ORDER BY s.name",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await
}
