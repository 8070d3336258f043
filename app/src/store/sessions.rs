//! Sessions live in the database so every server instance shares them.

use super::Database;
use crate::auth::{hash_token, new_token, SESSION_SECONDS};

/// Starts a session for `person_id` and returns its token. `replacing` (the
/// token the browser still had) is ended in the same transaction: tokens
/// rotate at every sign-in.
#[tracing::instrument(skip_all, err)]
pub async fn start(
    db: &Database,
    person_id: i64,
    replacing: Option<&str>,
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
        "INSERT INTO sessions (token_hash, person_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(hash_token(&token))
    .bind(person_id)
    .bind(created)
    .bind(created + SESSION_SECONDS)
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
