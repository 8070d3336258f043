//! Reading roadmaps: a SIG's board, the community board, one item with its
//! history, the item editor, and the changes the feeds publish.

use sqlx::FromRow;

use super::Database;
use crate::models::fields::Choice;
use crate::models::roadmap::stored::StoredItem;
use crate::models::roadmap::{
    HistoryEntry, Month, RoadmapBoard, RoadmapCard, RoadmapItemDetail, RoadmapItemEditor,
    RoadmapItemForm, RoadmapStatus,
};

/// The columns of a card, with its SIG and owner; used with a `WHERE` added.
macro_rules! card_select {
    () => {
        "SELECT i.id, s.slug AS sig_slug, s.name AS sig_name, i.title, i.description, \
         i.status, i.target_month, p.id AS owner_id, p.display_name AS owner_name, \
         p.github_handle AS owner_handle, i.link_url, i.exit_criterion, i.version \
         FROM roadmap_items i JOIN sigs s ON s.id = i.sig_id \
         LEFT JOIN people p ON p.id = i.owner_id "
    };
}

/// Column order first, then the leads' order within a column.
macro_rules! board_order {
    () => {
        " ORDER BY CASE i.status WHEN 'proposed' THEN 0 WHEN 'planned' THEN 1 \
         WHEN 'in_progress' THEN 2 WHEN 'done' THEN 3 ELSE 4 END, i.position, i.id"
    };
}

/// The people an item may be given to: the SIG's leads, emeritus included,
/// and its active members. `$1` is the SIG's id.
pub(super) const PEOPLE_OF_SIG: &str = "SELECT person_id FROM leaderships WHERE sig_id = $1 \
     UNION SELECT person_id FROM memberships WHERE sig_id = $1 AND status = 'active'";

/// A SIG's id and name by slug.
#[tracing::instrument(skip(db), err)]
pub async fn sig_by_slug(db: &Database, slug: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, name FROM sigs WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&db.pool)
        .await
}

/// A SIG's board as anyone may see it (`can_edit` false); `None` for an
/// unknown SIG. `now` is in Unix seconds; `current` is this month.
#[tracing::instrument(skip(db), err)]
pub async fn board(
    db: &Database,
    slug: &str,
    current: Month,
    now: i64,
) -> Result<Option<RoadmapBoard>, sqlx::Error> {
    let Some((sig_id, sig_name)) = sig_by_slug(db, slug).await? else {
        return Ok(None);
    };
    let rows: Vec<StoredItem> = sqlx::query_as(concat!(
        card_select!(),
        "WHERE i.sig_id = $1",
        board_order!()
    ))
    .bind(sig_id)
    .fetch_all(&db.pool)
    .await?;
    let last_change: Option<i64> =
        sqlx::query_scalar("SELECT MAX(changed_at) FROM roadmap_changes WHERE sig_id = $1")
            .bind(sig_id)
            .fetch_one(&db.pool)
            .await?;
    Ok(Some(RoadmapBoard {
        sig_slug: slug.to_owned(),
        sig_name,
        current_month: current,
        cards: rows
            .into_iter()
            .map(|row| RoadmapCard::from_stored(row, current))
            .collect(),
        days_since_update: last_change.map(|at| (now - at).max(0) / 86_400),
        can_edit: false,
    }))
}

/// Every item of every active SIG, by target month, then SIG, then order.
#[tracing::instrument(skip(db), err)]
pub async fn community(db: &Database, current: Month) -> Result<Vec<RoadmapCard>, sqlx::Error> {
    let rows: Vec<StoredItem> = sqlx::query_as(concat!(
        card_select!(),
        "WHERE s.status = 'active' ORDER BY i.target_month, lower(s.name), i.position, i.id"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| RoadmapCard::from_stored(row, current))
        .collect())
}

/// The markdown description of every item of the SIG `slug`, by item id.
#[tracing::instrument(skip(db), err)]
pub async fn descriptions(
    db: &Database,
    slug: &str,
) -> Result<std::collections::HashMap<i64, String>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT i.id, i.description FROM roadmap_items i JOIN sigs s ON s.id = i.sig_id \
         WHERE s.slug = $1",
    )
    .bind(slug)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().collect())
}

