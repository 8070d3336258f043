//! The community as an import would describe it: every active group with
//! its leads, meetings, teams and subprojects, in directory order. Writers
//! of data files (sigs.yaml, READMEs) start from this, so an export read
//! back by the importer gives the same database.

use sqlx::FromRow;

use super::import::details::StoredSubproject;
use super::import::{ImportedLead, ImportedSig, ImportedTeam, NamedPerson, SigDetails};
use super::meetings::SeriesRule;
use super::sigs::{sig_columns, SigRow};
use super::Database;
use crate::models::sig::LeadRole;

#[derive(FromRow)]
struct LeadRow {
    sig_id: i64,
    display_name: String,
    github_handle: Option<String>,
    email: Option<String>,
    company: Option<String>,
    role: String,
}

#[derive(FromRow)]
struct SeriesRow {
    sig_id: i64,
    title: String,
    #[sqlx(flatten)]
    rule: SeriesRule,
}

#[derive(FromRow)]
struct TeamRow {
    sig_id: i64,
    name: String,
    description: String,
}

#[derive(FromRow)]
struct SubprojectRow {
    sig_id: i64,
    #[sqlx(flatten)]
    stored: StoredSubproject,
}

/// Every active group, in directory order. Leads' e-mail addresses are
/// included only when `with_private` is set (a backup, not a publication).
#[tracing::instrument(skip(db), err)]
pub async fn community(db: &Database, with_private: bool) -> Result<Vec<ImportedSig>, sqlx::Error> {
    let sigs: Vec<SigRow> = sqlx::query_as(concat!(
        sig_columns!(),
        "WHERE status = 'active' ORDER BY position, slug"
    ))
    .fetch_all(&db.pool)
    .await?;
    let leads: Vec<LeadRow> = sqlx::query_as(
        "SELECT l.sig_id, p.display_name, p.github_handle, p.email, p.company, l.role \
         FROM leaderships l JOIN people p ON p.id = l.person_id ORDER BY l.sig_id, l.position",
    )
    .fetch_all(&db.pool)
    .await?;
    let series: Vec<SeriesRow> = sqlx::query_as(
        "SELECT sig_id, title, weekday, start_time, end_time, time_zone, cadence, week_of_month, \
         starts_on, join_url, notes_url, recordings_url FROM meeting_series ORDER BY sig_id, id",
    )
    .fetch_all(&db.pool)
    .await?;
    let teams: Vec<TeamRow> =
        sqlx::query_as("SELECT sig_id, name, description FROM sig_teams ORDER BY sig_id, position")
            .fetch_all(&db.pool)
            .await?;
    let subprojects: Vec<SubprojectRow> = sqlx::query_as(
        "SELECT sig_id, name, description, owners, slack, mailing_list_url, leads \
         FROM subprojects ORDER BY sig_id, position",
    )
    .fetch_all(&db.pool)
    .await?;

    Ok(sigs
        .into_iter()
        .map(|sig| {
            let id = sig.id;
            let leads = leads
                .iter()
                .filter(|lead| lead.sig_id == id)
                .map(|lead| ImportedLead {
                    display_name: lead.display_name.clone(),
                    github_handle: lead.github_handle.clone(),
                    role: LeadRole::parse(&lead.role).unwrap_or(LeadRole::Chair),
                    email: lead.email.clone().filter(|_| with_private),
                    company: lead.company.clone(),
                })
                .collect();
            let meetings = series
                .iter()
                .filter(|series| series.sig_id == id)
                .map(|series| series.rule.clone().into_series(series.title.clone()))
                .collect();
            let teams = teams
                .iter()
                .filter(|team| team.sig_id == id)
                .map(|team| ImportedTeam {
                    name: team.name.clone(),
                    description: team.description.clone(),
                })
                .collect();
            let subprojects = subprojects
                .iter()
                .filter(|sub| sub.sig_id == id)
                .map(|sub| sub.stored.clone().imported())
                .collect();
            ImportedSig {
                chat_channel: sig.chat_channel(),
                kind: sig.kind(),
                slug: sig.slug,
                name: sig.name,
                description: sig.description,
                meeting_notes_url: sig.meeting_notes_url,
                leads,
                details: Some(SigDetails {
                    mission: sig.mission,
                    charter_url: sig.charter_url,
                    mailing_list_url: sig.mailing_list_url,
                    meetings,
                    teams,
                    subprojects,
                    stakeholder_sigs: sig.stakeholder_sigs.lines().map(str::to_owned).collect(),
                    liaison: sig.liaison_name.map(|name| NamedPerson {
                        name,
                        github: sig.liaison_github,
                        company: None,
                    }),
                    label: sig.label,
                }),
            }
        })
        .collect())
}
