//! Changes to roadmap items by leads: create, edit, change status, re-order
//! and delete. Each is one transaction that also writes the history row, and
//! every change of an item's content checks the version the editor started
//! from, so a concurrent save is refused instead of overwritten.

use super::roadmap::PEOPLE_OF_SIG;
use super::Database;
mod order;
mod stored;

pub use order::{place, reorder, set_status, Direction, Spot};

use stored::{describe_edit, stored_item, StoredItem};

use crate::errors::CurrentValues;
use crate::models::roadmap::{RoadmapStatus, ValidItem};

/// What a write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written; the item's id.
    Saved(i64),
    /// Someone saved first: what is stored now. Nothing was written.
    Conflict(Box<CurrentValues>),
    /// No such SIG, or no such item in it.
    NotFound,
    /// The chosen owner is not a person of the SIG.
    OwnerNotInSig,
}

async fn owner_in_sig(
    tx: &mut crate::store::write::WriteTransaction,
    sig_id: i64,
    owner: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let Some(owner) = owner else {
        return Ok(true);
    };
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM people WHERE id = $2 AND id IN ({PEOPLE_OF_SIG})"
    )))
    .bind(sig_id)
    .bind(owner)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(found.is_some())
}

/// One row of history.
struct Change<'a> {
    item_id: i64,
    sig_id: i64,
    person_id: i64,
    item_title: &'a str,
    action: &'static str,
    summary: &'a str,
    version: i64,
    /// Where the item stands after the change (status, target month):
    /// what the health page replays. None once it is deleted.
    standing: Option<(&'a str, &'a str)>,
}

async fn record(
    tx: &mut crate::store::write::WriteTransaction,
    change: Change<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO roadmap_changes (item_id, sig_id, person_id, item_title, action, summary, \
         version, changed_at, status, target_month) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(change.item_id)
    .bind(change.sig_id)
    .bind(change.person_id)
    .bind(change.item_title)
    .bind(change.action)
    .bind(change.summary)
    .bind(change.version)
    .bind(tx.now())
    .bind(change.standing.map(|(status, _)| status))
    .bind(change.standing.map(|(_, month)| month))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The next position at the end of a column.
async fn end_of_column(
    tx: &mut crate::store::write::WriteTransaction,
    sig_id: i64,
    status: RoadmapStatus,
) -> Result<i64, sqlx::Error> {
    let last: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(position) FROM roadmap_items WHERE sig_id = $1 AND status = $2",
    )
    .bind(sig_id)
    .bind(status.as_str())
    .fetch_one(&mut **tx)
    .await?;
    Ok(last.unwrap_or(0) + 1)
}

/// An item opened for a change: the write transaction and what is stored.
type Opened = (crate::store::write::WriteTransaction, StoredItem);

/// Begins a write on an item still at `expected_version`; otherwise the
/// answer to give (unknown item, or a conflict with what is stored now).
async fn open_at_version(
    db: &Database,
    slug: &str,
    id: i64,
    expected_version: i64,
) -> Result<Result<Opened, Outcome>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    match stored_item(&mut tx, slug, id).await? {
        None => Ok(Err(Outcome::NotFound)),
        Some(old) if old.version != expected_version => {
            Ok(Err(Outcome::Conflict(old.current_values())))
        }
        Some(old) => Ok(Ok((tx, old))),
    }
}

/// After a write guarded by `version = expected`: the transaction to go on
/// with when it changed the row, else the conflict to answer with. On
/// PostgreSQL another save can commit between our read and our write; its
/// row then fails the guard. The write transaction is given back to the pool
/// before reading, so waiting writers never exhaust it.
async fn won_the_race(
    db: &Database,
    tx: crate::store::write::WriteTransaction,
    rows_changed: u64,
    slug: &str,
    id: i64,
) -> Result<Result<crate::store::write::WriteTransaction, Outcome>, sqlx::Error> {
    if rows_changed == 1 {
        return Ok(Ok(tx));
    }
    drop(tx);
    let mut conn = db.pool.acquire().await?;
    Ok(Err(match stored_item(&mut conn, slug, id).await? {
        Some(current) => Outcome::Conflict(current.current_values()),
        None => Outcome::NotFound,
    }))
}

/// Writes the history row and commits: the change is done.
async fn commit_with(
    mut tx: crate::store::write::WriteTransaction,
    change: Change<'_>,
) -> Result<Outcome, sqlx::Error> {
    let id = change.item_id;
    record(&mut tx, change).await?;
    tx.commit().await?;
    Ok(Outcome::Saved(id))
}

