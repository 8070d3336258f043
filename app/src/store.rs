//! Server-only storage: the pool, migrations, and queries by table family.
//!
//! One set of portable SQL runs on SQLite and PostgreSQL through `sqlx::Any`
//! (`$1` placeholders, `RETURNING`, `ON CONFLICT`, Unix-second timestamps);
//! only the schema differs, so each backend has its own migrations folder.

pub mod accounts;
pub mod calendar_feeds;
pub mod digests;
pub mod export;
pub mod form_drafts;
pub mod git_sync;
pub mod health;
pub mod identities;
pub mod import;
pub mod import_previews;
pub mod jobs;
pub mod join_queue;
pub mod joining;
pub mod lead_notices;
pub mod leading;
pub mod mail_preferences;
pub mod meetings;
pub mod outbox;
pub mod pages;
pub mod people;
pub mod rate_limits;
pub mod reminders;
pub mod roadmap;
pub mod roadmap_changes;
pub mod roster_freshness;
pub mod rosters;
pub mod search;
pub mod sessions;
pub mod sig_changes;
pub mod sig_health;
pub mod sig_reports;
pub mod sign_in_attempts;
pub mod sigs;
pub mod site_secrets;
pub mod translations;
pub mod write;

use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;

use write::{WriteGate, WriteTransaction};

/// Which database engine a pool talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Picks the backend from a `DATABASE_URL`; `None` for anything else.
    pub fn from_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// The connection pool and the engine behind it.
#[derive(Debug, Clone)]
pub struct Database {
    pub pool: AnyPool,
    pub backend: Backend,
    /// The clock every write stamps its rows with (the application's).
    pub clock: crate::clock::Clock,
    write_gate: WriteGate,
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("DATABASE_URL must start with sqlite: or postgres:, got {0:?}")]
    UnsupportedUrl(String),
    #[error("could not open the database: {0}")]
    Open(#[from] sqlx::Error),
    #[error("could not apply migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Database {
    /// Now, in Unix seconds by the application's clock: how every
    /// timestamp is stored.
    pub fn now(&self) -> i64 {
        self.clock.unix_seconds()
    }

    /// Opens a pool. SQLite files are created when missing and run in WAL mode
    /// with foreign keys on and a busy timeout, so concurrent writers wait
    /// instead of failing.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, ConnectError> {
        let backend =
            Backend::from_url(url).ok_or_else(|| ConnectError::UnsupportedUrl(url.to_owned()))?;
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            // A request waits this long for a free connection, then fails
            // with a logged error instead of hanging behind a burst.
            .acquire_timeout(std::time::Duration::from_secs(10))
            // A broken connection fails its query and is dropped; pinging
            // every connection before each use doubled the queries of a page.
            .test_before_acquire(false)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        sqlx::raw_sql(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                        )
                        .execute(conn)
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        Ok(Database {
            pool,
            backend,
            clock: crate::clock::Clock::default(),
            write_gate: WriteGate::default(),
        })
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<(), ConnectError> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("../migrations/sqlite")
                    .run(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("../migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    /// Whether every migration this build knows has been applied: a
    /// database that is newer (another instance already upgraded it) counts.
    pub async fn is_migrated(&self) -> Result<bool, sqlx::Error> {
        let migrator = match self.backend {
            Backend::Sqlite => sqlx::migrate!("../migrations/sqlite"),
            Backend::Postgres => sqlx::migrate!("../migrations/postgres"),
        };
        let newest_known = migrator.iter().map(|migration| migration.version).max();
        let newest_applied: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
                .fetch_one(&self.pool)
                .await?;
        Ok(newest_applied >= newest_known)
    }

    /// A number that changes whenever a table a page can show has changed,
    /// from any process (the triggers of the content-changes migration).
    pub async fn content_version(&self) -> Result<i64, sqlx::Error> {
        let query = match self.backend {
            Backend::Sqlite => "SELECT counter FROM content_changes",
            Backend::Postgres => "SELECT last_value FROM content_changes",
        };
        sqlx::query_scalar(query).fetch_one(&self.pool).await
    }

    /// Starts a write transaction. On SQLite it waits for this process's
    /// write turn, then takes the write lock at once (`BEGIN IMMEDIATE`), so
    /// two writers never deadlock upgrading read locks.
    pub async fn begin_write(&self) -> Result<WriteTransaction, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => {
                let turn = self.write_gate.turn().await;
                let transaction = self.pool.begin_with("BEGIN IMMEDIATE").await?;
                Ok(WriteTransaction::new(transaction, Some(turn), self.now()))
            }
            Backend::Postgres => Ok(WriteTransaction::new(
                self.pool.begin().await?,
                None,
                self.now(),
            )),
        }
    }
}
