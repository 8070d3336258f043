//! Annual reports: the leads' prose, one row per SIG and year. Every save
//! names the version it started from, so two leads editing at once cannot
//! overwrite each other.

use super::Database;
use crate::models::annual_report::ReportProse;

/// A report as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReport {
    pub prose: ReportProse,
    pub published_at: Option<i64>,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    initiatives: String,
    project_health: String,
    membership: String,
    meetings: String,
    subprojects: String,
    published_at: Option<i64>,
    version: i64,
}

impl From<ReportRow> for StoredReport {
    fn from(row: ReportRow) -> Self {
        StoredReport {
            prose: ReportProse {
                initiatives: row.initiatives,
                project_health: row.project_health,
                membership: row.membership,
                meetings: row.meetings,
                subprojects: row.subprojects,
            },
            published_at: row.published_at,
            version: row.version,
        }
    }
}

pub async fn find(
    db: &Database,
    sig_id: i64,
    year: i64,
) -> Result<Option<StoredReport>, sqlx::Error> {
    let row: Option<ReportRow> = sqlx::query_as(
        "SELECT initiatives, project_health, membership, meetings, subprojects, published_at, version \
         FROM sig_reports WHERE sig_id = $1 AND year = $2",
    )
    .bind(sig_id)
    .bind(year)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(StoredReport::from))
}

/// What a save does to the report's publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    /// Leave it as it is: a draft stays a draft, a published report stays up.
    Keep,
    Publish,
    Withdraw,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written; the new version.
    Written(i64),
    /// Someone saved first: what is stored now. Nothing was written.
    Conflict(Box<StoredReport>),
}

/// Saves `prose` over `expected_version` (0: the first save).
#[tracing::instrument(skip(db, prose), err)]
pub async fn save(
    db: &Database,
    sig_id: i64,
    year: i64,
    person_id: i64,
    expected_version: i64,
    prose: &ReportProse,
    publication: Publication,
) -> Result<Saved, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let now = tx.now();
    let published: Option<i64> = match publication {
        Publication::Publish => Some(now),
        Publication::Keep | Publication::Withdraw => None,
    };
    let written = if expected_version == 0 {
        sqlx::query(
            "INSERT INTO sig_reports (sig_id, year, initiatives, project_health, membership, \
             meetings, subprojects, published_at, version, updated_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10) ON CONFLICT (sig_id, year) DO NOTHING",
        )
        .bind(sig_id)
        .bind(year)
        .bind(&prose.initiatives)
        .bind(&prose.project_health)
        .bind(&prose.membership)
        .bind(&prose.meetings)
        .bind(&prose.subprojects)
        .bind(published)
        .bind(person_id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
    } else {
        // A report published before keeps its first day when published again.
        let published_at = match publication {
            Publication::Keep => "published_at",
            Publication::Publish => "COALESCE(published_at, $9)",
            Publication::Withdraw => "NULL",
        };
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE sig_reports SET initiatives = $1, project_health = $2, membership = $3, \
             meetings = $4, subprojects = $5, published_at = {published_at}, \
             version = version + 1, updated_by = $6, updated_at = $9 \
             WHERE sig_id = $7 AND year = $8 AND version = $10"
        )))
        .bind(&prose.initiatives)
        .bind(&prose.project_health)
        .bind(&prose.membership)
        .bind(&prose.meetings)
        .bind(&prose.subprojects)
        .bind(person_id)
        .bind(sig_id)
        .bind(year)
        .bind(now)
        .bind(expected_version)
        .execute(&mut *tx)
        .await?
        .rows_affected()
    };
    if written == 0 {
        tx.rollback().await?;
        let stored = find(db, sig_id, year).await?.unwrap_or(StoredReport {
            prose: ReportProse::default(),
            published_at: None,
            version: 0,
        });
        return Ok(Saved::Conflict(Box::new(stored)));
    }
    tx.commit().await?;
    Ok(Saved::Written(expected_version + 1))
}
