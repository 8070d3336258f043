//! An item as stored, read inside a change: what a conflict shows and how
//! an edit is put into words for the history.

use sqlx::{AnyConnection, FromRow};

use crate::errors::CurrentValues;
use crate::i18n::{t, Language};
use crate::models::roadmap::{Month, RoadmapStatus, ValidItem};

#[derive(FromRow)]
pub(super) struct StoredItem {
    pub(super) sig_id: i64,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) status: String,
    pub(super) target_month: String,
    pub(super) owner_id: Option<i64>,
    pub(super) owner_name: Option<String>,
    pub(super) link_url: Option<String>,
    pub(super) exit_criterion: String,
    pub(super) version: i64,
}

impl StoredItem {
    pub(super) fn status(&self) -> RoadmapStatus {
        RoadmapStatus::parse(&self.status).unwrap_or(RoadmapStatus::Proposed)
    }

    /// The target month in `language`.
    pub(super) fn month_label(&self, language: Language) -> String {
        Month::parse(&self.target_month)
            .map(|month| month.label_in(language))
            .unwrap_or_else(|| self.target_month.clone())
    }

    pub(super) fn current_values(&self) -> Box<CurrentValues> {
        // Shown to the person whose save conflicted, in their page's language.
        let field = |label: &str, value: String| (t(label), value);
        Box::new(CurrentValues {
            version: self.version,
            fields: vec![
                field("item-title", self.title.clone()),
                field("item-status", self.status().label()),
                field("item-target", self.month_label(crate::i18n::language())),
                field("item-owner", self.owner_name.clone().unwrap_or_default()),
                field("item-link", self.link_url.clone().unwrap_or_default()),
                field("editor-exit", self.exit_criterion.clone()),
                // Cut, so the answer fits the address a no-JavaScript form
                // is sent back to.
                field(
                    "item-description-heading",
                    shortened(&self.description, 1_000),
                ),
            ],
        })
    }
}

fn shortened(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{cut}…")
}

/// The item `id` of the SIG `slug`, if there is one.
pub(super) async fn stored_item(
    conn: &mut AnyConnection,
    slug: &str,
    id: i64,
) -> Result<Option<StoredItem>, sqlx::Error> {
    sqlx::query_as(
        "SELECT i.sig_id, i.title, i.description, i.status, i.target_month, i.owner_id, \
         p.display_name AS owner_name, i.link_url, i.exit_criterion, i.version \
         FROM roadmap_items i JOIN sigs s ON s.id = i.sig_id \
         LEFT JOIN people p ON p.id = i.owner_id WHERE s.slug = $1 AND i.id = $2",
    )
    .bind(slug)
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// What changed between the stored item and the new values, in words of
/// the site's default language: the history is one record for every
/// reader, whoever wrote it.
pub(super) fn describe_edit(
    old: &StoredItem,
    new: &ValidItem,
    new_owner_name: Option<&str>,
) -> String {
    let mut parts = Vec::new();
    if old.title != new.title {
        parts.push(format!("Title “{}” → “{}”", old.title, new.title));
    }
    let record = Language::default();
    if old.status() != new.status {
        parts.push(format!(
            "Status {} → {}",
            old.status().label_in(record),
            new.status.label_in(record)
        ));
    }
    if old.target_month != new.target_month.key() {
        parts.push(format!(
            "Target month {} → {}",
            old.month_label(record),
            new.target_month.label_in(record)
        ));
    }
    if old.owner_id != new.owner {
        parts.push(format!(
            "Owner {} → {}",
            old.owner_name.as_deref().unwrap_or("nobody"),
            new_owner_name.unwrap_or("nobody")
        ));
    }
    if old.link_url != new.link_url {
        parts.push("Link changed".to_owned());
    }
    if old.description != new.description {
        parts.push("Description edited".to_owned());
    }
    if old.exit_criterion != new.exit_criterion {
        parts.push("Exit criterion edited".to_owned());
    }
    if parts.is_empty() {
        "Saved without changes".to_owned()
    } else {
        parts.join("; ")
    }
}
