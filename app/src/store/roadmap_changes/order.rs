//! Moving an item up or down within its column: the leads' shared order,
//! kept as distinct positions.

use super::stored::stored_item;
use super::{commit_with, Change, Outcome};
use crate::store::Database;

/// Which way an item moves within its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
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
    let mut tx = db.begin_write().await?;
    let Some(item) = stored_item(&mut tx, slug, id).await? else {
        return Ok(Outcome::NotFound);
    };
    let mut column: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM roadmap_items WHERE sig_id = $1 AND status = $2 ORDER BY position, id",
    )
    .bind(item.sig_id)
    .bind(&item.status)
    .fetch_all(&mut *tx)
    .await?;
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
    // Renumbering the column keeps positions distinct even after ties.
    for (position, item_id) in (1_i64..).zip(&column) {
        sqlx::query("UPDATE roadmap_items SET position = $1 WHERE id = $2")
            .bind(position)
            .bind(item_id)
            .execute(&mut *tx)
            .await?;
    }
    let summary = format!(
        "Moved {} in {}",
        if direction == Direction::Up {
            "up"
        } else {
            "down"
        },
        item.status().label()
    );
    let change = Change {
        item_id: id,
        sig_id: item.sig_id,
        person_id,
        item_title: &item.title,
        action: "moved",
        summary: &summary,
        version: item.version,
    };
    commit_with(tx, change).await
}
