//! Sessions live in the database so every server instance shares them.

use super::Database;
use crate::auth::{hash_token, new_token, SESSION_SECONDS};

/// How a session began, so its owner can tell their sessions apart.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// "password", or the key of the provider signed in through.
    pub signed_in_with: &'a str,
    /// The browser's `User-Agent`, cut to `USER_AGENT_MAX_CHARS`.
    pub user_agent: Option<&'a str>,
}

/// Enough of a `User-Agent` to recognise a browser by.
pub const USER_AGENT_MAX_CHARS: usize = 200;

/// Starts a session for `person_id` and returns its token. `replacing` (the
/// token the browser still had) is ended in the same transaction: tokens
/// rotate at every sign-in.
#[tracing::instrument(skip_all, err)]
pub async fn start(
    db: &Database,
    person_id: i64,
    replacing: Option<&str>,
    origin: Origin<'_>,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    let created = db.now();
    let mut tx = db.begin_write().await?;
    if let Some(old) = replacing {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(hash_token(old))
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO sessions (token_hash, person_id, created_at, expires_at, signed_in_with, \
         user_agent) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(hash_token(&token))
    .bind(person_id)
    .bind(created)
    .bind(created + SESSION_SECONDS)
    .bind(origin.signed_in_with)
    .bind(origin.user_agent.map(|agent| {
        agent
            .chars()
            .filter(|c| !c.is_control())
            .take(USER_AGENT_MAX_CHARS)
            .collect::<String>()
    }))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// The person a live session belongs to.
#[tracing::instrument(skip_all, err)]
pub async fn person_of(db: &Database, token: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT person_id FROM sessions WHERE token_hash = $1 AND expires_at > $2")
        .bind(hash_token(token))
        .bind(db.now())
        .fetch_optional(&db.pool)
        .await
}

/// Ends a session for good: the token is useless afterwards.
#[tracing::instrument(skip_all, err)]
pub async fn end(db: &Database, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(hash_token(token))
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// A live session, as its owner sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Live {
    pub token_hash: String,
    pub created_at: i64,
    pub signed_in_with: String,
    pub user_agent: Option<String>,
}

/// The live sessions of `person_id`, newest first.
#[tracing::instrument(skip(db), err)]
pub async fn live_of(db: &Database, person_id: i64) -> Result<Vec<Live>, sqlx::Error> {
    sqlx::query_as(
        "SELECT token_hash, created_at, signed_in_with, user_agent FROM sessions \
         WHERE person_id = $1 AND expires_at > $2 ORDER BY created_at DESC, token_hash",
    )
    .bind(person_id)
    .bind(db.now())
    .fetch_all(&db.pool)
    .await
}

/// Ends one of `person_id`'s own sessions, named by its stored hash.
#[tracing::instrument(skip_all, err)]
pub async fn end_own(db: &Database, person_id: i64, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE person_id = $1 AND token_hash = $2")
        .bind(person_id)
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Ends every session of `person_id` but the one holding `keep`.
#[tracing::instrument(skip_all, err)]
pub async fn end_others(db: &Database, person_id: i64, keep: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE person_id = $1 AND token_hash <> $2")
        .bind(person_id)
        .bind(hash_token(keep))
        .execute(&db.pool)
        .await?;
    Ok(())
}
