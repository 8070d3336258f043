//! What `/search` shows: the things found, grouped by kind.

use serde::{Deserialize, Serialize};

/// The longest query read; the rest of a longer one is ignored.
pub const QUERY_MAX_CHARS: usize = 200;
/// The most results shown of one kind.
pub const HITS_PER_KIND: usize = 20;

/// The kinds of things a visitor can find, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SearchKind {
    Sig,
    RoadmapItem,
    Meeting,
    Guidance,
    Person,
}

impl SearchKind {
    pub const ALL: [SearchKind; 5] = [
        SearchKind::Sig,
        SearchKind::RoadmapItem,
        SearchKind::Meeting,
        SearchKind::Guidance,
        SearchKind::Person,
    ];

    /// The name stored in the index.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchKind::Sig => "sig",
            SearchKind::RoadmapItem => "roadmap_item",
            SearchKind::Meeting => "meeting",
            SearchKind::Guidance => "guidance",
            SearchKind::Person => "person",
        }
    }

    pub fn parse(name: &str) -> Option<SearchKind> {
        SearchKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }
}

/// A run of text, `marked` where it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    pub text: String,
    pub marked: bool,
}

/// One thing found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub title: Vec<Fragment>,
    /// Where it lives, without the language prefix.
    pub path: String,
    /// What it belongs to (the SIG of an item, a lead's SIGs).
    pub context: String,
    /// The words around the first match in its text.
    pub excerpt: Vec<Fragment>,
}

/// The things of one kind found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchGroup {
    pub kind: SearchKind,
    pub hits: Vec<SearchHit>,
    /// How many more were found than are shown.
    pub more: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query as it was read (trimmed and cut to `QUERY_MAX_CHARS`).
    pub query: String,
    pub groups: Vec<SearchGroup>,
}

impl SearchResults {
    pub fn total(&self) -> usize {
        self.groups
            .iter()
            .map(|group| group.hits.len() + group.more)
            .sum()
    }
}
