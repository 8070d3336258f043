//! `server restore FILE`: checks a backup, then puts it in place of the
//! SQLite database in one rename, and brings its schema up to date.

use std::path::{Path, PathBuf};

use app::store::{Backend, Database};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::config::RestoreArgs;

/// The file behind a `sqlite://FILE?options` address.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let file = rest.split('?').next().unwrap_or(rest);
    (!file.is_empty() && file != ":memory:").then(|| PathBuf::from(file))
}

/// Opens `file` read-only and checks it is an intact sigpost database.
async fn check_backup(file: &Path) -> Result<(), String> {
    let mut conn = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await
        .map_err(|error| format!("cannot open {}: {error}", file.display()))?;
    let integrity: Result<String, _> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await;
    let migrations: Result<i64, _> = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await;
    let _ = conn.close().await;
    match (integrity.as_deref(), migrations) {
        (Ok("ok"), Ok(count)) if count > 0 => Ok(()),
        (Ok("ok"), _) => Err(format!("{} is not a sigpost backup", file.display())),
        _ => Err(format!(
            "{} is damaged or not a SQLite database",
            file.display()
        )),
    }
}

pub async fn run(args: RestoreArgs) -> Result<(), String> {
    let url = &args.database.database_url;
    if Backend::from_url(url) != Some(Backend::Sqlite) {
        return Err(
            "`server restore` restores SQLite databases; for PostgreSQL use \
                    pg_restore (see \"Backups\" in the README)"
                .into(),
        );
    }
    let target = sqlite_file(url).ok_or_else(|| format!("{url} names no database file"))?;
    check_backup(&args.file).await?;
    // Copy next to the target first, so the switch is one rename and a
    // failed copy leaves the current database untouched.
    let staged = target.with_extension("restoring");
    std::fs::copy(&args.file, &staged)
        .and_then(|_| std::fs::File::open(&staged)?.sync_all())
        .map_err(|error| {
            format!(
                "cannot copy the backup next to {}: {error}",
                target.display()
            )
        })?;
    for stale in ["-wal", "-shm"] {
        let mut side = target.clone().into_os_string();
        side.push(stale);
        let _ = std::fs::remove_file(side);
    }
    std::fs::rename(&staged, &target)
        .map_err(|error| format!("cannot put the backup in place: {error}"))?;
    let db = Database::connect(url, 1)
        .await
        .map_err(|error| error.to_string())?;
    let migrated = db.migrate().await.map_err(|error| error.to_string());
    db.pool.close().await;
    migrated?;
    println!("restored {} into {}", args.file.display(), target.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;
    use std::path::PathBuf;

    #[test]
    fn the_file_is_read_from_the_address() {
        assert_eq!(
            sqlite_file("sqlite://sigpost.db?mode=rwc"),
            Some(PathBuf::from("sigpost.db"))
        );
        assert_eq!(
            sqlite_file("sqlite:///var/lib/s.db"),
            Some(PathBuf::from("/var/lib/s.db"))
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://x/y"), None);
    }
}
