use serde::{Deserialize, Serialize};

use super::page::PageLink;

/// The figures and links the home page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityOverview {
    pub sig_count: i64,
    pub lead_count: i64,
    pub channel_count: i64,
    pub guidance: Vec<PageLink>,
}
