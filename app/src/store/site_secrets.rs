//! Secrets the site makes for itself on first start and every instance
//! reads from the shared database.

use super::Database;
use crate::auth::new_token;

/// The secret called `name`: made the first time it
/// is asked for (256 random bits, hex); an instance that loses the race to make it reads the winner's.
#[tracing::instrument(skip(db), err)]
pub async fn get_or_create(db: &Database, name: &str) -> Result<String, sqlx::Error> {
    sqlx::query(
        "INSERT INTO site_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(format!("{}{}", new_token(), new_token()))
    .execute(&db.pool)
    .await?;
    sqlx::query_scalar("SELECT value FROM site_secrets WHERE name = $1")
        .bind(name)
        .fetch_one(&db.pool)
        .await
}
