//! Queries of governance pages and community-wide channels.

use sqlx::FromRow;

use super::Database;
use crate::models::channel::{Channel, ChannelKind};
use crate::models::page::PageLink;
use crate::models::sig_edit::GuidanceEditForm;

#[derive(FromRow)]
struct ChannelRow {
    purpose: String,
    name: String,
    url: String,
    kind: String,
}

/// A stored governance page, before rendering.
#[derive(FromRow)]
pub struct StoredPage {
    pub slug: String,
    pub title: String,
    pub body_markdown: String,
}

/// The governance pages in reading order, each with a summary made by `summarise`.
#[tracing::instrument(skip(db, summarise), err)]
pub async fn list_pages(
    db: &Database,
    summarise: impl Fn(&str) -> String,
) -> Result<Vec<PageLink>, sqlx::Error> {
    Ok(all_pages(db)
        .await?
        .into_iter()
        .map(|page| PageLink {
            summary: summarise(&page.body_markdown),
            slug: page.slug,
            title: page.title,
        })
        .collect())
}

/// Every governance page in reading order, whole (for an export).
#[tracing::instrument(skip(db), err)]
pub async fn all_pages(db: &Database) -> Result<Vec<StoredPage>, sqlx::Error> {
    sqlx::query_as("SELECT slug, title, body_markdown FROM pages ORDER BY position, slug")
        .fetch_all(&db.pool)
        .await
}

/// One page by slug; `None` when there is none.
#[tracing::instrument(skip(db), err)]
pub async fn find_page(db: &Database, slug: &str) -> Result<Option<StoredPage>, sqlx::Error> {
    sqlx::query_as("SELECT slug, title, body_markdown FROM pages WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&db.pool)
        .await
}

/// Community-wide channels: general ones first, then local communities.
#[tracing::instrument(skip(db), err)]
pub async fn list_channels(db: &Database) -> Result<Vec<Channel>, sqlx::Error> {
    let rows: Vec<ChannelRow> = sqlx::query_as(
        "SELECT purpose, name, url, kind FROM channels \
         ORDER BY CASE kind WHEN 'general' THEN 0 ELSE 1 END, position",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Channel {
            purpose: row.purpose,
            name: row.name,
            url: row.url,
            kind: ChannelKind::parse(&row.kind).unwrap_or(ChannelKind::General),
        })
        .collect())
}

/// Saves a governance page's title and text with its translations; `false`
/// if there is no such page.
#[tracing::instrument(skip(db, form), err)]
pub async fn update_page(db: &Database, form: &GuidanceEditForm) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let slug = form.slug.trim();
    let updated = sqlx::query(
        "UPDATE pages SET title = $1, body_markdown = $2, updated_at = $3 WHERE slug = $4",
    )
    .bind(form.title.trim())
    .bind(&form.markdown)
    .bind(tx.now())
    .bind(slug)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated != 1 {
        return Ok(false);
    }
    super::translations::save_page_texts(&mut tx, slug, &form.translations).await?;
    tx.commit().await?;
    Ok(true)
}
