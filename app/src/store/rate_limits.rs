//! Rate limits per client address, counted in the database so every server
//! instance sees the same counts. Hits are counted per fixed window, and a
//! limit weighs the previous window by how much of it still lies within the
//! last `window_secs` (a sliding window), so a burst across a window's
//! boundary cannot take twice the limit.

use super::Database;

/// A limit: at most `max_hits` in `window_secs` per client.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub bucket: &'static str,
    pub max_hits: i64,
    pub window_secs: i64,
}

/// Counts one attempt; `Err(retry_after_secs)` once the limit is used up.
#[tracing::instrument(skip(db), err)]
pub async fn hit(
    db: &Database,
    limit: Limit,
    client: &str,
) -> Result<Result<(), i64>, sqlx::Error> {
    let timestamp = db.now();
    let elapsed = timestamp.rem_euclid(limit.window_secs);
    let window_start = timestamp - elapsed;
    let current: i64 = sqlx::query_scalar(
        "INSERT INTO rate_limits (bucket, client, window_start, hits) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (bucket, client, window_start) DO UPDATE SET hits = rate_limits.hits + 1 \
         RETURNING hits",
    )
    .bind(limit.bucket)
    .bind(client)
    .bind(window_start)
    .fetch_one(&db.pool)
    .await?;
    let previous: i64 = sqlx::query_scalar(
        "SELECT hits FROM rate_limits WHERE bucket = $1 AND client = $2 AND window_start = $3",
    )
    .bind(limit.bucket)
    .bind(client)
    .bind(window_start - limit.window_secs)
    .fetch_optional(&db.pool)
    .await?
    .unwrap_or(0);
    Ok(judge(limit, previous, current, elapsed))
}

/// Whether the `current` hit (counted) is within `limit`, `elapsed` seconds
/// into a window that follows one of `previous` hits; else how long until
/// there is room for one more.
fn judge(limit: Limit, previous: i64, current: i64, elapsed: i64) -> Result<(), i64> {
    let window = limit.window_secs as f64;
    let weighted = |previous: i64, current: i64, at: f64| {
        current as f64 + previous as f64 * (window - at) / window
    };
    if weighted(previous, current, elapsed as f64) <= limit.max_hits as f64 {
        return Ok(());
    }
    // Room for one more hit means a weighted count of at most max - 1.
    let room = (limit.max_hits - 1) as f64;
    let free_at = if (current as f64) <= room && previous > 0 {
        // Later in this window, once enough of the previous one slid out.
        window * (1.0 - (room - current as f64) / previous as f64)
    } else {
        // In the next window, once enough of this one slid out.
        window * (2.0 - room / current.max(1) as f64)
    };
    // Never asks for more than a window: by then every hit counted now is
    // at least a window old (the weighting may still count some of them).
    Err(((free_at - elapsed as f64).ceil() as i64).clamp(1, limit.window_secs))
}

/// Forgets windows that ended more than a day ago.
#[tracing::instrument(skip(db), err)]
pub async fn prune(db: &Database) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(db.now() - 86_400)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEN_A_MINUTE: Limit = Limit {
        bucket: "test",
        max_hits: 10,
        window_secs: 60,
    };

    #[test]
    fn a_burst_across_the_boundary_gets_the_limit_once() {
        // Ten hits at the end of one window, then the next window begins.
        assert!(judge(TEN_A_MINUTE, 0, 10, 59).is_ok());
        assert!(judge(TEN_A_MINUTE, 10, 1, 0).is_err());
        assert!(judge(TEN_A_MINUTE, 10, 1, 1).is_err());
    }

    #[test]
    fn room_comes_back_as_the_previous_window_slides_out() {
        let wait = judge(TEN_A_MINUTE, 10, 1, 1).expect_err("full");
        // The next attempt is the window's second hit.
        assert!(
            judge(TEN_A_MINUTE, 10, 2, 1 + wait).is_ok(),
            "after {wait} s"
        );
        assert!(judge(TEN_A_MINUTE, 10, 2, wait).is_err(), "before {wait} s");
    }

    #[test]
    fn the_wait_is_never_longer_than_a_window() {
        // Eleven hits at the very start of a window.
        assert_eq!(judge(TEN_A_MINUTE, 0, 11, 0), Err(60));
    }

    #[test]
    fn a_full_window_waits_into_the_next() {
        let wait = judge(TEN_A_MINUTE, 0, 11, 30).expect_err("full");
        assert!(wait > 30, "{wait}");
        // That many seconds later, the 11 hits are the previous window.
        let at = 30 + wait - 60;
        assert!(judge(TEN_A_MINUTE, 11, 1, at).is_ok(), "at {at}");
    }
}
