//! The history behind `/sigs/:slug/health` and the annual report: a few
//! plain reads per SIG, counted month by month in `tally`.

mod tally;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::Database;
use crate::i18n::{format, language};
use crate::models::annual_report::ReportFigures;
use crate::models::roadmap::Month;
use crate::models::sig::LeadRole;
use crate::models::sig_health::{
    HealthCharts, LastActivity, LeadTerm, MonthFigures, SigHealthPage,
};
use tally::{HeldMeeting, History, ItemChange, Tenure};

/// How many months the health page shows, this one included.
pub const MONTHS_SHOWN: i32 = 12;

/// A SIG as the health page and the report name it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SigRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

pub async fn find_sig(db: &Database, slug: &str) -> Result<Option<SigRef>, sqlx::Error> {
    sqlx::query_as("SELECT id, slug, name FROM sigs WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&db.pool)
        .await
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    item_id: i64,
    item_title: String,
    action: String,
    status: Option<String>,
    target_month: Option<String>,
    changed_at: i64,
}

/// Everything counted for the SIG: its meetings, series, members and the
/// whole history of its board (an item's standing at a month's start may
/// come from any earlier year).
async fn history(db: &Database, sig: &SigRef) -> Result<History, sqlx::Error> {
    let meetings: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT held_on, CAST(CASE WHEN notes = '' THEN 0 ELSE 1 END AS BIGINT), \
         CAST(CASE WHEN COALESCE(recording_url, '') = '' THEN 0 ELSE 1 END AS BIGINT) \
         FROM meetings WHERE sig_id = $1",
    )
    .bind(sig.id)
    .fetch_all(&db.pool)
    .await?;
    let tenures: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT joined_at, left_at FROM memberships WHERE sig_id = $1 AND joined_at IS NOT NULL",
    )
    .bind(sig.id)
    .fetch_all(&db.pool)
    .await?;
    let changes: Vec<ChangeRow> = sqlx::query_as(
        "SELECT item_id, item_title, action, status, target_month, changed_at \
         FROM roadmap_changes WHERE sig_id = $1 ORDER BY item_id, id",
    )
    .bind(sig.id)
    .fetch_all(&db.pool)
    .await?;
    let schedules = super::meetings::series_of_sig(db, &sig.slug)
        .await?
        .iter()
        .filter_map(super::meetings::StoredSeries::schedule)
        .collect();
    Ok(History {
        meetings: meetings
            .into_iter()
            .map(|(held_on, notes, recording)| HeldMeeting {
                held_on,
                has_notes: notes != 0,
                has_recording: recording != 0,
            })
            .collect(),
        schedules,
        tenures: tenures
            .into_iter()
            .map(|(joined_at, left_at)| Tenure { joined_at, left_at })
            .collect(),
        changes: changes
            .into_iter()
            .map(|row| ItemChange {
                item_id: row.item_id,
                title: row.item_title,
                deleted: row.action == "deleted",
                status: row.status,
                target_month: row.target_month,
                changed_at: row.changed_at,
            })
            .collect(),
    })
}

/// The last-activity lines, in the page's language.
fn last_activity(history: &History) -> LastActivity {
    let latest = history.latest();
    let day = |iso: Option<&str>| {
        let date = NaiveDate::parse_from_str(iso?, "%Y-%m-%d").ok()?;
        Some(format::date(
            language(),
            date.year(),
            date.month(),
            date.day(),
        ))
    };
    let stamp = |at: Option<i64>| at.map(|at| format::day_of(Some(at)));
    LastActivity {
        meeting: day(latest.meeting),
        notes: day(latest.notes),
        roadmap_change: stamp(latest.roadmap_change),
        joined: stamp(latest.joined),
    }
}

async fn leads(db: &Database, sig_id: i64) -> Result<Vec<LeadTerm>, sqlx::Error> {
    let rows: Vec<(String, Option<String>, String, Option<i64>)> = sqlx::query_as(
        "SELECT p.display_name, p.github_handle, l.role, l.since FROM leaderships l \
         JOIN people p ON p.id = l.person_id WHERE l.sig_id = $1 ORDER BY l.position, p.display_name",
    )
    .bind(sig_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(name, github, role, since)| {
            Some(LeadTerm {
                name,
                github,
                role: LeadRole::parse(&role)?,
                since: since.map(|at| format::day_of(Some(at))),
            })
        })
        .collect())
}

/// Years with a published report, newest first.
pub async fn published_years(db: &Database, sig_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT year FROM sig_reports WHERE sig_id = $1 AND published_at IS NOT NULL ORDER BY year DESC",
    )
    .bind(sig_id)
    .fetch_all(&db.pool)
    .await
}

/// The health page's figures for the last `MONTHS_SHOWN` months; the charts
/// are left for the caller, who knows the page's language.
#[tracing::instrument(skip(db), err)]
pub async fn page(db: &Database, slug: &str) -> Result<Option<SigHealthPage>, sqlx::Error> {
    let Some(sig) = find_sig(db, slug).await? else {
        return Ok(None);
    };
    let now = db.clock.now();
    let this_month = db.clock.this_month();
    let history = history(db, &sig).await?;
    let months = (1 - MONTHS_SHOWN..=0)
        .map(|back| {
            let month = this_month.plus(back);
            MonthFigures {
                label: format::short_month_year(language(), month.year(), month.month()),
                ..history.month(month, now)
            }
        })
        .collect();
    Ok(Some(SigHealthPage {
        months,
        last: last_activity(&history),
        leads: leads(db, sig.id).await?,
        charts: HealthCharts::default(),
        reports: published_years(db, sig.id).await?,
        can_edit: false,
        this_year: i64::from(this_month.year()),
        slug: sig.slug,
        name: sig.name,
    }))
}

/// The months of `year` that have begun by `now`.
pub fn months_of(year: i64, now: DateTime<Utc>) -> Vec<Month> {
    let this_month = crate::clock::month_of(now);
    (1..=12)
        .filter_map(|month| Month::new(i32::try_from(year).ok()?, month))
        .filter(|month| *month <= this_month)
        .collect()
}

/// What the site counted for `sig` in `year`.
#[tracing::instrument(skip(db, sig), err)]
pub async fn year_figures(
    db: &Database,
    sig: &SigRef,
    year: i64,
) -> Result<ReportFigures, sqlx::Error> {
    let now = db.clock.now();
    let months = months_of(year, now);
    let history = history(db, sig).await?;
    let figures: Vec<_> = months
        .iter()
        .map(|month| history.month(*month, now))
        .collect();
    let sum = |pick: fn(&MonthFigures) -> i64| -> i64 { figures.iter().map(pick).sum() };
    let subprojects: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM subprojects WHERE sig_id = $1 ORDER BY position, name",
    )
    .bind(sig.id)
    .fetch_all(&db.pool)
    .await?;
    Ok(ReportFigures {
        meetings_scheduled: sum(|m| m.scheduled),
        meetings_held: sum(|m| m.held),
        meetings_with_notes: sum(|m| m.with_notes),
        meetings_with_recording: sum(|m| m.with_recording),
        members_joined: sum(|m| m.joined),
        members_left: sum(|m| m.left),
        members_at_end: figures.last().map_or(0, |m| m.members),
        items_done: history.done_titles(&months),
        items_dropped: sum(|m| m.dropped),
        items_open: history.open_titles(History::end_of(&months, now)),
        subprojects,
        leads: leads(db, sig.id).await?,
    })
}
