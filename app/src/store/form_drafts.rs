//! Refused form submissions kept for a few minutes (see
//! `components::form_draft`), in the database so every instance sees them.

use super::Database;
use crate::auth::{hash_token, new_token};
use crate::components::form_draft::FormDraft;

/// How long a refused submission is kept.
pub const DRAFT_SECONDS: i64 = 15 * 60;

/// Keeps `draft`; returns the token for the browser's cookie. Drafts past
/// their time are deleted on the way.
#[tracing::instrument(skip_all, err)]
pub async fn keep(db: &Database, draft: &FormDraft) -> Result<String, sqlx::Error> {
    let token = new_token();
    let fields = serde_json::to_string(draft).unwrap_or_default();
    let created = db.now();
    sqlx::query("DELETE FROM form_drafts WHERE created_at < $1")
        .bind(created - DRAFT_SECONDS)
        .execute(&db.pool)
        .await?;
    sqlx::query("INSERT INTO form_drafts (token_hash, fields, created_at) VALUES ($1, $2, $3)")
        .bind(hash_token(&token))
        .bind(fields)
        .bind(created)
        .execute(&db.pool)
        .await?;
    Ok(token)
}

/// The draft behind `token`, if it is still kept.
#[tracing::instrument(skip_all, err)]
pub async fn find(db: &Database, token: &str) -> Result<Option<FormDraft>, sqlx::Error> {
    let fields: Option<String> = sqlx::query_scalar(
        "SELECT fields FROM form_drafts WHERE token_hash = $1 AND created_at >= $2",
    )
    .bind(hash_token(token))
    .bind(db.now() - DRAFT_SECONDS)
    .fetch_optional(&db.pool)
    .await?;
    Ok(fields.and_then(|fields| serde_json::from_str(&fields).ok()))
}
