//! The figures of `/health`, one grouped query per aspect over every SIG.

use std::collections::HashMap;

use chrono::Duration;

use super::Database;
use crate::models::health::{SigHealth, FRESH_DAYS};

/// Every active SIG's figures, in directory order.
#[tracing::instrument(skip(db), err)]
pub async fn all(db: &Database) -> Result<Vec<SigHealth>, sqlx::Error> {
    let now = db.clock.now();
    let since = (now - Duration::days(FRESH_DAYS)).timestamp();
    let since_day = (now - Duration::days(FRESH_DAYS))
        .format("%Y-%m-%d")
        .to_string();
    let this_month = db.clock.this_month().key();

    let sigs: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, slug, name FROM sigs WHERE status = 'active' ORDER BY position, name",
    )
    .fetch_all(&db.pool)
    .await?;
    let meetings: HashMap<i64, (i64, Option<String>)> = sqlx::query_as(
        "SELECT sig_id, COUNT(CASE WHEN held_on >= $1 THEN 1 END), MAX(held_on) \
         FROM meetings GROUP BY sig_id",
    )
    .bind(&since_day)
    .fetch_all(&db.pool)
    .await?
    .into_iter()
    .map(|(sig, recent, last): (i64, i64, Option<String>)| (sig, (recent, last)))
    .collect();
    let boards: HashMap<i64, (Option<i64>, i64, i64)> = sqlx::query_as(
        "SELECT sig_id, MAX(updated_at), \
         COUNT(CASE WHEN status IN ('proposed', 'planned', 'in_progress') THEN 1 END), \
         COUNT(CASE WHEN status IN ('planned', 'in_progress') AND target_month < $1 THEN 1 END) \
         FROM roadmap_items GROUP BY sig_id",
    )
    .bind(&this_month)
    .fetch_all(&db.pool)
    .await?
    .into_iter()
    .map(
        |(sig, updated, open, overdue): (i64, Option<i64>, i64, i64)| {
            (sig, (updated, open, overdue))
        },
    )
    .collect();
    let members: HashMap<i64, i64> = sqlx::query_as(
        "SELECT sig_id, COUNT(*) FROM memberships WHERE status = 'active' GROUP BY sig_id",
    )
    .fetch_all(&db.pool)
    .await?
    .into_iter()
    .collect();
    // A lead is active who looked at their SIG's tools, changed its roadmap
    // or wrote a meeting record within the window.
    let leads: HashMap<i64, (i64, i64)> = sqlx::query_as(
        "SELECT l.sig_id, COUNT(*), COUNT(CASE WHEN \
            EXISTS (SELECT 1 FROM lead_visits v WHERE v.person_id = l.person_id \
                    AND v.sig_id = l.sig_id AND v.seen_at >= $1) \
            OR EXISTS (SELECT 1 FROM roadmap_changes c WHERE c.person_id = l.person_id \
                    AND c.sig_id = l.sig_id AND c.changed_at >= $1) \
            OR EXISTS (SELECT 1 FROM meetings m WHERE m.updated_by = l.person_id \
                    AND m.sig_id = l.sig_id AND m.updated_at >= $1) \
         THEN 1 END) \
         FROM leaderships l WHERE l.role IN ('chair', 'tech_lead') GROUP BY l.sig_id",
    )
    .bind(since)
    .fetch_all(&db.pool)
    .await?
    .into_iter()
    .map(|(sig, all, active): (i64, i64, i64)| (sig, (all, active)))
    .collect();

    let today = now.timestamp();
    Ok(sigs
        .into_iter()
        .map(|(id, slug, name)| {
            let (recent_meetings, last_meeting) = meetings.get(&id).cloned().unwrap_or_default();
            let (updated, open_items, overdue_items) = boards.get(&id).copied().unwrap_or_default();
            let (leads, active_leads) = leads.get(&id).copied().unwrap_or_default();
            SigHealth {
                slug,
                name,
                recent_meetings,
                last_meeting,
                board_updated_days_ago: updated.map(|at| (today - at).max(0) / 86_400),
                open_items,
                overdue_items,
                active_members: members.get(&id).copied().unwrap_or_default(),
                leads,
                active_leads,
            }
        })
        .collect())
}
