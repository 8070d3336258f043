//! Each person's e-mail choices, and the token of the unsubscribe links in
//! their e-mails (made with the first e-mail that needs one).

use sqlx::FromRow;

use super::write::WriteTransaction;
use super::Database;
use crate::models::mail_preferences::{MailList, MailPreferences};

#[derive(FromRow)]
struct Row {
    meeting_changes: i64,
    weekly_digest: i64,
    lead_reminders: i64,
    time_zone: Option<String>,
}

impl From<Row> for MailPreferences {
    fn from(row: Row) -> Self {
        MailPreferences {
            meeting_changes: row.meeting_changes != 0,
            weekly_digest: row.weekly_digest != 0,
            lead_reminders: row.lead_reminders != 0,
            time_zone: row.time_zone,
        }
    }
}

const COLUMNS: &str = "meeting_changes, weekly_digest, lead_reminders, time_zone";

/// A person's choices; the defaults when they made none.
#[tracing::instrument(skip(db), err)]
pub async fn of_person(db: &Database, person_id: i64) -> Result<MailPreferences, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM mail_preferences WHERE person_id = $1"
    )))
    .bind(person_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(MailPreferences::from).unwrap_or_default())
}

/// Keeps a person's choices (their unsubscribe token stays as it was).
#[tracing::instrument(skip(db), err)]
pub async fn save(
    db: &Database,
    person_id: i64,
    preferences: &MailPreferences,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO mail_preferences (person_id, meeting_changes, weekly_digest, lead_reminders, \
         time_zone, unsubscribe_token, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (person_id) DO UPDATE SET meeting_changes = excluded.meeting_changes, \
         weekly_digest = excluded.weekly_digest, lead_reminders = excluded.lead_reminders, \
         time_zone = excluded.time_zone, updated_at = excluded.updated_at",
    )
    .bind(person_id)
    .bind(i64::from(preferences.meeting_changes))
    .bind(i64::from(preferences.weekly_digest))
    .bind(i64::from(preferences.lead_reminders))
    .bind(&preferences.time_zone)
    .bind(crate::auth::new_token())
    .bind(tx.now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// The token of `person_id`'s unsubscribe links, made on first use.
pub(crate) async fn token_for(
    tx: &mut WriteTransaction,
    person_id: i64,
) -> Result<String, sqlx::Error> {
    sqlx::query(
        "INSERT INTO mail_preferences (person_id, unsubscribe_token, updated_at) \
         VALUES ($1, $2, $3) ON CONFLICT (person_id) DO NOTHING",
    )
    .bind(person_id)
    .bind(crate::auth::new_token())
    .bind(tx.now())
    .execute(&mut **tx)
    .await?;
    sqlx::query_scalar("SELECT unsubscribe_token FROM mail_preferences WHERE person_id = $1")
        .bind(person_id)
        .fetch_one(&mut **tx)
        .await
}

/// Tokens are 32 hex digits; anything else (NUL bytes included, which
/// PostgreSQL refuses in text) is unknown without asking the database.
fn is_token(token: &str) -> bool {
    token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether the person behind `token` still gets `list`; `None` for an
/// unknown token.
#[tracing::instrument(skip_all, err)]
pub async fn subscribed(
    db: &Database,
    token: &str,
    list: MailList,
) -> Result<Option<bool>, sqlx::Error> {
    if !is_token(token) {
        return Ok(None);
    }
    let on: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM mail_preferences WHERE unsubscribe_token = $1",
        list.column()
    )))
    .bind(token)
    .fetch_optional(&db.pool)
    .await?;
    Ok(on.map(|on| on != 0))
}

/// Turns `list` on or off for the person behind `token`; `false` for an
/// unknown token.
#[tracing::instrument(skip_all, err)]
pub async fn set_subscribed(
    db: &Database,
    token: &str,
    list: MailList,
    on: bool,
) -> Result<bool, sqlx::Error> {
    if !is_token(token) {
        return Ok(false);
    }
    let column = list.column();
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE mail_preferences SET {column} = $1, updated_at = $2 WHERE unsubscribe_token = $3"
    )))
    .bind(i64::from(on))
    .bind(tx.now())
    .bind(token)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected() > 0)
}

/// Whether the person leads a SIG (reminders are for leads).
#[tracing::instrument(skip(db), err)]
pub async fn is_lead(db: &Database, person_id: i64) -> Result<bool, sqlx::Error> {
    let roles: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM leaderships WHERE person_id = $1 AND role <> 'emeritus'",
    )
    .bind(person_id)
    .fetch_one(&db.pool)
    .await?;
    Ok(roles > 0)
}

/// Turns the weekly digest on, as the join form's box asks.
pub(crate) async fn opt_in_to_digest(
    tx: &mut WriteTransaction,
    person_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO mail_preferences (person_id, weekly_digest, unsubscribe_token, updated_at) \
         VALUES ($1, 1, $2, $3) ON CONFLICT (person_id) DO UPDATE SET weekly_digest = 1, \
         updated_at = excluded.updated_at",
    )
    .bind(person_id)
    .bind(crate::auth::new_token())
    .bind(tx.now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
