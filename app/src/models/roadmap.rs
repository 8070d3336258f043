//! Roadmap boards as the browser sees them: statuses, months, cards, an item
//! with its history, and the item form with the checks server and form share.

use serde::{Deserialize, Serialize};

use super::fields::{check_length, check_web_url, Choice};
use crate::errors::FieldErrors;

pub const ITEM_TITLE_MAX_CHARS: usize = 120;
pub const ITEM_DESCRIPTION_MAX_CHARS: usize = 10_000;
pub const EXIT_CRITERION_MAX_CHARS: usize = 500;
/// How far before and after the current month a target month may lie.
pub const MONTH_RANGE: i32 = 12;
/// The board shows the current month and this many after it.
pub const HORIZON_MONTHS: i32 = 3;
/// A board not changed for this many days is flagged as possibly out of date.
pub const STALE_AFTER_DAYS: i64 = 90;

/// Where an item stands. Boards show one column per status; dropped items
/// are hidden unless asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoadmapStatus {
    Proposed,
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl RoadmapStatus {
    pub const ALL: [RoadmapStatus; 5] = [
        Self::Proposed,
        Self::Planned,
        Self::InProgress,
        Self::Done,
        Self::Dropped,
    ];

    /// The value stored in the database and sent by forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == value)
    }

    /// How a board's column and a card's badge name it.
    pub fn label(self) -> String {
        crate::i18n::t(self.label_key())
    }

    /// The same in `language` (the history's, not the page's).
    #[cfg(feature = "ssr")]
    pub fn label_in(self, language: crate::i18n::Language) -> String {
        language.text(self.label_key())
    }

    fn label_key(self) -> &'static str {
        match self {
            Self::Proposed => "status-proposed",
            Self::Planned => "status-planned",
            Self::InProgress => "status-in-progress",
            Self::Done => "status-done",
            Self::Dropped => "status-dropped",
        }
    }

    /// Finished items are never overdue.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Done | Self::Dropped)
    }
}

/// A calendar month, counted from year 0 so months compare and add simply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month(pub i32);

impl Month {
    /// `month` is 1 to 12.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        let month = i32::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        Some(Month(year * 12 + month - 1))
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1 to 12.
    pub fn month(self) -> u32 {
        self.0.rem_euclid(12).unsigned_abs() + 1
    }

    /// Reads `YYYY-MM`, as stored and as forms send it.
    pub fn parse(value: &str) -> Option<Self> {
        let (year, month) = value.trim().split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// `YYYY-MM`.
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year(), self.month())
    }

    /// "November 2026", in the page's language.
    pub fn label(self) -> String {
        self.label_in(crate::i18n::language())
    }

    pub fn label_in(self, language: crate::i18n::Language) -> String {
        crate::i18n::format::month_year(language, self.year(), self.month())
    }

    pub fn plus(self, months: i32) -> Self {
        Month(self.0 + months)
    }

    /// The months a target may be set to, seen from `current`.
    pub fn allowed_targets(current: Month) -> impl Iterator<Item = Month> {
        (-MONTH_RANGE..=MONTH_RANGE).map(move |offset| current.plus(offset))
    }
}

/// Who owns an item, as the public sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemOwner {
    pub person_id: i64,
    pub display_name: String,
    pub github_handle: Option<String>,
}

/// One item as a card on a board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapCard {
    pub id: i64,
    pub sig_slug: String,
    pub sig_name: String,
    pub title: String,
    /// The description's first words, as plain text.
    pub excerpt: String,
    pub status: RoadmapStatus,
    pub target_month: Month,
    pub owner: Option<ItemOwner>,
    pub link_url: Option<String>,
    pub version: i64,
    /// The target month has passed and the item is not finished.
    pub overdue: bool,
}

impl RoadmapCard {
    pub fn href(&self) -> String {
        format!("/sigs/{}/roadmap/{}", self.sig_slug, self.id)
    }
}

/// A SIG's board: its cards in column order and how fresh it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapBoard {
    pub sig_slug: String,
    pub sig_name: String,
    pub current_month: Month,
    /// Ordered by status, then by the leads' order within the column.
    pub cards: Vec<RoadmapCard>,
    /// Days since the last change; `None` when nothing was ever added.
    pub days_since_update: Option<i64>,
    /// Whether the visitor may change the board (leads and admins).
    pub can_edit: bool,
}

impl RoadmapBoard {
    pub fn is_stale(&self) -> bool {
        self.days_since_update
            .is_some_and(|days| days >= STALE_AFTER_DAYS)
    }
}

/// One change in an item's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Who made it; "someone" when their profile is gone.
    pub who: String,
    /// Unix seconds.
    pub at: i64,
    /// `at` in UTC, written out on the server so both renders agree.
    pub at_label: String,
    /// `at` as an RFC 3339 timestamp, for `<time datetime>`.
    pub at_iso: String,
    pub summary: String,
    pub version: i64,
}

/// An item's own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapItemDetail {
    pub card: RoadmapCard,
    /// Sanitised HTML from the markdown description.
    pub description_html: String,
    pub exit_criterion: String,
    /// Newest first.
    pub history: Vec<HistoryEntry>,
    pub can_edit: bool,
}

