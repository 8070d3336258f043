//! The parts of a SIG that richer files (sigs.yaml) describe: mission and
//! charter, mailing list, meeting series, discussion teams and subprojects.

use chrono::{Datelike, NaiveDate};
use sqlx::FromRow;

use crate::store::meetings::SeriesRule;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SigDetails {
    /// Markdown.
    pub mission: String,
    pub charter_url: Option<String>,
    pub mailing_list_url: Option<String>,
    pub meetings: Vec<ImportedSeries>,
    pub teams: Vec<ImportedTeam>,
    pub subprojects: Vec<ImportedSubproject>,
    /// The group's GitHub label (`sig/LABEL`).
    pub label: Option<String>,
    /// The groups a working group answers to, by name.
    pub stakeholder_sigs: Vec<String>,
    /// The group's liaison on the steering body.
    pub liaison: Option<NamedPerson>,
}

/// Someone a file names beside the leads: a liaison, a subproject's lead.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamedPerson {
    pub name: String,
    pub github: Option<String>,
    pub company: Option<String>,
}

impl NamedPerson {
    /// One line of a stored list: handle, name and company, tab-separated.
    pub fn line(&self) -> String {
        let clean = |text: &str| text.replace(['\t', '\n', '\r'], " ");
        format!(
            "{}\t{}\t{}",
            clean(self.github.as_deref().unwrap_or_default()),
            clean(&self.name),
            clean(self.company.as_deref().unwrap_or_default())
        )
    }

    /// The people of a stored list, one per line.
    pub fn parse_lines(text: &str) -> Vec<NamedPerson> {
        let some = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        text.lines()
            .filter(|line| !line.is_empty())
            .map(|line| {
                let mut parts = line.splitn(3, '\t');
                let github = some(parts.next().unwrap_or_default());
                let name = parts.next().unwrap_or_default().to_owned();
                NamedPerson {
                    name,
                    github,
                    company: some(parts.next().unwrap_or_default()),
                }
            })
            .collect()
    }
}

