//! Uploaded community files waiting for an admin to apply them, with their
//! dry-run report (the caller checked the admin).

use sqlx::FromRow;

use super::Database;
use crate::models::import::{ImportOutcome, ImportPreview};

#[derive(FromRow)]
struct PreviewRow {
    id: i64,
    file_name: String,
    format: String,
    report: String,
    uploaded_by: String,
    created_at: i64,
    applied_at: Option<i64>,
}

impl From<PreviewRow> for ImportPreview {
    fn from(row: PreviewRow) -> Self {
        ImportPreview {
            id: row.id,
            file_name: row.file_name,
            format: row.format,
            uploaded_by: row.uploaded_by,
            uploaded_label: crate::i18n::format::time_of(row.created_at),
            applied_label: row.applied_at.map(crate::i18n::format::time_of),
            outcome: serde_json::from_str(&row.report).unwrap_or_default(),
        }
    }
}

/// Keeps an uploaded file with its dry run; the new preview's id.
#[tracing::instrument(skip(db, source, outcome), err)]
pub async fn create(
    db: &Database,
    person_id: i64,
    file_name: &str,
    format: &str,
    source: &str,
    outcome: &ImportOutcome,
) -> Result<i64, sqlx::Error> {
    let report = serde_json::to_string(outcome).unwrap_or_default();
    sqlx::query_scalar(
        "INSERT INTO import_previews (person_id, file_name, format, source, report, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(person_id)
    .bind(file_name)
    .bind(format)
    .bind(source)
    .bind(report)
    .bind(db.now())
    .fetch_one(&db.pool)
    .await
}

#[tracing::instrument(skip(db), err)]
pub async fn find(db: &Database, id: i64) -> Result<Option<ImportPreview>, sqlx::Error> {
    let row: Option<PreviewRow> = sqlx::query_as(
        "SELECT i.id, i.file_name, i.format, i.report, p.display_name AS uploaded_by, \
         i.created_at, i.applied_at FROM import_previews i JOIN people p ON p.id = i.person_id \
         WHERE i.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(ImportPreview::from))
}

/// The file and format of a preview not applied yet.
#[tracing::instrument(skip(db), err)]
pub async fn pending_source(
    db: &Database,
    id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT format, source FROM import_previews WHERE id = $1 AND applied_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// The newest uploads first.
#[tracing::instrument(skip(db), err)]
pub async fn recent(db: &Database) -> Result<Vec<ImportPreview>, sqlx::Error> {
    let rows: Vec<PreviewRow> = sqlx::query_as(
        "SELECT i.id, i.file_name, i.format, i.report, p.display_name AS uploaded_by, \
         i.created_at, i.applied_at FROM import_previews i JOIN people p ON p.id = i.person_id \
         ORDER BY i.id DESC LIMIT 20",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(ImportPreview::from).collect())
}

/// Records that the preview was applied, with what applying it did. Only
/// once: `false` if it was applied already.
#[tracing::instrument(skip(db, outcome), err)]
pub async fn mark_applied(
    db: &Database,
    id: i64,
    outcome: &ImportOutcome,
) -> Result<bool, sqlx::Error> {
    let report = serde_json::to_string(outcome).unwrap_or_default();
    let done = sqlx::query(
        "UPDATE import_previews SET applied_at = $1, report = $2 WHERE id = $3 AND applied_at IS NULL",
    )
    .bind(db.now())
    .bind(report)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
