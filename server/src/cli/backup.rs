//! `server backup FILE`: a consistent copy of the SQLite database, taken
//! online with `VACUUM INTO` (one read transaction; writers carry on).

use app::store::{Backend, Database};

use crate::config::BackupArgs;

pub async fn run(args: BackupArgs) -> Result<(), String> {
    let url = &args.database.database_url;
    if Backend::from_url(url) != Some(Backend::Sqlite) {
        return Err(
            "`server backup` copies SQLite databases; for PostgreSQL use pg_dump \
                    (see \"Backups\" in the README)"
                .into(),
        );
    }
    if args.file.exists() {
        return Err(format!(
            "{} already exists; choose a new file name",
            args.file.display()
        ));
    }
    let target = args
        .file
        .to_str()
        .ok_or("the backup's path must be valid UTF-8")?
        .to_owned();
    let db = Database::connect(url, 1)
        .await
        .map_err(|error| error.to_string())?;
    let migrated: Result<i64, _> = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&db.pool)
        .await;
    if migrated.is_err() {
        db.pool.close().await;
        return Err(format!("{url} is not a sigpost database"));
    }
    let copied = sqlx::query("VACUUM INTO $1")
        .bind(&target)
        .execute(&db.pool)
        .await;
    db.pool.close().await;
    copied.map_err(|error| format!("cannot write {target}: {error}"))?;
    println!("backed up to {target}");
    Ok(())
}
