//! Queries of the SIG directory: groups and their leads.

use std::collections::HashMap;

use sqlx::FromRow;

use super::Database;
use crate::models::sig::{
    person_label, Lead, LeadRole, NamedLink, SigDetail, SigKind, SigSummary, SigTeam, Subproject,
};

/// The columns of `sigs` a `SigRow` reads, for `SELECT … FROM sigs`.
macro_rules! sig_columns {
    () => {
        "SELECT id, slug, name, kind, description, mission, charter_url, chat_channel_name, \
         chat_channel_url, mailing_list_url, meeting_notes_url, recordings_url, status, label, \
         stakeholder_sigs, liaison_name, liaison_github FROM sigs "
    };
}
pub(super) use sig_columns;

/// A SIG as stored: what the directory, the SIG page and the exports read.
#[derive(FromRow)]
pub(super) struct SigRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub description: String,
    pub mission: String,
    pub charter_url: Option<String>,
    pub chat_channel_name: Option<String>,
    pub chat_channel_url: Option<String>,
    pub mailing_list_url: Option<String>,
    pub meeting_notes_url: Option<String>,
    pub recordings_url: Option<String>,
    pub status: String,
    pub label: Option<String>,
    /// Names, one per line.
    pub stakeholder_sigs: String,
    pub liaison_name: Option<String>,
    pub liaison_github: Option<String>,
}

#[derive(FromRow)]
struct LeadRow {
    sig_id: i64,
    display_name: String,
    github_handle: Option<String>,
    role: String,
    term_ends_on: Option<String>,
    former_role: Option<String>,
    stepped_down_at: Option<i64>,
    company: Option<String>,
}

impl SigRow {
    /// The chat channel, named by its address when it has no name.
    pub fn chat_channel(&self) -> Option<NamedLink> {
        let url = self.chat_channel_url.clone()?;
        let label = self
            .chat_channel_name
            .clone()
            .unwrap_or_else(|| url.clone());
        Some(NamedLink { label, url })
    }

    pub fn kind(&self) -> SigKind {
        SigKind::parse(&self.kind).unwrap_or(SigKind::Sig)
    }

    fn into_summary(self, leads: Vec<Lead>) -> SigSummary {
        SigSummary {
            chat_channel: self.chat_channel(),
            kind: self.kind(),
            slug: self.slug,
            name: self.name,
            description: self.description,
            leads,
        }
    }
}

impl From<LeadRow> for Lead {
    fn from(row: LeadRow) -> Self {
        let role = LeadRole::parse(&row.role).unwrap_or(LeadRole::Chair);
        let term = crate::models::sig::term_label(
            role,
            row.term_ends_on.as_deref(),
            row.former_role.as_deref().and_then(LeadRole::parse),
            row.stepped_down_at,
        );
        Lead {
            display_name: row.display_name,
            github_handle: row.github_handle,
            role,
            term,
            company: row.company,
        }
    }
}

/// Every active SIG with its leads, in directory order (by name).
#[tracing::instrument(skip(db), err)]
pub async fn list_active(db: &Database) -> Result<Vec<SigSummary>, sqlx::Error> {
    let rows: Vec<SigRow> = sqlx::query_as(concat!(
        sig_columns!(),
        "WHERE status = 'active' ORDER BY lower(name)"
    ))
    .fetch_all(&db.pool)
    .await?;
    let mut leads_by_sig: HashMap<i64, Vec<Lead>> = HashMap::new();
    let lead_rows: Vec<LeadRow> = sqlx::query_as(
        "SELECT l.sig_id, p.display_name, p.github_handle, l.role, l.term_ends_on, \
         l.former_role, l.stepped_down_at, p.company FROM leaderships l \
         JOIN people p ON p.id = l.person_id JOIN sigs s ON s.id = l.sig_id WHERE s.status = 'active' \
         ORDER BY l.sig_id, l.position",
    )
    .fetch_all(&db.pool)
    .await?;
    for row in lead_rows {
        leads_by_sig.entry(row.sig_id).or_default().push(row.into());
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let leads = leads_by_sig.remove(&row.id).unwrap_or_default();
            row.into_summary(leads)
        })
        .collect())
}

