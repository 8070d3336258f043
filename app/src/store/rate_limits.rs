//! Fixed-window rate limits per client address, counted in the database so
//! every server instance sees the same counts.

use super::{now, Database};

/// A limit: at most `max_hits` in `window_secs` per client.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub bucket: &'static str,
    pub max_hits: i64,
    pub window_secs: i64,
}

/// Counts one attempt; `Err(retry_after_secs)` once the window is full.
#[tracing::instrument(skip(db), err)]
pub async fn hit(
    db: &Database,
    limit: Limit,
    client: &str,
) -> Result<Result<(), i64>, sqlx::Error> {
    let timestamp = now();
    let window_start = timestamp - timestamp.rem_euclid(limit.window_secs);
    let hits: i64 = sqlx::query_scalar(
        "INSERT INTO rate_limits (bucket, client, window_start, hits) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (bucket, client, window_start) DO UPDATE SET hits = rate_limits.hits + 1 \
         RETURNING hits",
    )
    .bind(limit.bucket)
    .bind(client)
    .bind(window_start)
    .fetch_one(&db.pool)
    .await?;
    if hits > limit.max_hits {
        Ok(Err((window_start + limit.window_secs - timestamp).max(1)))
    } else {
        Ok(Ok(()))
    }
}

/// Forgets windows that ended more than a day ago.
#[tracing::instrument(skip(db), err)]
pub async fn prune(db: &Database) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(now() - 86_400)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}
