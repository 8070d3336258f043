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
