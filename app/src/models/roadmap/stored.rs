//! Roadmap items as the store reads them, and how they become what boards
//! and item pages show: excerpts, overdue flags, rendered descriptions and
//! UTC labels (server only: it renders markdown).

use super::{HistoryEntry, ItemOwner, Month, RoadmapCard, RoadmapItemDetail, RoadmapStatus};

/// How many characters of a description a card shows.
const EXCERPT_CHARS: usize = 140;

/// An item as stored, with its SIG and owner.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredItem {
    pub id: i64,
    pub sig_slug: String,
    pub sig_name: String,
    pub title: String,
    /// Markdown, as the lead wrote it.
    pub description: String,
    pub status: String,
    pub target_month: String,
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub owner_handle: Option<String>,
    pub link_url: Option<String>,
    pub exit_criterion: String,
    pub version: i64,
}

impl RoadmapCard {
    /// The card of `item` in the month `current`.
    pub fn from_stored(item: StoredItem, current: Month) -> Self {
        let status = RoadmapStatus::parse(&item.status).unwrap_or(RoadmapStatus::Proposed);
        let target_month = Month::parse(&item.target_month).unwrap_or(current);
        let owner = match (item.owner_id, item.owner_name) {
            (Some(person_id), Some(display_name)) => Some(ItemOwner {
                person_id,
                display_name,
                github_handle: item.owner_handle,
            }),
            _ => None,
        };
        RoadmapCard {
            id: item.id,
            sig_slug: item.sig_slug,
            sig_name: item.sig_name,
            title: item.title,
            excerpt: crate::markdown::plain_summary(&item.description, EXCERPT_CHARS),
            status,
            target_month,
            owner,
            link_url: item.link_url,
            version: item.version,
            overdue: status.is_open() && target_month < current,
        }
    }
}

impl RoadmapItemDetail {
    /// `item`'s page with its rendered description and `history`, as anyone
    /// may see it (`can_edit` false).
    pub fn from_stored(item: StoredItem, history: Vec<HistoryEntry>, current: Month) -> Self {
        RoadmapItemDetail {
            description_html: crate::markdown::render(&item.description),
            exit_criterion: item.exit_criterion.clone(),
            card: RoadmapCard::from_stored(item, current),
            history,
            can_edit: false,
        }
    }
}

impl HistoryEntry {
    /// A change made at `at` (Unix seconds) by `who` ("someone" when their
    /// profile is gone).
    pub fn new(who: Option<String>, at: i64, summary: String, version: i64) -> Self {
        let time = chrono::DateTime::from_timestamp(at, 0);
        HistoryEntry {
            who: who.unwrap_or_else(|| crate::i18n::t("history-someone")),
            at,
            at_label: crate::i18n::format::time_of(at),
            at_iso: time.map(|time| time.to_rfc3339()).unwrap_or_default(),
            summary,
            version,
        }
    }
}
