//! Joining SIGs as the browser sees it: the join form and its checks, a
//! person's memberships, the welcome page, and a SIG's roster for its leads.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::meeting::{MeetingInstant, SeriesView};

use super::account::{check_display_name, check_email, check_github_handle};
use super::fields::check_length;
use super::roadmap::RoadmapCard;
use super::sig::{Lead, NamedLink};
use crate::errors::FieldErrors;

pub const INTEREST_MAX_CHARS: usize = 1_000;
pub const DECISION_MESSAGE_MAX_CHARS: usize = 1_000;
/// Most SIGs one request may ask to join.
pub const MAX_SIGS_PER_REQUEST: usize = 40;

/// Where a membership stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MembershipStatus {
    /// Waiting for the newcomer to follow the e-mailed link.
    Unconfirmed,
    /// Confirmed; the SIG's leads decide.
    AwaitingApproval,
    Active,
    Declined,
    Left,
}

impl MembershipStatus {
    const ALL: [MembershipStatus; 5] = [
        Self::Unconfirmed,
        Self::AwaitingApproval,
        Self::Active,
        Self::Declined,
        Self::Left,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unconfirmed => "unconfirmed",
            Self::AwaitingApproval => "awaiting_approval",
            Self::Active => "active",
            Self::Declined => "declined",
            Self::Left => "left",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == value)
    }

    /// How the status reads to the member and to leads.
    pub fn label(self) -> String {
        crate::i18n::t(self.label_key())
    }

    /// The same in `language` (an e-mail's, not the page's).
    #[cfg(feature = "ssr")]
    pub fn label_in(self, language: crate::i18n::Language) -> String {
        language.text(self.label_key())
    }

    fn label_key(self) -> &'static str {
        match self {
            Self::Unconfirmed => "membership-unconfirmed",
            Self::AwaitingApproval => "membership-awaiting-approval",
            Self::Active => "membership-active",
            Self::Declined => "membership-declined",
            Self::Left => "membership-left",
        }
    }

    /// Whether the person counts as part of the SIG or on their way in.
    pub fn is_current(self) -> bool {
        matches!(
            self,
            Self::Unconfirmed | Self::AwaitingApproval | Self::Active
        )
    }
}

/// How a SIG takes new members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JoinPolicy {
    Open,
    Approval,
}

impl JoinPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Approval => "approval",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [Self::Open, Self::Approval]
            .into_iter()
            .find(|policy| policy.as_str() == value)
    }

    /// Where a request to join a SIG with this policy starts: a visitor's
    /// waits for their e-mailed link; a signed-in person joins at once, or
    /// waits for the leads where they approve each member.
    pub fn arriving_status(policy: Option<Self>, visitor: bool) -> MembershipStatus {
        if visitor {
            MembershipStatus::Unconfirmed
        } else if policy == Some(Self::Approval) {
            MembershipStatus::AwaitingApproval
        } else {
            MembershipStatus::Active
        }
    }
}

/// The join form. `sigs` holds one entry per ticked SIG (`form[sigs][slug]`),
/// `website` is a honeypot that people never see and bots fill in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JoinForm {
    pub sigs: BTreeMap<String, String>,
    pub display_name: String,
    pub email: String,
    pub github_handle: String,
    pub interest: String,
    /// "on" when the weekly digest box is ticked.
    pub weekly_digest: String,
    pub website: String,
}

/// Who is joining: a signed-in person, or a visitor who says who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joiner {
    SignedIn(i64),
    Visitor {
        display_name: String,
        email: String,
        github_handle: Option<String>,
    },
}

impl JoinForm {
    /// The ticked SIGs, in order, each once.
    pub fn picked(&self) -> Vec<String> {
        self.sigs
            .keys()
            .map(|slug| slug.trim().to_owned())
            .collect()
    }

    /// Checks the form; a signed-in person (`Some(id)`) gives no details.
    pub fn validate(&self, signed_in: Option<i64>) -> Result<Joiner, FieldErrors> {
        let mut errors = FieldErrors::default();
        let picked = self.picked();
        if picked.is_empty() {
            errors.add("sigs", crate::i18n::t("join-pick-one"));
        } else if picked.len() > MAX_SIGS_PER_REQUEST {
            errors.add(
                "sigs",
                crate::i18n::t_with("join-pick-at-most", &[("max", MAX_SIGS_PER_REQUEST.into())]),
            );
        }
        check_length(
            &mut errors,
            "interest",
            self.interest.trim(),
            INTEREST_MAX_CHARS,
        );
        let joiner = match signed_in {
            Some(person_id) => Joiner::SignedIn(person_id),
            None => {
                let name = self.display_name.trim();
                if let Err(message) = check_display_name(name) {
                    errors.add("display_name", message);
                }
                if let Err(message) = check_email(&self.email) {
                    errors.add("email", message);
                }
                if let Err(message) = check_github_handle(&self.github_handle) {
                    errors.add("github_handle", message);
                }
                let handle = self.github_handle.trim().trim_start_matches('@');
                Joiner::Visitor {
                    display_name: name.to_owned(),
                    email: self.email.trim().to_owned(),
                    github_handle: (!handle.is_empty()).then(|| handle.to_owned()),
                }
            }
        };
        errors.into_result()?;
        Ok(joiner)
    }

