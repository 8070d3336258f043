use serde::{Deserialize, Serialize};

/// A governance text such as "Why SIGs", listed in navigation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLink {
    pub slug: String,
    pub title: String,
    /// The page's opening words, as plain text.
    pub summary: String,
}

/// A governance page ready to show: its markdown already rendered and sanitised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidancePage {
    pub slug: String,
    pub title: String,
    pub html: String,
    /// Short plain-text summary for the page's meta description.
    pub summary: String,
    /// Whether the title and the text are shown in the default language:
    /// nobody has translated them into the page's yet.
    pub title_untranslated: bool,
    pub text_untranslated: bool,
}