/// A meeting series, matched to a stored one by its SIG and title. The
/// rule's `starts_on` is empty when the file does not say: a new series
/// then starts from a fixed day and a stored one keeps its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSeries {
    pub title: String,
    pub rule: SeriesRule,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ImportedTeam {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSubproject {
    pub name: String,
    pub description: String,
    /// OWNERS file URLs.
    pub owners: Vec<String>,
    /// Its own Slack channel, without `#`.
    pub slack: Option<String>,
    pub mailing_list_url: Option<String>,
    pub leads: Vec<NamedPerson>,
}

/// The day series without a stated start count from: the first of their
/// weekdays in 2026, so the same file gives the same database every time.
pub fn default_start(weekday: i64) -> String {
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let offset = (weekday - i64::from(first.weekday().number_from_monday())).rem_euclid(7);
    (first + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

/// Makes the stored details of SIG `sig_id` match `details`; tells whether
/// anything changed. Series the file does not name are left alone: leads
/// may have added them on the site.
pub(super) async fn replace(
    tx: &mut crate::store::write::WriteTransaction,
    sig_id: i64,
    details: &SigDetails,
) -> Result<bool, sqlx::Error> {
    let liaison = details.liaison.as_ref();
    let changed = sqlx::query(
        "UPDATE sigs SET mission = $1, charter_url = $2, mailing_list_url = $3, updated_at = $4, \
         label = $6, stakeholder_sigs = $7, liaison_name = $8, liaison_github = $9 \
         WHERE id = $5 AND (mission <> $1 OR COALESCE(charter_url, '') <> COALESCE($2, '') \
         OR COALESCE(mailing_list_url, '') <> COALESCE($3, '') \
         OR COALESCE(label, '') <> COALESCE($6, '') OR stakeholder_sigs <> $7 \
         OR COALESCE(liaison_name, '') <> COALESCE($8, '') \
         OR COALESCE(liaison_github, '') <> COALESCE($9, ''))",
    )
    .bind(&details.mission)
    .bind(&details.charter_url)
    .bind(&details.mailing_list_url)
    .bind(tx.now())
    .bind(sig_id)
    .bind(&details.label)
    .bind(details.stakeholder_sigs.join("\n"))
    .bind(liaison.map(|person| person.name.clone()))
    .bind(liaison.and_then(|person| person.github.clone()))
    .execute(&mut **tx)
    .await?
    .rows_affected()
        > 0;
    let teams = replace_teams(tx, sig_id, &details.teams).await?;
    let subprojects = replace_subprojects(tx, sig_id, &details.subprojects).await?;
    let mut meetings = false;
    for series in &details.meetings {
        meetings |= upsert_series(tx, sig_id, series).await?;
    }
    Ok(changed || teams || subprojects || meetings)
}

async fn replace_teams(
    tx: &mut crate::store::write::WriteTransaction,
    sig_id: i64,
    teams: &[ImportedTeam],
) -> Result<bool, sqlx::Error> {
    let stored: Vec<ImportedTeam> = sqlx::query_as(
        "SELECT name, description FROM sig_teams WHERE sig_id = $1 ORDER BY position",
    )
    .bind(sig_id)
    .fetch_all(&mut **tx)
    .await?;
    if stored == teams {
        return Ok(false);
    }
    sqlx::query("DELETE FROM sig_teams WHERE sig_id = $1")
        .bind(sig_id)
        .execute(&mut **tx)
        .await?;
    for (position, team) in teams.iter().enumerate() {
        sqlx::query(
            "INSERT INTO sig_teams (sig_id, name, description, position) VALUES ($1, $2, $3, $4)",
        )
        .bind(sig_id)
        .bind(&team.name)
        .bind(&team.description)
        .bind(position as i64)
        .execute(&mut **tx)
        .await?;
    }
    Ok(true)
}

/// A subproject as its table keeps it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub(crate) struct StoredSubproject {
    pub name: String,
    pub description: String,
    /// One URL per line.
    pub owners: String,
    pub slack: Option<String>,
    pub mailing_list_url: Option<String>,
    /// One `NamedPerson::line` per line.
    pub leads: String,
}

impl StoredSubproject {
    fn of(sub: &ImportedSubproject) -> Self {
        StoredSubproject {
            name: sub.name.clone(),
            description: sub.description.clone(),
            owners: sub.owners.join("\n"),
            slack: sub.slack.clone(),
            mailing_list_url: sub.mailing_list_url.clone(),
            leads: sub
                .leads
                .iter()
                .map(NamedPerson::line)
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    pub(crate) fn imported(self) -> ImportedSubproject {
        ImportedSubproject {
            owners: self.owners.lines().map(str::to_owned).collect(),
            leads: NamedPerson::parse_lines(&self.leads),
            name: self.name,
            description: self.description,
            slack: self.slack,
            mailing_list_url: self.mailing_list_url,
        }
    }
}

async fn replace_subprojects(
    tx: &mut crate::store::write::WriteTransaction,
    sig_id: i64,
    subprojects: &[ImportedSubproject],
) -> Result<bool, sqlx::Error> {
    let stored: Vec<StoredSubproject> = sqlx::query_as(
        "SELECT name, description, owners, slack, mailing_list_url, leads FROM subprojects \
         WHERE sig_id = $1 ORDER BY position",
    )
    .bind(sig_id)
    .fetch_all(&mut **tx)
    .await?;
    let wanted: Vec<StoredSubproject> = subprojects.iter().map(StoredSubproject::of).collect();
    if stored == wanted {
        return Ok(false);
    }
    sqlx::query("DELETE FROM subprojects WHERE sig_id = $1")
        .bind(sig_id)
        .execute(&mut **tx)
        .await?;
    for (position, sub) in wanted.iter().enumerate() {
        sqlx::query(
            "INSERT INTO subprojects (sig_id, name, description, owners, slack, \
             mailing_list_url, leads, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(sig_id)
        .bind(&sub.name)
        .bind(&sub.description)
        .bind(&sub.owners)
        .bind(&sub.slack)
        .bind(&sub.mailing_list_url)
        .bind(&sub.leads)
        .bind(position as i64)
        .execute(&mut **tx)
        .await?;
    }
    Ok(true)
}

/// Inserts or updates the series with this title; tells whether it changed.
async fn upsert_series(
    tx: &mut crate::store::write::WriteTransaction,
    sig_id: i64,
    series: &ImportedSeries,
) -> Result<bool, sqlx::Error> {
    let found: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, starts_on FROM meeting_series WHERE sig_id = $1 AND title = $2 ORDER BY id",
    )
    .bind(sig_id)
    .bind(&series.title)
    .fetch_optional(&mut **tx)
    .await?;
    let stated = Some(series.rule.starts_on.clone()).filter(|day| !day.is_empty());
    let starts_on = stated
        .or_else(|| found.as_ref().map(|(_, day)| day.clone()))
        .unwrap_or_else(|| default_start(series.rule.weekday));
    let wanted = SeriesRule {
        starts_on,
        ..series.rule.clone()
    };
    let Some((id, _)) = found else {
        let insert = sqlx::query(
            "INSERT INTO meeting_series (weekday, start_time, end_time, time_zone, cadence, \
             week_of_month, starts_on, join_url, notes_url, recordings_url, sig_id, title, \
             created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
        );
        wanted
            .bind(insert)
            .bind(sig_id)
            .bind(&series.title)
            .bind(tx.now())
            .execute(&mut **tx)
            .await?;
        return Ok(true);
    };
    let current: SeriesRule = sqlx::query_as(
        "SELECT weekday, start_time, end_time, time_zone, cadence, week_of_month, starts_on, \
         join_url, notes_url, recordings_url FROM meeting_series WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    if current == wanted {
        return Ok(false);
    }
    let update = sqlx::query(
        "UPDATE meeting_series SET weekday = $1, start_time = $2, end_time = $3, time_zone = $4, \
         cadence = $5, week_of_month = $6, starts_on = $7, join_url = $8, notes_url = $9, \
         recordings_url = $10, updated_at = $11, sequence = sequence + 1 WHERE id = $12",
    );
    wanted
        .bind(update)
        .bind(tx.now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(true)
}
