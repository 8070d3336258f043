//! Writes a parsed community description (SIGs, leads, channels, pages) in one
//! transaction. Re-importing updates by slug/URL/handle and never duplicates.
//! A dry run does the same writes and rolls them back, so its report is
//! exactly what the import would do.

use sqlx::FromRow;

use super::Database;
use crate::models::channel::ChannelKind;
use crate::models::sig::{LeadRole, NamedLink, SigKind};

pub(crate) mod details;
mod people;

pub use details::{
    default_start, ImportedSeries, ImportedSubproject, ImportedTeam, NamedPerson, SigDetails,
};

/// Everything an importer understood from a source file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommunityImport {
    pub sigs: Vec<ImportedSig>,
    pub channels: Vec<ImportedChannel>,
    pub pages: Vec<ImportedPage>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSig {
    pub slug: String,
    pub name: String,
    pub kind: SigKind,
    pub description: String,
    pub chat_channel: Option<NamedLink>,
    pub meeting_notes_url: Option<String>,
    pub leads: Vec<ImportedLead>,
    /// What richer formats (sigs.yaml) say beyond the directory row; `None`
    /// leaves the stored mission, meetings, teams and subprojects as they are.
    pub details: Option<SigDetails>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedLead {
    pub display_name: String,
    pub github_handle: Option<String>,
    pub role: LeadRole,
    /// Private: stored for the leads' own mail, never shown or exported
    /// for publishing.
    pub email: Option<String>,
    /// The company the file says they work for.
    pub company: Option<String>,
}

/// Whether an import is kept or only reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    Apply,
    DryRun,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedChannel {
    pub purpose: String,
    pub name: String,
    pub url: String,
    pub kind: ChannelKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedPage {
    pub slug: String,
    pub title: String,
    pub markdown: String,
}

/// What an import did, by kind of record and outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: usize,
}

#[derive(Clone, FromRow, PartialEq, Eq)]
struct StoredSig {
    id: i64,
    name: String,
    kind: String,
    description: String,
    chat_channel_name: Option<String>,
    chat_channel_url: Option<String>,
    meeting_notes_url: Option<String>,
    position: i64,
}

#[derive(FromRow, PartialEq, Eq)]
struct StoredLead {
    person_id: i64,
    role: String,
}

/// Applies `import` whole or not at all.
pub async fn apply(db: &Database, import: &CommunityImport) -> Result<ImportReport, sqlx::Error> {
    run(db, import, ImportMode::Apply).await
}

/// Applies `import` whole or not at all, or (a dry run) reports what it
/// would change and keeps nothing.
#[tracing::instrument(skip_all, err)]
pub async fn run(
    db: &Database,
    import: &CommunityImport,
    mode: ImportMode,
) -> Result<ImportReport, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let report = write_all(&mut tx, import).await?;
    match mode {
        ImportMode::Apply => tx.commit().await?,
        ImportMode::DryRun => tx.rollback().await?,
    }
    Ok(report)
}

/// Makes the site's groups those of `import`, as a file kept in git is the
/// whole truth: writes it as `apply` does, makes its archived groups active
/// again and archives the groups in `archive` (those it no longer lists).
#[tracing::instrument(skip_all, err)]
pub async fn apply_whole(
    db: &Database,
    import: &CommunityImport,
    archive: &[String],
) -> Result<ImportReport, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let mut report = write_all(&mut tx, import).await?;
    for (sigs, status) in [
        (
            import.sigs.iter().map(|sig| &sig.slug).collect::<Vec<_>>(),
            "active",
        ),
        (archive.iter().collect(), "archived"),
    ] {
        for slug in sigs {
            let changed = sqlx::query(
                "UPDATE sigs SET status = $1, updated_at = $2 WHERE slug = $3 AND status <> $1",
            )
            .bind(status)
            .bind(tx.now())
            .bind(slug)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed > 0 {
                report.updated.push(format!("SIG {slug} ({status})"));
            }
        }
    }
    tx.commit().await?;
    Ok(report)
}

async fn write_all(
    tx: &mut crate::store::write::WriteTransaction,
    import: &CommunityImport,
) -> Result<ImportReport, sqlx::Error> {
    let mut report = ImportReport::default();
    for (position, sig) in import.sigs.iter().enumerate() {
        upsert_sig(tx, sig, position as i64, &mut report).await?;
    }
    for (position, channel) in import.channels.iter().enumerate() {
        upsert_channel(tx, channel, position as i64, &mut report).await?;
    }
    for (position, page) in import.pages.iter().enumerate() {
        upsert_page(tx, page, position as i64, &mut report).await?;
    }
    Ok(report)
}

