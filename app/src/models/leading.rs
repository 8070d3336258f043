//! A lead's home (`/my/leading`): for each SIG they lead, what waits for
//! them: requests to answer, people who joined since they last looked,
//! roadmap items overdue or without an owner, and the next meeting.

use serde::{Deserialize, Serialize};

use super::meeting::MeetingInstant;

/// Someone asking to join, or who joined lately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Newcomer {
    pub display_name: String,
    /// What they want to work on, as they wrote it.
    pub interest: String,
    /// When they asked or joined: "2026-12-01".
    pub since_label: String,
}

/// A roadmap item that needs a lead's eye.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemToSee {
    pub href: String,
    pub title: String,
    /// "December 2026".
    pub target_label: String,
}

/// The SIG's next meeting, and whether its agenda or notes page exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextMeeting {
    pub title: String,
    pub when: MeetingInstant,
    pub has_record: bool,
}

/// One SIG a person leads, with what waits for them there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadingSig {
    pub slug: String,
    pub name: String,
    /// "Chair", "Tech lead".
    pub role_label: String,
    pub waiting: Vec<Newcomer>,
    pub new_members: Vec<Newcomer>,
    pub overdue: Vec<ItemToSee>,
    pub ownerless: Vec<ItemToSee>,
    pub next_meeting: Option<NextMeeting>,
}

impl LeadingSig {
    /// Whether nothing asks for the lead's attention.
    pub fn is_quiet(&self) -> bool {
        self.waiting.is_empty()
            && self.new_members.is_empty()
            && self.overdue.is_empty()
            && self.ownerless.is_empty()
            && self
                .next_meeting
                .as_ref()
                .is_none_or(|next| next.has_record)
    }
}
