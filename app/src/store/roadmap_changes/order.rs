//! Where items stand: moving an item to another column or to another place
//! in its column. The leads' shared order is kept as distinct positions.

use super::stored::{stored_item, StoredItem};
use super::{commit_with, won_the_race, Change, Outcome};
use crate::models::roadmap::RoadmapStatus;
use crate::store::write::WriteTransaction;
use crate::store::Database;

/// Which way an item moves within its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Where a moved item lands in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// At the end of the new column; where it stands if the column is the same.
    EndOfNewColumn,
    /// Just before this item of the column, or last.
    Before(Option<i64>),
}

/// The ids of a column in the leads' order.
async fn column_ids(
    tx: &mut WriteTransaction,
    sig_id: i64,
    status: &str,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM roadmap_items WHERE sig_id = $1 AND status = $2 ORDER BY position, id",
    )
    .bind(sig_id)
    .bind(status)
    .fetch_all(&mut **tx)
    .await
}

/// Begins a write on an item of the SIG, if there is one.
async fn open_item(
    db: &Database,
    slug: &str,
    id: i64,
) -> Result<Option<(WriteTransaction, StoredItem)>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    Ok(stored_item(&mut tx, slug, id).await?.map(|item| (tx, item)))
}

/// Numbers a column 1, 2, 3…: positions stay distinct even after ties.
async fn renumber(tx: &mut WriteTransaction, column: &[i64]) -> Result<(), sqlx::Error> {
    for (position, item_id) in (1_i64..).zip(column) {
        sqlx::query("UPDATE roadmap_items SET position = $1 WHERE id = $2")
            .bind(position)
            .bind(item_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Moves an item to `status` at `spot`. A change of column is a change of
/// the item, so it needs `expected_version`; a new place in the same column
/// only changes the shared order and needs none.
#[tracing::instrument(skip(db), err)]
pub async fn place(
    db: &Database,
    slug: &str,
    id: i64,
    expected_version: i64,
    person_id: i64,
    status: RoadmapStatus,
    spot: Spot,
) -> Result<Outcome, sqlx::Error> {
    let Some((mut tx, old)) = open_item(db, slug, id).await? else {
        return Ok(Outcome::NotFound);
    };
    let changes_column = old.status() != status;
    if changes_column && old.version != expected_version {
        return Ok(Outcome::Conflict(old.current_values()));
    }
    let before = match spot {
        Spot::EndOfNewColumn if !changes_column => return Ok(Outcome::Saved(id)),
        Spot::EndOfNewColumn => None,
        Spot::Before(before) => before,
    };
    let was = column_ids(&mut tx, old.sig_id, status.as_str()).await?;
    let mut column: Vec<i64> = was.iter().copied().filter(|&other| other != id).collect();
    let index = before
        .and_then(|before| column.iter().position(|&other| other == before))
        .unwrap_or(column.len());
    column.insert(index, id);
    if column == was {
        return Ok(Outcome::Saved(id));
    }
    if changes_column {
        let updated = sqlx::query(
            "UPDATE roadmap_items SET status = $1, version = version + 1, updated_at = $2 \
             WHERE id = $3 AND version = $4",
        )
        .bind(status.as_str())
        .bind(db.now())
        .bind(id)
        .bind(expected_version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx = match won_the_race(db, tx, updated, slug, id).await? {
            Ok(tx) => tx,
            Err(answer) => return Ok(answer),
        };
    }
    renumber(&mut tx, &column).await?;
    // The history is written in the site's default language (see `describe_edit`).
    let record = crate::i18n::Language::default();
    let (action, summary, version) = if changes_column {
        let summary = format!(
            "Status {} → {}",
            old.status().label_in(record),
            status.label_in(record)
        );
        ("updated", summary, expected_version + 1)
    } else {
        let summary = format!(
            "Moved to place {} in {}",
            index + 1,
            status.label_in(record)
        );
        ("moved", summary, old.version)
    };
    let change = Change {
        item_id: id,
        sig_id: old.sig_id,
        person_id,
        item_title: &old.title,
        action,
        summary: &summary,
        version,
        standing: Some((status.as_str(), &old.target_month)),
    };
    commit_with(tx, change).await
}

/// Moves an item to the end of another column, over `expected_version`.
pub async fn set_status(
    db: &Database,
    slug: &str,
    id: i64,
    expected_version: i64,
    person_id: i64,
    status: RoadmapStatus,
) -> Result<Outcome, sqlx::Error> {
    place(
        db,
        slug,
        id,
        expected_version,
        person_id,
        status,
        Spot::EndOfNewColumn,
    )
    .await
}

/// Moves an item one place up or down in its column. The order is the
/// leads' shared view, not the item's content, so it needs no version.
#[tracing::instrument(skip(db), err)]
pub async fn reorder(
    db: &Database,
    slug: &str,
    id: i64,
    direction: Direction,
    person_id: i64,
) -> Result<Outcome, sqlx::Error> {
    let Some((mut tx, item)) = open_item(db, slug, id).await? else {
        return Ok(Outcome::NotFound);
    };
    let mut column = column_ids(&mut tx, item.sig_id, &item.status).await?;
    let Some(index) = column.iter().position(|&other| other == id) else {
        return Ok(Outcome::NotFound);
    };
    let target = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => Some(index + 1).filter(|&next| next < column.len()),
    };
    let Some(target) = target else {
        // Already first or last: nothing to do.
        return Ok(Outcome::Saved(id));
    };
    column.swap(index, target);
    renumber(&mut tx, &column).await?;
    let summary = format!(
        "Moved {} in {}",
        if direction == Direction::Up {
            "up"
        } else {
            "down"
        },
        item.status().label_in(crate::i18n::Language::default())
    );
    let change = Change {
        item_id: id,
        sig_id: item.sig_id,
        person_id,
        item_title: &item.title,
        action: "moved",
        summary: &summary,
        version: item.version,
        standing: Some((&item.status, &item.target_month)),
    };
    commit_with(tx, change).await
}