async fn find_card(db: &Database, slug: &str, id: i64) -> Result<Option<StoredItem>, sqlx::Error> {
    sqlx::query_as(concat!(card_select!(), "WHERE s.slug = $1 AND i.id = $2"))
        .bind(slug)
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// One item with its rendered description and history (`can_edit` false).
#[tracing::instrument(skip(db), err)]
pub async fn item(
    db: &Database,
    slug: &str,
    id: i64,
    current: Month,
) -> Result<Option<RoadmapItemDetail>, sqlx::Error> {
    let Some(row) = find_card(db, slug, id).await? else {
        return Ok(None);
    };
    let history = history(db, id).await?;
    Ok(Some(RoadmapItemDetail::from_stored(row, history, current)))
}

/// Every change to an item, newest first.
#[tracing::instrument(skip(db), err)]
pub async fn history(db: &Database, item_id: i64) -> Result<Vec<HistoryEntry>, sqlx::Error> {
    let rows: Vec<(Option<String>, i64, String, i64)> = sqlx::query_as(
        "SELECT p.display_name, c.changed_at, c.summary, c.version FROM roadmap_changes c \
         LEFT JOIN people p ON p.id = c.person_id WHERE c.item_id = $1 ORDER BY c.id DESC",
    )
    .bind(item_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(who, at, summary, version)| HistoryEntry::new(who, at, summary, version))
        .collect())
}

/// The form for a new item (`id` 0) or an existing one, with its choices;
/// `None` for an unknown SIG or item.
#[tracing::instrument(skip(db), err)]
pub async fn editor(
    db: &Database,
    slug: &str,
    id: i64,
    current: Month,
) -> Result<Option<RoadmapItemEditor>, sqlx::Error> {
    let Some((sig_id, sig_name)) = sig_by_slug(db, slug).await? else {
        return Ok(None);
    };
    let form = if id == 0 {
        RoadmapItemForm {
            sig: slug.to_owned(),
            status: RoadmapStatus::Planned.as_str().to_owned(),
            target_month: current.key(),
            ..RoadmapItemForm::default()
        }
    } else {
        let Some(row) = find_card(db, slug, id).await? else {
            return Ok(None);
        };
        RoadmapItemForm {
            sig: slug.to_owned(),
            id,
            version: row.version,
            title: row.title,
            description: row.description,
            status: row.status,
            target_month: row.target_month,
            owner: row.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            link_url: row.link_url.unwrap_or_default(),
            exit_criterion: row.exit_criterion,
        }
    };
    let people: Vec<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, display_name FROM people WHERE id IN ({PEOPLE_OF_SIG}) ORDER BY lower(display_name)"
    )))
    .bind(sig_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(Some(RoadmapItemEditor {
        form,
        sig_name,
        owners: people
            .into_iter()
            .map(|(id, name)| Choice {
                value: id.to_string(),
                label: name,
            })
            .collect(),
        months: Month::allowed_targets(current)
            .map(|month| Choice {
                value: month.key(),
                label: month.label(),
            })
            .collect(),
    }))
}

/// A change as the Atom feeds publish it.
#[derive(Debug, Clone, FromRow)]
pub struct PublishedChange {
    pub id: i64,
    pub item_id: i64,
    pub sig_slug: String,
    pub sig_name: String,
    pub item_title: String,
    pub action: String,
    pub summary: String,
    pub who: Option<String>,
    pub changed_at: i64,
}

/// The newest `limit` changes, of one SIG or of every SIG.
#[tracing::instrument(skip(db), err)]
pub async fn recent_changes(
    db: &Database,
    slug: Option<&str>,
    limit: i64,
) -> Result<Vec<PublishedChange>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.id, c.item_id, s.slug AS sig_slug, s.name AS sig_name, c.item_title, \
         c.action, c.summary, p.display_name AS who, c.changed_at FROM roadmap_changes c \
         JOIN sigs s ON s.id = c.sig_id LEFT JOIN people p ON p.id = c.person_id \
         WHERE ($1 = '' OR s.slug = $1) ORDER BY c.changed_at DESC, c.id DESC LIMIT $2",
    )
    .bind(slug.unwrap_or(""))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}