/// Creating (`id` 0) or editing an item. `version` is the one the editor
/// started from; the save fails if the item changed since.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoadmapItemForm {
    pub sig: String,
    pub id: i64,
    pub version: i64,
    pub title: String,
    pub description: String,
    pub status: String,
    pub target_month: String,
    /// A person id, or empty for nobody.
    pub owner: String,
    pub link_url: String,
    pub exit_criterion: String,
}

/// What the item form needs: the values to start from and the choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapItemEditor {
    pub form: RoadmapItemForm,
    pub sig_name: String,
    pub owners: Vec<Choice>,
    pub months: Vec<Choice>,
}

/// A form that passed its checks, in typed values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidItem {
    pub title: String,
    pub description: String,
    pub status: RoadmapStatus,
    pub target_month: Month,
    pub owner: Option<i64>,
    pub link_url: Option<String>,
    pub exit_criterion: String,
}

impl RoadmapItemForm {
    /// Checks every field against the months allowed around `current`.
    pub fn validate(&self, current: Month) -> Result<ValidItem, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", crate::i18n::t("check-item-title"));
        }
        check_length(&mut errors, "title", title, ITEM_TITLE_MAX_CHARS);
        check_length(
            &mut errors,
            "description",
            &self.description,
            ITEM_DESCRIPTION_MAX_CHARS,
        );
        check_length(
            &mut errors,
            "exit_criterion",
            self.exit_criterion.trim(),
            EXIT_CRITERION_MAX_CHARS,
        );
        let status = RoadmapStatus::parse(self.status.trim());
        if status.is_none() {
            errors.add("status", crate::i18n::t("check-status"));
        }
        let target_month = Month::parse(&self.target_month);
        match target_month {
            None => errors.add("target_month", crate::i18n::t("check-month")),
            Some(month) if (month.0 - current.0).abs() > MONTH_RANGE => errors.add(
                "target_month",
                crate::i18n::t_with("check-month-range", &[("months", MONTH_RANGE.into())]),
            ),
            Some(_) => {}
        }
        let owner = self.owner.trim();
        let owner_id = if owner.is_empty() {
            None
        } else {
            let parsed = owner.parse::<i64>().ok().filter(|id| *id > 0);
            if parsed.is_none() {
                errors.add("owner", crate::i18n::t("check-owner"));
            }
            parsed
        };
        if let Err(message) = check_web_url(&self.link_url) {
            errors.add("link_url", message);
        }
        errors.into_result()?;
        let link = self.link_url.trim();
        Ok(ValidItem {
            title: title.to_owned(),
            description: self.description.clone(),
            status: status.unwrap_or(RoadmapStatus::Proposed),
            target_month: target_month.unwrap_or(current),
            owner: owner_id,
            link_url: (!link.is_empty()).then(|| link.to_owned()),
            exit_criterion: self.exit_criterion.trim().to_owned(),
        })
    }
}

/// The community board's filters, read from the address (`?sig=…&status=…`).
/// Values that do not parse mean "any", so an old link never breaks the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoadmapFilter {
    pub sig: String,
    pub status: String,
    pub month: String,
    pub owner: String,
}

impl RoadmapFilter {
    pub fn status(&self) -> Option<RoadmapStatus> {
        RoadmapStatus::parse(&self.status)
    }

    pub fn month(&self) -> Option<Month> {
        Month::parse(&self.month)
    }

    pub fn owner(&self) -> Option<i64> {
        self.owner.parse().ok()
    }

    /// Whether `card` passes every filter that is set.
    pub fn matches(&self, card: &RoadmapCard) -> bool {
        (self.sig.is_empty() || card.sig_slug == self.sig)
            && match self.status() {
                Some(status) => card.status == status,
                // Without a status filter, dropped items stay out of the way.
                None => card.status != RoadmapStatus::Dropped,
            }
            && self.month().is_none_or(|month| card.target_month == month)
            && self
                .owner()
                .is_none_or(|owner| card.owner.as_ref().is_some_and(|o| o.person_id == owner))
    }
}

/// The community board: the matching cards and the filters' choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityRoadmap {
    pub cards: Vec<RoadmapCard>,
    pub total: usize,
    pub sigs: Vec<Choice>,
    pub owners: Vec<Choice>,
    pub months: Vec<Choice>,
}

/// How a linked issue or PR reads: `owner/repo#123` for GitHub (and
/// GitLab-style `/-/issues/`) addresses, else the address's host.
pub fn link_label(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let mut parts = rest.split(['/', '?', '#']);
    let host = parts.next().unwrap_or_default();
    let path: Vec<&str> = parts
        .filter(|part| !part.is_empty() && *part != "-")
        .collect();
    match path.as_slice() {
        [owner, repo, "issues" | "pull" | "pulls" | "merge_requests", number, ..]
            if number.chars().all(|c| c.is_ascii_digit()) =>
        {
            format!("{owner}/{repo}#{number}")
        }
        _ if !host.is_empty() => {
            crate::i18n::t_with("link-on", &[("host", host.to_owned().into())])
        }
        _ => crate::i18n::t("link-issue-or-pr"),
    }
}

#[cfg(feature = "ssr")]
pub mod stored;
#[cfg(test)]
mod tests;