/// Adds an item at the end of its column.
#[tracing::instrument(skip(db, item), err)]
pub async fn create(
    db: &Database,
    slug: &str,
    person_id: i64,
    item: &ValidItem,
) -> Result<Outcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let sig: Option<i64> = sqlx::query_scalar("SELECT id FROM sigs WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(sig_id) = sig else {
        return Ok(Outcome::NotFound);
    };
    if !owner_in_sig(&mut tx, sig_id, item.owner).await? {
        return Ok(Outcome::OwnerNotInSig);
    }
    let position = end_of_column(&mut tx, sig_id, item.status).await?;
    let timestamp = db.now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO roadmap_items (sig_id, title, description, status, target_month, owner_id, \
         link_url, exit_criterion, position, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) RETURNING id",
    )
    .bind(sig_id)
    .bind(&item.title)
    .bind(&item.description)
    .bind(item.status.as_str())
    .bind(item.target_month.key())
    .bind(item.owner)
    .bind(item.link_url.as_deref())
    .bind(&item.exit_criterion)
    .bind(position)
    .bind(timestamp)
    .fetch_one(&mut *tx)
    .await?;
    // The history is written in the site's default language (see `describe_edit`).
    let record = crate::i18n::Language::default();
    let summary = format!(
        "Created as {}, for {}",
        item.status.label_in(record),
        item.target_month.label_in(record)
    );
    let target_month = item.target_month.key();
    let change = Change {
        item_id: id,
        sig_id,
        person_id,
        item_title: &item.title,
        action: "created",
        summary: &summary,
        version: 1,
        standing: Some((item.status.as_str(), &target_month)),
    };
    commit_with(tx, change).await
}

/// Saves new values over `expected_version`; a conflict if the item moved on.
#[tracing::instrument(skip(db, item), err)]
pub async fn update(
    db: &Database,
    slug: &str,
    id: i64,
    expected_version: i64,
    person_id: i64,
    item: &ValidItem,
) -> Result<Outcome, sqlx::Error> {
    let (mut tx, old) = match open_at_version(db, slug, id, expected_version).await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    if !owner_in_sig(&mut tx, old.sig_id, item.owner).await? {
        return Ok(Outcome::OwnerNotInSig);
    }
    // A new column puts the item at its end.
    let position = if old.status() == item.status {
        None
    } else {
        Some(end_of_column(&mut tx, old.sig_id, item.status).await?)
    };
    let updated = sqlx::query(
        "UPDATE roadmap_items SET title = $1, description = $2, status = $3, target_month = $4, \
         owner_id = $5, link_url = $6, exit_criterion = $7, position = COALESCE($8, position), \
         version = version + 1, updated_at = $9 WHERE id = $10 AND version = $11",
    )
    .bind(&item.title)
    .bind(&item.description)
    .bind(item.status.as_str())
    .bind(item.target_month.key())
    .bind(item.owner)
    .bind(item.link_url.as_deref())
    .bind(&item.exit_criterion)
    .bind(position)
    .bind(db.now())
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let mut tx = match won_the_race(db, tx, updated, slug, id).await? {
        Ok(tx) => tx,
        Err(answer) => return Ok(answer),
    };
    let owner_name: Option<String> = match item.owner {
        Some(owner) => {
            sqlx::query_scalar("SELECT display_name FROM people WHERE id = $1")
                .bind(owner)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    let summary = describe_edit(&old, item, owner_name.as_deref());
    let target_month = item.target_month.key();
    let change = Change {
        item_id: id,
        sig_id: old.sig_id,
        person_id,
        item_title: &item.title,
        action: "updated",
        summary: &summary,
        version: expected_version + 1,
        standing: Some((item.status.as_str(), &target_month)),
    };
    commit_with(tx, change).await
}

/// Deletes an item over `expected_version`; its history stays.
#[tracing::instrument(skip(db), err)]
pub async fn delete(
    db: &Database,
    slug: &str,
    id: i64,
    expected_version: i64,
    person_id: i64,
) -> Result<Outcome, sqlx::Error> {
    let (mut tx, old) = match open_at_version(db, slug, id, expected_version).await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let deleted = sqlx::query("DELETE FROM roadmap_items WHERE id = $1 AND version = $2")
        .bind(id)
        .bind(expected_version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let tx = match won_the_race(db, tx, deleted, slug, id).await? {
        Ok(tx) => tx,
        Err(answer) => return Ok(answer),
    };
    let change = Change {
        item_id: id,
        sig_id: old.sig_id,
        person_id,
        item_title: &old.title,
        action: "deleted",
        summary: "Deleted",
        version: expected_version + 1,
        standing: None,
    };
    commit_with(tx, change).await
}
