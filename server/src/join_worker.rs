//! Carries out visitors' queued joins (`app::store::join_queue`): at once
//! when this instance queued one, and at every look otherwise, for the
//! joins other instances queued and those a restart left behind.

use std::sync::Arc;
use std::time::Duration;

use app::state::SiteConfig;
use app::store::{join_queue, Database};
use tokio::sync::Notify;

/// How often the queue is looked at without being woken.
const LOOK_EVERY: Duration = Duration::from_secs(1);

pub struct JoinWorker {
    pub db: Database,
    pub site: SiteConfig,
    pub wake: Arc<Notify>,
}

impl JoinWorker {
    /// Runs until the process stops.
    pub async fn run(self) {
        loop {
            self.carry_out_queued().await;
            let _ = tokio::time::timeout(LOOK_EVERY, self.wake.notified()).await;
        }
    }

    /// Carries out every queued join; a failure is counted on its request
    /// and the look ends (the next one tries again).
    async fn carry_out_queued(&self) {
        loop {
            let queued = match join_queue::next(&self.db).await {
                Ok(Some(queued)) => queued,
                Ok(None) => return,
                Err(error) => {
                    tracing::warn!(%error, "cannot read the queued joins");
                    return;
                }
            };
            let site = &self.site;
            let done = join_queue::carry_out(
                &self.db,
                &queued,
                |letter| app::mail::join_request(site, letter),
                |notice| app::mail::newcomer_for_lead(site, notice),
            )
            .await;
            if let Err(error) = done {
                tracing::error!(id = queued.id, %error, "a queued join failed");
                if let Err(error) = join_queue::failed(&self.db, queued.id).await {
                    tracing::warn!(%error, "cannot count a failed join");
                }
                return;
            }
        }
    }
}
