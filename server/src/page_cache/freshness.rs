//! Watching the database for changes made anywhere: by this process, by a
//! CLI import running beside it, or by another instance. SQLite: the
//! content counter its triggers bump, read ten times a second. PostgreSQL:
//! the notification its triggers send, and a fresh start whenever the
//! listening connection is lost (what was missed meanwhile is unknown).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use app::store::{Backend, Database};
use sqlx::postgres::PgListener;

use super::PageCache;

/// How often SQLite's counter is read: a change shows within this.
const POLL_EVERY: Duration = Duration::from_millis(100);
/// The notification channel of the content-changes migration.
const CHANNEL: &str = "sigpost_content_changed";
/// The wait before connecting again after the listener lost its server.
const RECONNECT_AFTER: Duration = Duration::from_millis(200);

/// The task that keeps the cache told of changes until the process stops.
pub type Watching = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Starts watching, so the cache serves from the first request on, and
/// returns the task that keeps watching.
pub async fn watch(cache: Arc<PageCache>, db: Database, database_url: String) -> Watching {
    match db.backend {
        Backend::Sqlite => {
            let watching = read_version(&cache, &db, false).await;
            Box::pin(poll(cache, db, watching))
        }
        Backend::Postgres => {
            let first = listening(&database_url).await.ok();
            if first.is_some() {
                cache.start_watching();
            }
            Box::pin(listen(cache, database_url, first))
        }
    }
}

/// Reads SQLite's counter once; whether changes can be seen now.
async fn read_version(cache: &PageCache, db: &Database, watching: bool) -> bool {
    match db.content_version().await {
        Ok(version) => {
            cache.observe(version);
            if !watching {
                cache.start_watching();
            }
            true
        }
        Err(error) => {
            if watching {
                tracing::warn!(%error, "cannot read the content version; pages are rendered per request until it can");
                cache.stop_watching();
            }
            false
        }
    }
}

async fn poll(cache: Arc<PageCache>, db: Database, mut watching: bool) {
    let mut interval = tokio::time::interval(POLL_EVERY);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        watching = read_version(&cache, &db, watching).await;
    }
}

async fn listen(cache: Arc<PageCache>, database_url: String, mut ready: Option<PgListener>) {
    loop {
        let connected = match ready.take() {
            Some(listener) => Ok(listener),
            None => listening(&database_url).await,
        };
        match connected {
            Ok(mut listener) => {
                // Anything may have changed while nobody listened.
                cache.start_watching();
                // `None` or an error: the connection is gone.
                while let Ok(Some(_)) = listener.try_recv().await {
                    cache.invalidate();
                }
                tracing::warn!("lost the database's change notifications; listening again");
                cache.stop_watching();
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for the database's change notifications");
            }
        }
        tokio::time::sleep(RECONNECT_AFTER).await;
    }
}

async fn listening(database_url: &str) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect(database_url).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}
