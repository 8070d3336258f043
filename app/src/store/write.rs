//! Write transactions. SQLite lets one writer in at a time; the others used
//! to sleep in its busy handler, whose growing back-off left 64 concurrent
//! joins with a p99 above a second. Here writers of this process queue on
//! one gate instead, first come first served, and SQLite's own lock only
//! arbitrates between processes (the CLI beside the server).

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use sqlx::{Any, AnyConnection, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// The queue of this process's SQLite writers (PostgreSQL needs none).
#[derive(Debug, Clone, Default)]
pub struct WriteGate(Arc<Mutex<()>>);

impl WriteGate {
    pub async fn turn(&self) -> OwnedMutexGuard<()> {
        Arc::clone(&self.0).lock_owned().await
    }
}

/// An open write transaction and, on SQLite, this process's write turn,
/// held until it commits or is dropped (which rolls it back).
pub struct WriteTransaction {
    transaction: Transaction<'static, Any>,
    _turn: Option<OwnedMutexGuard<()>>,
    began_at: i64,
}

impl WriteTransaction {
    pub fn new(
        transaction: Transaction<'static, Any>,
        turn: Option<OwnedMutexGuard<()>>,
        began_at: i64,
    ) -> Self {
        WriteTransaction {
            transaction,
            _turn: turn,
            began_at,
        }
    }

    /// When the transaction began, by the database's clock: every row it
    /// writes carries this one time.
    pub fn now(&self) -> i64 {
        self.began_at
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.transaction.commit().await
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.transaction.rollback().await
    }
}

impl Deref for WriteTransaction {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.transaction
    }
}

impl DerefMut for WriteTransaction {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.transaction
    }
}
