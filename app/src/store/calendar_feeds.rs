//! The secret addresses of members' personal calendar feeds: one per person,
//! replaced (which revokes the old address) or removed at the member's wish.

use super::Database;

/// The member's current token, if they made one.
#[tracing::instrument(skip(db), err)]
pub async fn token_of(db: &Database, person_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT token FROM calendar_feeds WHERE person_id = $1")
        .bind(person_id)
        .fetch_optional(&db.pool)
        .await
}

/// Gives the member a new token; the old address stops working at once.
#[tracing::instrument(skip(db), err)]
pub async fn replace(db: &Database, person_id: i64) -> Result<String, sqlx::Error> {
    let token = crate::auth::new_token();
    sqlx::query(
        "INSERT INTO calendar_feeds (person_id, token, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (person_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at",
    )
    .bind(person_id)
    .bind(&token)
    .bind(db.now())
    .execute(&db.pool)
    .await?;
    Ok(token)
}

/// Turns the member's feed off.
#[tracing::instrument(skip(db), err)]
pub async fn remove(db: &Database, person_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM calendar_feeds WHERE person_id = $1")
        .bind(person_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Whose feed a token opens.
#[tracing::instrument(skip_all, err)]
pub async fn person_of(db: &Database, token: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT person_id FROM calendar_feeds WHERE token = $1")
        .bind(token)
        .fetch_optional(&db.pool)
        .await
}
