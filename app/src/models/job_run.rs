//! One run of a scheduled job, as the admins' page lists it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct JobRun {
    pub job: String,
    pub instance: String,
    /// Unix seconds.
    pub started_at: i64,
    pub finished_at: Option<i64>,
    /// "running", "done", "failed" or "lost".
    pub outcome: String,
    pub detail: String,
}