/// One SIG by slug, archived ones included; `None` when there is none.
/// `render_markdown` turns the stored mission into sanitised HTML.
#[tracing::instrument(skip(db, render_markdown), err)]
pub async fn find_by_slug(
    db: &Database,
    slug: &str,
    render_markdown: impl Fn(&str) -> String,
) -> Result<Option<SigDetail>, sqlx::Error> {
    let row: Option<SigRow> = sqlx::query_as(concat!(sig_columns!(), "WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let leads: Vec<LeadRow> = sqlx::query_as(
        "SELECT l.sig_id, p.display_name, p.github_handle, l.role, l.term_ends_on, \
         l.former_role, l.stepped_down_at, p.company FROM leaderships l \
         JOIN people p ON p.id = l.person_id WHERE l.sig_id = $1 ORDER BY l.position",
    )
    .bind(row.id)
    .fetch_all(&db.pool)
    .await?;
    let teams: Vec<SigTeam> = sqlx::query_as(
        "SELECT name, description FROM sig_teams WHERE sig_id = $1 ORDER BY position",
    )
    .bind(row.id)
    .fetch_all(&db.pool)
    .await?;
    let subprojects: Vec<crate::store::import::details::StoredSubproject> = sqlx::query_as(
        "SELECT name, description, owners, slack, mailing_list_url, leads FROM subprojects \
         WHERE sig_id = $1 ORDER BY position",
    )
    .bind(row.id)
    .fetch_all(&db.pool)
    .await?;
    let subprojects = subprojects
        .into_iter()
        .map(|stored| {
            let sub = stored.imported();
            Subproject {
                leads: sub
                    .leads
                    .iter()
                    .map(|lead| {
                        person_label(&lead.name, lead.github.as_deref(), lead.company.as_deref())
                    })
                    .collect(),
                name: sub.name,
                description: sub.description,
                owners: sub.owners,
                slack: sub.slack,
                mailing_list_url: sub.mailing_list_url,
            }
        })
        .collect();

    let reports = super::sig_health::published_years(db, row.id).await?;
    let mission_html = render_markdown(&row.mission);
    let archived = row.status == "archived";
    let (notes, recordings, mailing_list) = (
        row.meeting_notes_url.clone(),
        row.recordings_url.clone(),
        row.mailing_list_url.clone(),
    );
    let label = row.label.clone();
    let stakeholder_sigs = row.stakeholder_sigs.lines().map(str::to_owned).collect();
    let liaison = row
        .liaison_name
        .as_deref()
        .map(|name| person_label(name, row.liaison_github.as_deref(), None));
    Ok(Some(SigDetail {
        summary: row.into_summary(leads.into_iter().map(Lead::from).collect()),
        mission_html,
        meeting_notes_url: notes,
        recordings_url: recordings,
        mailing_list_url: mailing_list,
        archived,
        teams,
        subprojects,
        description_untranslated: false,
        mission_untranslated: false,
        reports,
        label,
        stakeholder_sigs,
        liaison,
    }))
}

/// How many active SIGs and distinct active leads there are.
#[tracing::instrument(skip(db), err)]
pub async fn counts(db: &Database) -> Result<(i64, i64), sqlx::Error> {
    let sigs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sigs WHERE status = 'active'")
        .fetch_one(&db.pool)
        .await?;
    let leads: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT l.person_id) FROM leaderships l \
         JOIN sigs s ON s.id = l.sig_id WHERE s.status = 'active' AND l.role <> 'emeritus'",
    )
    .fetch_one(&db.pool)
    .await?;
    Ok((sigs, leads))
}

/// Every active SIG's slug, for the sitemap.
#[tracing::instrument(skip(db), err)]
/// The `limit` active SIGs added last: slug, name and when.
#[tracing::instrument(skip(db), err)]
pub async fn newest(db: &Database, limit: i64) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT slug, name, created_at FROM sigs WHERE status = 'active' \
         ORDER BY created_at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

pub async fn active_slugs(db: &Database) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT slug FROM sigs WHERE status = 'active' ORDER BY slug")
        .fetch_all(&db.pool)
        .await
}

/// Whether no SIG exists at all (archived ones count).
#[tracing::instrument(skip(db), err)]
pub async fn is_empty(db: &Database) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sigs")
        .fetch_one(&db.pool)
        .await?;
    Ok(count == 0)
}

/// Every SIG, archived ones included, as (slug, name, archived), for admins.
#[tracing::instrument(skip(db), err)]
pub async fn list_all(db: &Database) -> Result<Vec<(String, String, bool)>, sqlx::Error> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT slug, name, status FROM sigs ORDER BY lower(name)")
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, name, status)| (slug, name, status == "archived"))
        .collect())
}

/// The slug of the first group (by name) `person_id` leads as chair or tech
/// lead, if any.
#[tracing::instrument(skip(db), err)]
pub async fn first_led_slug(db: &Database, person_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT s.slug FROM leaderships l JOIN sigs s ON s.id = l.sig_id \
         WHERE l.person_id = $1 AND l.role <> 'emeritus' ORDER BY s.name LIMIT 1",
    )
    .bind(person_id)
    .fetch_optional(&db.pool)
    .await
}
