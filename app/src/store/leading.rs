//! What a lead's home reads: the SIGs a person leads, the requests and new
//! members there, and when the lead last looked (written as they look).

use super::Database;
use crate::models::leading::Newcomer;
use crate::models::sig::LeadRole;

/// How far back "joined lately" reaches for a lead who never looked.
const FIRST_LOOK_SECS: i64 = 30 * 86_400;

/// A SIG `person_id` leads with rights: its id, slug, name and their role.
#[tracing::instrument(skip(db), err)]
pub async fn led_sigs(
    db: &Database,
    person_id: i64,
) -> Result<Vec<(i64, String, String, LeadRole)>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT s.id, s.slug, s.name, l.role FROM leaderships l JOIN sigs s ON s.id = l.sig_id \
         WHERE l.person_id = $1 AND l.role <> 'emeritus' AND s.status = 'active' \
         ORDER BY lower(s.name)",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, slug, name, role)| Some((id, slug, name, LeadRole::parse(&role)?)))
        .collect())
}

/// People of SIG `sig_id` in `status`, since `since` (Unix seconds, by
/// when they asked or joined), oldest first.
async fn people_in(
    db: &Database,
    sig_id: i64,
    status: &str,
    since: i64,
) -> Result<Vec<Newcomer>, sqlx::Error> {
    let rows: Vec<(String, String, Option<i64>)> = sqlx::query_as(
        "SELECT p.display_name, m.interest, COALESCE(m.joined_at, m.requested_at) \
         FROM memberships m JOIN people p ON p.id = m.person_id \
         WHERE m.sig_id = $1 AND m.status = $2 AND COALESCE(m.joined_at, m.requested_at) > $3 \
         ORDER BY COALESCE(m.joined_at, m.requested_at), m.id",
    )
    .bind(sig_id)
    .bind(status)
    .bind(since)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(display_name, interest, at)| Newcomer {
            display_name,
            interest,
            since_label: crate::i18n::format::day_of(at),
        })
        .collect())
}

/// Requests to join SIG `sig_id` that wait for the leads.
pub async fn waiting(db: &Database, sig_id: i64) -> Result<Vec<Newcomer>, sqlx::Error> {
    people_in(db, sig_id, "awaiting_approval", i64::MIN).await
}

/// Members who joined SIG `sig_id` since `person_id` last looked (the last
/// 30 days when they never did), then notes that they looked now.
#[tracing::instrument(skip(db), err)]
pub async fn new_members_since_last_look(
    db: &Database,
    person_id: i64,
    sig_id: i64,
) -> Result<Vec<Newcomer>, sqlx::Error> {
    let now = db.now();
    let seen: Option<i64> =
        sqlx::query_scalar("SELECT seen_at FROM lead_visits WHERE person_id = $1 AND sig_id = $2")
            .bind(person_id)
            .bind(sig_id)
            .fetch_optional(&db.pool)
            .await?;
    let joined = people_in(db, sig_id, "active", seen.unwrap_or(now - FIRST_LOOK_SECS)).await?;
    sqlx::query(
        "INSERT INTO lead_visits (person_id, sig_id, seen_at) VALUES ($1, $2, $3) \
         ON CONFLICT (person_id, sig_id) DO UPDATE SET seen_at = $3",
    )
    .bind(person_id)
    .bind(sig_id)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(joined)
}