    /// Whether a bot filled in the field people never see.
    pub fn is_bot(&self) -> bool {
        !self.website.trim().is_empty()
    }
}

/// A SIG as the join page offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinChoice {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub leads: Vec<Lead>,
    pub needs_approval: bool,
    /// The signed-in person's current membership, if any.
    pub status: Option<MembershipStatus>,
    /// The SIG's soonest meeting, if it has a regular one.
    pub next_meeting: Option<MeetingInstant>,
}

/// What the join page needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinPage {
    pub choices: Vec<JoinChoice>,
    /// The signed-in person's name; `None` for visitors.
    pub signed_in_as: Option<String>,
}

/// One of a person's memberships, for "My SIGs".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySig {
    pub slug: String,
    pub name: String,
    pub status: MembershipStatus,
    pub since_label: String,
    /// A lead's message with their decision, if any.
    pub decision_message: String,
    /// Asked whether they still take part, or shown as inactive.
    pub awaits_answer: bool,
}

/// The page after joining: how to take part in one SIG.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    pub slug: String,
    pub name: String,
    pub chat_channel: Option<NamedLink>,
    pub mailing_list_url: Option<String>,
    pub meeting_notes_url: Option<String>,
    pub recordings_url: Option<String>,
    /// The SIG's regular meetings with their next dates.
    pub meetings: Vec<SeriesView>,
    pub leads: Vec<Lead>,
    /// Planned or proposed items nobody owns yet.
    pub open_items: Vec<RoadmapCard>,
    /// The visitor's membership of this SIG, if signed in.
    pub status: Option<MembershipStatus>,
}

/// One person on a SIG's roster (leads and admins only: it has e-mails).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub membership_id: i64,
    pub display_name: String,
    pub github_handle: Option<String>,
    pub email: Option<String>,
    pub status: MembershipStatus,
    pub interest: String,
    pub requested_label: String,
    pub joined_label: String,
    pub left_label: String,
    /// When they were asked whether they still take part, if unanswered.
    pub asked_label: String,
    /// Since when they are shown as inactive; empty for an active member.
    pub inactive_label: String,
}

impl RosterEntry {
    /// An active member who did not answer whether they still take part.
    pub fn is_inactive(&self) -> bool {
        !self.inactive_label.is_empty()
    }
}

/// A SIG's members for its leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub slug: String,
    pub name: String,
    pub needs_approval: bool,
    pub entries: Vec<RosterEntry>,
}

impl Roster {
    /// How many entries have `status`; inactive members are counted apart.
    pub fn count(&self, status: MembershipStatus) -> usize {
        self.entries
            .iter()
            .filter(|e| e.status == status && !e.is_inactive())
            .count()
    }

    pub fn inactive_count(&self) -> usize {
        self.entries.iter().filter(|e| e.is_inactive()).count()
    }
}

/// A lead's answer to a request to join.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    pub sig: String,
    pub membership_id: i64,
    /// `accept` or `decline`.
    pub decision: String,
    pub message: String,
}

impl DecisionForm {
    /// Whether the request is accepted; errors for anything else.
    pub fn validate(&self) -> Result<bool, FieldErrors> {
        let mut errors = FieldErrors::default();
        let accept = match self.decision.as_str() {
            "accept" => Some(true),
            "decline" => Some(false),
            _ => None,
        };
        if accept.is_none() {
            errors.add("decision", crate::i18n::t("check-decision"));
        }
        check_length(
            &mut errors,
            "message",
            self.message.trim(),
            DECISION_MESSAGE_MAX_CHARS,
        );
        errors.into_result()?;
        Ok(accept.unwrap_or(false))
    }
}

#[cfg(test)]
mod tests;

/// Where the person looking at a page stands with one group, so the page
/// offers "Join" only to those who have not joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// Chair or tech lead (the role's label).
    Lead(String),
    Member,
    /// Asked to join; the link is not confirmed yet or the leads decide.
    Pending,
}

impl Standing {
    /// How a badge says it.
    pub fn label(&self) -> String {
        match self {
            Standing::Lead(role) => role.clone(),
            Standing::Member => crate::i18n::t("standing-member"),
            Standing::Pending => crate::i18n::t("standing-pending"),
        }
    }
}

/// Where the person looking stands with one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupStanding {
    pub slug: String,
    pub name: String,
    pub standing: Standing,
}

/// The standing of the person looking, group by group (empty for visitors).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standings(pub Vec<GroupStanding>);

impl Standings {
    pub fn of(&self, slug: &str) -> Option<&Standing> {
        self.0.iter().find(|g| g.slug == slug).map(|g| &g.standing)
    }
}