async fn upsert_sig(
    tx: &mut crate::store::write::WriteTransaction,
    sig: &ImportedSig,
    position: i64,
    report: &mut ImportReport,
) -> Result<(), sqlx::Error> {
    let wanted = StoredSig {
        id: 0,
        name: sig.name.clone(),
        kind: sig.kind.as_str().to_owned(),
        description: sig.description.clone(),
        chat_channel_name: sig.chat_channel.as_ref().map(|c| c.label.clone()),
        chat_channel_url: sig.chat_channel.as_ref().map(|c| c.url.clone()),
        meeting_notes_url: sig.meeting_notes_url.clone(),
        position,
    };
    let stored: Option<StoredSig> = sqlx::query_as(
        "SELECT id, name, kind, description, chat_channel_name, chat_channel_url, \
         meeting_notes_url, position FROM sigs WHERE slug = $1",
    )
    .bind(&sig.slug)
    .fetch_optional(&mut **tx)
    .await?;
    let is_new = stored.is_none();
    let fields_changed = match &stored {
        Some(stored) => {
            (StoredSig {
                id: stored.id,
                ..wanted.clone()
            }) != *stored
        }
        None => true,
    };
    let sig_id: i64 = match stored {
        Some(stored) if !fields_changed => stored.id,
        _ => {
            sqlx::query_scalar(
                "INSERT INTO sigs (slug, name, kind, description, chat_channel_name, \
                 chat_channel_url, meeting_notes_url, position, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
                 ON CONFLICT (slug) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
                 description = excluded.description, chat_channel_name = excluded.chat_channel_name, \
                 chat_channel_url = excluded.chat_channel_url, \
                 meeting_notes_url = excluded.meeting_notes_url, position = excluded.position, \
                 updated_at = excluded.updated_at RETURNING id",
            )
            .bind(&sig.slug)
            .bind(&wanted.name)
            .bind(&wanted.kind)
            .bind(&wanted.description)
            .bind(&wanted.chat_channel_name)
            .bind(&wanted.chat_channel_url)
            .bind(&wanted.meeting_notes_url)
            .bind(position)
            .bind(tx.now())
            .fetch_one(&mut **tx)
            .await?
        }
    };
    let leads_changed = replace_leads(tx, sig_id, &sig.leads).await?;
    let details_changed = match &sig.details {
        Some(details) => details::replace(tx, sig_id, details).await?,
        None => false,
    };
    if is_new {
        report.created.push(format!("SIG {}", sig.slug));
    } else if fields_changed || leads_changed || details_changed {
        report.updated.push(format!("SIG {}", sig.slug));
    } else {
        report.unchanged += 1;
    }
    Ok(())
}

/// Makes the SIG's leads exactly `leads`, in order; tells whether anything changed.
async fn replace_leads(
    tx: &mut crate::store::write::WriteTransaction,
    sig_id: i64,
    leads: &[ImportedLead],
) -> Result<bool, sqlx::Error> {
    let mut wanted = Vec::with_capacity(leads.len());
    for lead in leads {
        let person_id = people::upsert(tx, lead).await?;
        wanted.push(StoredLead {
            person_id,
            role: lead.role.as_str().to_owned(),
        });
    }
    let stored: Vec<StoredLead> = sqlx::query_as(
        "SELECT person_id, role FROM leaderships WHERE sig_id = $1 ORDER BY position",
    )
    .bind(sig_id)
    .fetch_all(&mut **tx)
    .await?;
    if stored == wanted {
        return Ok(false);
    }
    // A lead who stays keeps the day they began; one added by a later
    // import begins now; the first import's leads began before the records.
    let began: std::collections::HashMap<i64, Option<i64>> =
        sqlx::query_as("SELECT person_id, since FROM leaderships WHERE sig_id = $1")
            .bind(sig_id)
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .collect();
    let newcomer_since = (!stored.is_empty()).then(|| tx.now());
    sqlx::query("DELETE FROM leaderships WHERE sig_id = $1")
        .bind(sig_id)
        .execute(&mut **tx)
        .await?;
    for (position, lead) in wanted.iter().enumerate() {
        sqlx::query(
            "INSERT INTO leaderships (sig_id, person_id, role, position, since) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sig_id, person_id) DO NOTHING",
        )
        .bind(sig_id)
        .bind(lead.person_id)
        .bind(&lead.role)
        .bind(position as i64)
        .bind(
            began
                .get(&lead.person_id)
                .copied()
                .unwrap_or(newcomer_since),
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(true)
}

async fn upsert_channel(
    tx: &mut crate::store::write::WriteTransaction,
    channel: &ImportedChannel,
    position: i64,
    report: &mut ImportReport,
) -> Result<(), sqlx::Error> {
    let stored: Option<(String, String, String, i64)> =
        sqlx::query_as("SELECT purpose, name, kind, position FROM channels WHERE url = $1")
            .bind(&channel.url)
            .fetch_optional(&mut **tx)
            .await?;
    let wanted = (
        channel.purpose.clone(),
        channel.name.clone(),
        channel.kind.as_str().to_owned(),
        position,
    );
    let label = format!("channel {}", channel.name);
    match stored {
        Some(stored) if stored == wanted => {
            report.unchanged += 1;
            return Ok(());
        }
        Some(_) => report.updated.push(label),
        None => report.created.push(label),
    }
    sqlx::query(
        "INSERT INTO channels (purpose, name, url, kind, position) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (url) DO UPDATE SET purpose = excluded.purpose, name = excluded.name, \
         kind = excluded.kind, position = excluded.position",
    )
    .bind(&wanted.0)
    .bind(&wanted.1)
    .bind(&channel.url)
    .bind(&wanted.2)
    .bind(position)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn upsert_page(
    tx: &mut crate::store::write::WriteTransaction,
    page: &ImportedPage,
    position: i64,
    report: &mut ImportReport,
) -> Result<(), sqlx::Error> {
    let stored: Option<(String, String, i64)> =
        sqlx::query_as("SELECT title, body_markdown, position FROM pages WHERE slug = $1")
            .bind(&page.slug)
            .fetch_optional(&mut **tx)
            .await?;
    let wanted = (page.title.clone(), page.markdown.clone(), position);
    let label = format!("page {}", page.slug);
    match stored {
        Some(stored) if stored == wanted => {
            report.unchanged += 1;
            return Ok(());
        }
        Some(_) => report.updated.push(label),
        None => report.created.push(label),
    }
    sqlx::query(
        "INSERT INTO pages (slug, title, body_markdown, position, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO UPDATE SET title = excluded.title, \
         body_markdown = excluded.body_markdown, position = excluded.position, \
         updated_at = excluded.updated_at",
    )
    .bind(&page.slug)
    .bind(&page.title)
    .bind(&page.markdown)
    .bind(position)
    .bind(tx.now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
