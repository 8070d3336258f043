//! The sync with the community's git repository, as the database keeps it:
//! where it stands, who edited what since the last commit, and changes
//! from the repository held for an admin's choice. The git work itself is
//! the server's (`server::git_sync`).

use sqlx::FromRow;

use super::Database;
use crate::models::git_sync::{GitSyncHold, GitSyncSide, GitSyncStatus};

/// Where the sync stands.
#[derive(Debug, Clone, FromRow)]
pub struct SyncState {
    pub target: String,
    pub last_commit: Option<String>,
    pub synced_text: Option<String>,
    pub last_synced_at: Option<i64>,
    pub last_error: String,
}

/// An edit made on the site and not committed yet, with its author.
#[derive(Debug, Clone, FromRow)]
pub struct SiteEdit {
    pub id: i64,
    pub person_id: Option<i64>,
    pub display_name: Option<String>,
    pub github_handle: Option<String>,
    pub summary: String,
}

/// A change from the repository to hold for an admin.
#[derive(Debug, Clone)]
pub struct NewHold<'a> {
    pub kind: &'a str,
    pub repo_commit: &'a str,
    pub site_text: &'a str,
    pub repo_text: &'a str,
    pub import_text: &'a str,
    pub merged_text: &'a str,
    pub archived: &'a [String],
}

/// Notes that `person_id` changed something on the site: the commit that
/// carries the change names them. Kept only until then.
#[tracing::instrument(skip(db), err)]
pub async fn record_edit(db: &Database, person_id: i64, summary: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("INSERT INTO site_edits (person_id, summary, made_at) VALUES ($1, $2, $3)")
        .bind(person_id)
        .bind(summary)
        .bind(tx.now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// The edits not committed yet, oldest first.
pub async fn waiting_edits(db: &Database) -> Result<Vec<SiteEdit>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.id, e.person_id, p.display_name, p.github_handle, e.summary \
         FROM site_edits e LEFT JOIN people p ON p.id = e.person_id ORDER BY e.id",
    )
    .fetch_all(&db.pool)
    .await
}

/// Forgets the edits up to `id`: a commit now carries them (or they did
/// not change the file).
pub async fn forget_edits_through(db: &Database, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM site_edits WHERE id <= $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

pub async fn state(db: &Database) -> Result<SyncState, sqlx::Error> {
    sqlx::query_as(
        "SELECT target, last_commit, synced_text, last_synced_at, last_error FROM git_sync WHERE id = 1",
    )
    .fetch_one(&db.pool)
    .await
}

/// Takes the sync for `seconds` unless another instance holds it.
pub async fn take_lease(db: &Database, holder: &str, seconds: i64) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let now = tx.now();
    let taken = sqlx::query(
        "UPDATE git_sync SET holder = $1, lease_until = $2 \
         WHERE id = 1 AND (holder IS NULL OR holder = $1 OR lease_until < $3)",
    )
    .bind(holder)
    .bind(now + seconds)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(taken == 1)
}

pub async fn release_lease(db: &Database, holder: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE git_sync SET holder = NULL, lease_until = NULL WHERE id = 1 AND holder = $1",
    )
    .bind(holder)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Starts over for another remote, branch or file: nothing is in step yet.
pub async fn start_over(db: &Database, target: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE git_sync SET target = $1, last_commit = NULL, synced_text = NULL, \
         last_error = '' WHERE id = 1",
    )
    .bind(target)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// The site and the repository are in step at `commit`, whose file is `text`.
pub async fn in_step(db: &Database, commit: &str, text: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE git_sync SET last_commit = $1, synced_text = $2, last_synced_at = $3, \
         last_error = '' WHERE id = 1",
    )
    .bind(commit)
    .bind(text)
    .bind(tx.now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A sync that looked and found nothing to do.
pub async fn looked(db: &Database) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE git_sync SET last_synced_at = $1, last_error = '' WHERE id = 1")
        .bind(tx.now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// What went wrong in the last sync, for the admins' page.
pub async fn failed(db: &Database, error: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE git_sync SET last_error = $1 WHERE id = 1")
        .bind(error)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// The hold not applied yet, if any (there is at most one: syncing stops
/// while one is open).
pub async fn open_hold(db: &Database) -> Result<Option<GitSyncHold>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, kind, repo_commit, site_text, repo_text, import_text, merged_text, archived, \
         held_at, resolution FROM git_sync_holds WHERE applied_at IS NULL ORDER BY id LIMIT 1",
    )
    .fetch_optional(&db.pool)
    .await
}

pub async fn hold(db: &Database, hold: &NewHold<'_>) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO git_sync_holds (kind, repo_commit, site_text, repo_text, import_text, \
         merged_text, archived, held_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(hold.kind)
    .bind(hold.repo_commit)
    .bind(hold.site_text)
    .bind(hold.repo_text)
    .bind(hold.import_text)
    .bind(hold.merged_text)
    .bind(hold.archived.join("\n"))
    .bind(tx.now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// An admin's choice for the open hold `id`; `false` when it is not open
/// (applied already, or another admin chose first).
pub async fn choose(
    db: &Database,
    id: i64,
    side: GitSyncSide,
    person_id: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let chosen = sqlx::query(
        "UPDATE git_sync_holds SET resolution = $1, resolved_by = $2, resolved_at = $3 \
         WHERE id = $4 AND applied_at IS NULL AND resolution IS NULL",
    )
    .bind(side.as_str())
    .bind(person_id)
    .bind(tx.now())
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(chosen == 1)
}

pub async fn applied(db: &Database, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE git_sync_holds SET applied_at = $1 WHERE id = $2")
        .bind(tx.now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Whether a sync has work now without looking at the repository: site
/// edits to commit, or an admin's choice to apply.
pub async fn has_work(db: &Database) -> Result<bool, sqlx::Error> {
    let (edits, chosen): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM site_edits), \
         (SELECT COUNT(*) FROM git_sync_holds WHERE resolution IS NOT NULL AND applied_at IS NULL)",
    )
    .fetch_one(&db.pool)
    .await?;
    Ok(edits > 0 || chosen > 0)
}

/// Everything the admins' page shows.
pub async fn status(db: &Database) -> Result<GitSyncStatus, sqlx::Error> {
    let state = state(db).await?;
    let waiting_edits: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM site_edits")
        .fetch_one(&db.pool)
        .await?;
    Ok(GitSyncStatus {
        target: state.target,
        last_commit: state.last_commit,
        last_synced_at: state.last_synced_at,
        last_error: state.last_error,
        waiting_edits,
        hold: open_hold(db).await?,
    })
}
