use serde::{Deserialize, Serialize};

use super::page::PageLink;

/// The community's name and public address, for titles and absolute links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub name: String,
    /// Where visitors reach the site, without a trailing slash.
    pub public_url: String,
    /// The providers people may sign in through, as buttons name them.
    pub sign_in_with: Vec<super::identity::SignInOption>,
}

impl SiteInfo {
    /// The absolute address of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }
}

/// The figures and links the home page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityOverview {
    pub sig_count: i64,
    pub lead_count: i64,
    pub channel_count: i64,
    pub guidance: Vec<PageLink>,
}

/// What is going on, for the home page: the next meetings, the newest
/// roadmap changes, items that want an owner, the newest SIGs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeActivity {
    pub next_meetings: Vec<super::meeting::SeriesView>,
    pub changes: Vec<RecentChange>,
    pub help_wanted: Vec<super::roadmap::RoadmapCard>,
    pub newest_sigs: Vec<NewSig>,
}

/// A roadmap change as the home page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentChange {
    pub sig_slug: String,
    pub sig_name: String,
    /// The item's page; `None` once it was deleted.
    pub item_path: Option<String>,
    pub item_title: String,
    pub summary: String,
    /// The day of the change, in the page's language.
    pub day: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSig {
    pub slug: String,
    pub name: String,
    /// The day it was added, in the page's language.
    pub added: String,
}
