//! The scheduled jobs: when each runs and what it does. The server's
//! scheduler claims a due job through `store::jobs` and calls `run`; each
//! run queues all its e-mails in one transaction with the job's completion,
//! so a run whose claim was lost writes nothing.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};

use crate::state::SiteConfig;
use crate::store::jobs::{complete, Claim};
use crate::store::outbox::enqueue;
use crate::store::Database;

/// Every job the scheduler knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Mondays at 07:00 UTC: each reader's digest of the coming week.
    WeeklyDigest,
    /// Daily at 08:00 UTC: reminders to leads, at most one of a kind a week.
    LeadReminders,
    /// Daily at 00:05 UTC: leads whose term ended become emeritus.
    LeadTerms,
    /// Daily at 06:00 UTC: quiet members are asked whether they still take
    /// part; those who did not answer in 30 days become inactive.
    RosterCheck,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Done, with what it did ("3 e-mails queued").
    Done(String),
    /// Another instance took the job over first; nothing was written.
    Lost,
}

impl Job {
    pub const ALL: [Job; 4] = [
        Job::WeeklyDigest,
        Job::LeadReminders,
        Job::LeadTerms,
        Job::RosterCheck,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Job::WeeklyDigest => "weekly-digest",
            Job::LeadReminders => "lead-reminders",
            Job::LeadTerms => "lead-terms",
            Job::RosterCheck => "roster-check",
        }
    }

    /// The first time the job is due strictly after `now`.
    pub fn next_after(self, now: DateTime<Utc>) -> DateTime<Utc> {
        let (hour, minute, every_days) = match self {
            Job::WeeklyDigest => (7, 0, 7),
            Job::LeadReminders => (8, 0, 1),
            Job::LeadTerms => (0, 5, 1),
            Job::RosterCheck => (6, 0, 1),
        };
        let at = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
        let mut day = now.date_naive();
        if every_days == 7 {
            // Back to this week's Monday; the loop below moves on from there.
            day -= Duration::days(i64::from(day.weekday().num_days_from_monday()));
        }
        loop {
            let due = day.and_time(at).and_utc();
            if due > now {
                return due;
            }
            day += Duration::days(every_days);
        }
    }

    /// Does the job for the run `claim` holds, as of `now`.
    pub async fn run(
        self,
        db: &Database,
        site: &SiteConfig,
        claim: &Claim,
        now: DateTime<Utc>,
    ) -> Result<Outcome, sqlx::Error> {
        let next = self.next_after(now).timestamp();
        match self {
            Job::WeeklyDigest => {
                let digests = crate::store::digests::collect(db, now).await?;
                let mut tx = db.begin_write().await?;
                if !complete(&mut tx, claim, next).await? {
                    tx.rollback().await?;
                    return Ok(Outcome::Lost);
                }
                for digest in &digests {
                    enqueue(&mut tx, &crate::mail::weekly_digest(site, digest, now)).await?;
                }
                tx.commit().await?;
                Ok(Outcome::Done(format!("{} e-mails queued", digests.len())))
            }
            Job::LeadReminders => {
                let reminders = crate::store::reminders::due(db, now).await?;
                let mut tx = db.begin_write().await?;
                if !complete(&mut tx, claim, next).await? {
                    tx.rollback().await?;
                    return Ok(Outcome::Lost);
                }
                for reminder in &reminders {
                    let token = match &reminder.unsubscribe_token {
                        Some(token) => token.clone(),
                        None => {
                            crate::store::mail_preferences::token_for(&mut tx, reminder.person_id)
                                .await?
                        }
                    };
                    enqueue(&mut tx, &crate::mail::lead_reminder(site, reminder, &token)).await?;
                    crate::store::reminders::mark_sent(&mut tx, reminder).await?;
                }
                tx.commit().await?;
                Ok(Outcome::Done(format!("{} e-mails queued", reminders.len())))
            }
            Job::LeadTerms => {
                let mut tx = db.begin_write().await?;
                if !complete(&mut tx, claim, next).await? {
                    tx.rollback().await?;
                    return Ok(Outcome::Lost);
                }
                // A term includes its last day: the day after, emeritus.
                let today = now.date_naive().format("%Y-%m-%d").to_string();
                let stepped_down = sqlx::query(
                    "UPDATE leaderships SET former_role = role, role = 'emeritus', \
                     stepped_down_at = $1 WHERE role <> 'emeritus' AND term_ends_on IS NOT NULL \
                     AND term_ends_on < $2",
                )
                .bind(now.timestamp())
                .bind(today)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                tx.commit().await?;
                Ok(Outcome::Done(format!(
                    "{stepped_down} leads became emeritus"
                )))
            }
            Job::RosterCheck => {
                use crate::store::roster_freshness;
                let checks = roster_freshness::due(db, now, site.roster_check_days).await?;
                let mut tx = db.begin_write().await?;
                if !complete(&mut tx, claim, next).await? {
                    tx.rollback().await?;
                    return Ok(Outcome::Lost);
                }
                let lapsed = roster_freshness::settle(&mut tx, now.timestamp()).await?;
                for check in &checks {
                    let token = roster_freshness::mark_asked(&mut tx, check).await?;
                    enqueue(&mut tx, &crate::mail::still_active(site, check, &token)).await?;
                }
                tx.commit().await?;
                Ok(Outcome::Done(format!(
                    "{} members asked, {lapsed} became inactive",
                    checks.len()
                )))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Job;
    use chrono::{DateTime, Utc};

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("a time")
            .with_timezone(&Utc)
    }

    #[test]
    fn jobs_come_due_at_their_hour() {
        // Wednesday 2 December 2026.
        let now = at("2026-12-02T10:00:00Z");
        assert_eq!(
            Job::WeeklyDigest.next_after(now),
            at("2026-12-07T07:00:00Z")
        );
        assert_eq!(
            Job::LeadReminders.next_after(now),
            at("2026-12-03T08:00:00Z")
        );
        // Monday, before and at the hour.
        assert_eq!(
            Job::WeeklyDigest.next_after(at("2026-12-07T06:59:00Z")),
            at("2026-12-07T07:00:00Z")
        );
        assert_eq!(
            Job::WeeklyDigest.next_after(at("2026-12-07T07:00:00Z")),
            at("2026-12-14T07:00:00Z")
        );
        assert_eq!(
            Job::LeadReminders.next_after(at("2026-12-03T07:00:00Z")),
            at("2026-12-03T08:00:00Z")
        );
    }
}
