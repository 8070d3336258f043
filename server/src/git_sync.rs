//! The sync with the community's git repository: site edits become commits
//! (the editor as author, the site as committer), commits become the site
//! through the importer. It runs on a timer, when a webhook call wakes it,
//! and within seconds of a site edit; one instance at a time holds it.

pub mod config;
mod cycle;
mod git;
mod message;

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::state::SiteConfig;
use app::store::{git_sync, Database};
use tokio::sync::Notify;

use self::config::GitSyncArgs;
use self::git::{Git, GitError, Signature};

pub use self::git::shown_remote;

/// How often an instance looks in the database for site edits to commit.
const LOOK_EVERY: Duration = Duration::from_secs(2);
/// After a failed sync, site edits wait this long before the next try (a
/// webhook call or the timer still tries at once).
const RETRY_AFTER: Duration = Duration::from_secs(30);
/// How long one sync may hold the repository before another instance may
/// take it over (its instance stopped mid-sync).
const LEASE_SECONDS: i64 = 300;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Git(#[from] GitError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("{0}")]
    Data(String),
}

pub struct GitSync {
    db: Database,
    git: Git,
    branch: String,
    file: String,
    format: crate::config::ImportFormat,
    readmes: Option<String>,
    /// "REMOTE (branch, file)": the state row is about this target only.
    target: String,
    site_name: String,
    committer: Signature,
    pull_every: Duration,
    instance: String,
    wake: Arc<Notify>,
}

impl GitSync {
    /// The sync `args` ask for, or `None` when no remote is set.
    pub fn from_args(args: &GitSyncArgs, db: Database, site: &SiteConfig) -> Option<Self> {
        let remote = args
            .git_remote
            .clone()
            .filter(|remote| !remote.trim().is_empty())?;
        let host = site
            .public_url
            .split_once("://")
            .map_or(site.public_url.as_str(), |(_, rest)| rest)
            .split(['/', ':'])
            .next()
            .unwrap_or("localhost")
            .to_owned();
        let target = format!(
            "{} (branch {}, file {})",
            shown_remote(&remote),
            args.git_branch,
            args.git_file
        );
        Some(GitSync {
            git: Git::new(
                args.git_workdir.clone(),
                remote,
                args.git_token.as_ref().map(|token| token.0.as_str()),
                args.git_ssh_key.as_deref(),
            ),
            db,
            branch: args.git_branch.clone(),
            file: args.git_file.clone(),
            format: args.git_format,
            readmes: args.git_readmes.clone(),
            target,
            site_name: site.site_name.clone(),
            committer: Signature {
                name: site.site_name.clone(),
                email: format!("noreply@{host}"),
            },
            pull_every: Duration::from_secs(args.git_pull_seconds.max(1)),
            instance: format!(
                "{}-{}-{}",
                std::env::var("HOSTNAME").unwrap_or_else(|_| "sigpost".to_owned()),
                std::process::id(),
                &app::auth::new_token()[..6]
            ),
            wake: Arc::new(Notify::new()),
        })
    }

    /// Wakes the sync now (the webhook).
    pub fn waker(&self) -> Arc<Notify> {
        Arc::clone(&self.wake)
    }

    /// Runs until the process stops.
    pub async fn run(self) {
        let mut last_pull: Option<Instant> = None;
        let mut failed_at: Option<Instant> = None;
        let mut woken = true;
        loop {
            let pull_due = last_pull.is_none_or(|at| at.elapsed() >= self.pull_every);
            let may_retry = failed_at.is_none_or(|at| at.elapsed() >= RETRY_AFTER);
            let has_work = may_retry
                && match git_sync::has_work(&self.db).await {
                    Ok(has_work) => has_work,
                    Err(error) => {
                        tracing::warn!(%error, "git sync cannot read its state");
                        false
                    }
                };
            if woken || pull_due || has_work {
                last_pull = Some(Instant::now());
                failed_at = (!self.sync_once().await).then(Instant::now);
            }
            woken = tokio::select! {
                () = self.wake.notified() => true,
                () = tokio::time::sleep(LOOK_EVERY) => false,
            };
        }
    }

    /// One sync, when no other instance is syncing; its failure is kept
    /// for the admins' page. `false` when it failed.
    pub async fn sync_once(&self) -> bool {
        match git_sync::take_lease(&self.db, &self.instance, LEASE_SECONDS).await {
            Ok(true) => {}
            Ok(false) => return true,
            Err(error) => {
                tracing::warn!(%error, "git sync cannot take its lease");
                return false;
            }
        }
        let outcome = self.cycle().await;
        if let Err(error) = &outcome {
            tracing::warn!(%error, target = %self.target, "git sync failed");
            if let Err(error) = git_sync::failed(&self.db, &error.to_string()).await {
                tracing::warn!(%error, "git sync cannot record its failure");
            }
        }
        if let Err(error) = git_sync::release_lease(&self.db, &self.instance).await {
            tracing::warn!(%error, "git sync cannot give its lease back");
        }
        outcome.is_ok()
    }
}
