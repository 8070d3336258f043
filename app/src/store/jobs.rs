//! Scheduled jobs, claimed through the database so that each run happens
//! once however many instances poll: an instance claims a due job for a
//! lease, does its work and, in the same transaction as the work's writes,
//! moves the job to its next run and gives the claim back. If the claim
//! was lost meanwhile (the lease ran out and another instance took over),
//! that last step finds nothing and the work is rolled back.

use super::write::WriteTransaction;
use super::Database;
use crate::models::job_run::JobRun;

/// A job this instance holds.
#[derive(Debug, Clone)]
pub struct Claim {
    pub job: &'static str,
    pub instance: String,
    /// The `job_runs` row of this run.
    pub run_id: i64,
}

/// Gives `job` its row, first due at `first_run`; an existing row stays.
#[tracing::instrument(skip(db), err)]
pub async fn ensure(db: &Database, job: &str, first_run: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO jobs (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
    )
    .bind(job)
    .bind(first_run)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Claims `job` for `lease_seconds` if it is due and nobody holds it (or
/// the holder's lease ran out: that run is then marked lost), and records
/// the run. One UPDATE decides, so two instances never both win.
#[tracing::instrument(skip(db), err)]
pub async fn claim(
    db: &Database,
    job: &'static str,
    instance: &str,
    lease_seconds: i64,
) -> Result<Option<Claim>, sqlx::Error> {
    let now = db.now();
    let mut tx = db.begin_write().await?;
    let won = sqlx::query(
        "UPDATE jobs SET claimed_by = $1, lease_until = $2 WHERE name = $3 AND next_run_at <= $4 \
         AND (claimed_by IS NULL OR lease_until < $4)",
    )
    .bind(instance)
    .bind(now + lease_seconds)
    .bind(job)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if won == 0 {
        tx.rollback().await?;
        return Ok(None);
    }
    sqlx::query(
        "UPDATE job_runs SET outcome = 'lost', finished_at = $1, \
         detail = 'its instance stopped holding it; taken over' \
         WHERE job = $2 AND outcome = 'running'",
    )
    .bind(now)
    .bind(job)
    .execute(&mut *tx)
    .await?;
    let run_id: i64 = sqlx::query_scalar(
        "INSERT INTO job_runs (job, instance, started_at, outcome) VALUES ($1, $2, $3, 'running') \
         RETURNING id",
    )
    .bind(job)
    .bind(instance)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(Claim {
        job,
        instance: instance.to_owned(),
        run_id,
    }))
}

/// Inside the job's own transaction: moves the job to `next_run_at` and
/// gives the claim back; `false` when the claim was lost, and the caller
/// must roll back.
pub async fn complete(
    tx: &mut WriteTransaction,
    claim: &Claim,
    next_run_at: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE jobs SET next_run_at = $1, claimed_by = NULL, lease_until = NULL \
         WHERE name = $2 AND claimed_by = $3",
    )
    .bind(next_run_at)
    .bind(claim.job)
    .bind(&claim.instance)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records how a run ended.
#[tracing::instrument(skip(db), err)]
pub async fn record(
    db: &Database,
    claim: &Claim,
    outcome: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE job_runs SET outcome = $1, detail = $2, finished_at = $3 \
         WHERE id = $4 AND outcome = 'running'",
    )
    .bind(outcome)
    .bind(detail)
    .bind(tx.now())
    .bind(claim.run_id)
    .execute(&mut *tx)
    .await?;
    if outcome != "done" {
        // A failed run gives its claim back at once; it is tried again
        // at the next poll.
        sqlx::query(
            "UPDATE jobs SET claimed_by = NULL, lease_until = NULL \
             WHERE name = $1 AND claimed_by = $2",
        )
        .bind(claim.job)
        .bind(&claim.instance)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// The latest runs, newest first.
#[tracing::instrument(skip(db), err)]
pub async fn recent_runs(db: &Database, limit: i64) -> Result<Vec<JobRun>, sqlx::Error> {
    sqlx::query_as(
        "SELECT job, instance, started_at, finished_at, outcome, detail FROM job_runs \
         ORDER BY started_at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}
