//! Runs the scheduled jobs (`app::jobs`): every instance polls, and the
//! database decides which one runs each due job (`app::store::jobs`). Every
//! run is recorded with its outcome for the admins' page.

use std::time::Duration;

use app::jobs::{Job, Outcome};
use app::state::SiteConfig;
use app::store::{jobs, Database};

use crate::config::JobArgs;

pub struct Scheduler {
    db: Database,
    site: SiteConfig,
    poll: Duration,
    lease_seconds: i64,
    /// This process among the instances: the job table names it.
    instance: String,
}

impl Scheduler {
    pub fn new(args: &JobArgs, db: Database, site: SiteConfig) -> Self {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "sigpost".to_owned());
        Scheduler {
            db,
            site,
            poll: Duration::from_secs(args.job_poll_seconds.max(1)),
            lease_seconds: args.job_lease_seconds.max(1),
            instance: format!(
                "{host}-{}-{}",
                std::process::id(),
                &app::auth::new_token()[..6]
            ),
        }
    }

    /// Runs until the process stops.
    pub async fn run(self) {
        let mut known = false;
        loop {
            if !known {
                known = self.ensure_jobs().await;
            }
            for job in Job::ALL {
                if let Err(error) = self.run_if_due(job).await {
                    tracing::warn!(job = job.name(), %error, "could not run a scheduled job");
                }
            }
            tokio::time::sleep(self.poll).await;
        }
    }

    /// Gives each job its row, first due at its next time; `false` when
    /// the database could not be reached (tried again at the next poll).
    async fn ensure_jobs(&self) -> bool {
        let now = self.db.clock.now();
        for job in Job::ALL {
            if let Err(error) =
                jobs::ensure(&self.db, job.name(), job.next_after(now).timestamp()).await
            {
                tracing::warn!(job = job.name(), %error, "could not register a scheduled job");
                return false;
            }
        }
        true
    }

    async fn run_if_due(&self, job: Job) -> Result<(), sqlx::Error> {
        let now = self.db.clock.now();
        let Some(claim) =
            jobs::claim(&self.db, job.name(), &self.instance, self.lease_seconds).await?
        else {
            return Ok(());
        };
        let (outcome, detail) = match job.run(&self.db, &self.site, &claim, now).await {
            Ok(Outcome::Done(detail)) => ("done", detail),
            Ok(Outcome::Lost) => ("lost", "another instance took it over first".to_owned()),
            Err(error) => ("failed", error.to_string()),
        };
        tracing::info!(job = job.name(), instance = %self.instance, outcome, %detail, "scheduled job ran");
        jobs::record(&self.db, &claim, outcome, &detail).await
    }
}
