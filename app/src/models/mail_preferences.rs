//! What a person wants to hear about by e-mail, and the zone they read the
//! times of meetings in.

use serde::{Deserialize, Serialize};

use crate::errors::FieldErrors;
use crate::models::meeting::ZONE_MAX_CHARS;

/// The e-mails someone may turn off, each with its unsubscribe links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailList {
    /// A meeting of their SIGs cancelled, moved, or a series ended.
    MeetingChanges,
    /// The weekly digest of their SIGs (opt-in).
    WeeklyDigest,
    /// Reminders to leads about their SIGs.
    LeadReminders,
}

impl MailList {
    /// As unsubscribe links name it.
    pub fn as_str(self) -> &'static str {
        match self {
            MailList::MeetingChanges => "meeting-changes",
            MailList::WeeklyDigest => "weekly-digest",
            MailList::LeadReminders => "lead-reminders",
        }
    }

    /// The column of `mail_preferences` that keeps whether it comes.
    pub fn column(self) -> &'static str {
        match self {
            MailList::MeetingChanges => "meeting_changes",
            MailList::WeeklyDigest => "weekly_digest",
            MailList::LeadReminders => "lead_reminders",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "meeting-changes" => Some(MailList::MeetingChanges),
            "weekly-digest" => Some(MailList::WeeklyDigest),
            "lead-reminders" => Some(MailList::LeadReminders),
            _ => None,
        }
    }
}

/// A person's choices as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailPreferences {
    pub meeting_changes: bool,
    pub weekly_digest: bool,
    pub lead_reminders: bool,
    /// An IANA zone; `None` reads each meeting in its own zone.
    pub time_zone: Option<String>,
}

impl Default for MailPreferences {
    fn default() -> Self {
        MailPreferences {
            meeting_changes: true,
            weekly_digest: false,
            lead_reminders: true,
            time_zone: None,
        }
    }
}

/// The account page's e-mail form, as it sends it: a checkbox sends its
/// value only when ticked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MailPreferencesForm {
    pub meeting_changes: String,
    pub weekly_digest: String,
    pub lead_reminders: String,
    pub time_zone: String,
}

fn ticked(on: bool) -> String {
    if on { "on" } else { "" }.to_owned()
}

impl MailPreferencesForm {
    pub fn of(preferences: &MailPreferences) -> Self {
        MailPreferencesForm {
            meeting_changes: ticked(preferences.meeting_changes),
            weekly_digest: ticked(preferences.weekly_digest),
            lead_reminders: ticked(preferences.lead_reminders),
            time_zone: preferences.time_zone.clone().unwrap_or_default(),
        }
    }

    /// Checks the zone; `canonical_zone` maps a name to its IANA spelling
    /// (the server has the zone data).
    pub fn validate(
        &self,
        canonical_zone: impl Fn(&str) -> Option<String>,
    ) -> Result<MailPreferences, FieldErrors> {
        let zone = self.time_zone.trim();
        let mut errors = FieldErrors::default();
        let time_zone = if zone.is_empty() {
            None
        } else if zone.chars().count() > ZONE_MAX_CHARS {
            let max = [("max", ZONE_MAX_CHARS.into())];
            errors.add("time_zone", crate::i18n::t_with("check-length", &max));
            None
        } else {
            let canonical = canonical_zone(zone);
            if canonical.is_none() {
                errors.add("time_zone", crate::i18n::t("check-mail-zone"));
            }
            canonical
        };
        errors.into_result()?;
        Ok(MailPreferences {
            meeting_changes: !self.meeting_changes.is_empty(),
            weekly_digest: !self.weekly_digest.is_empty(),
            lead_reminders: !self.lead_reminders.is_empty(),
            time_zone,
        })
    }
}

/// What the e-mail section of the account page needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailPreferencesEditor {
    pub form: MailPreferencesForm,
    pub zones: Vec<String>,
    /// Without an address no e-mail is sent at all; the page says so.
    pub has_email: bool,
    /// Reminders go to leads only: others are not offered them.
    pub is_lead: bool,
}

/// An unsubscribe link's page: which e-mails, and whether they still come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub list: MailList,
    pub subscribed: bool,
}

#[cfg(test)]
mod tests {
    use super::{MailList, MailPreferencesForm};

    fn zone(name: &str) -> Option<String> {
        (name == "asia/shanghai").then(|| "Asia/Shanghai".to_owned())
    }

    #[test]
    fn the_form_reads_its_box_and_zone() {
        let form = MailPreferencesForm {
            time_zone: " asia/shanghai ".into(),
            weekly_digest: "on".into(),
            ..MailPreferencesForm::default()
        };
        let preferences = form.validate(zone).expect("valid");
        assert!(!preferences.meeting_changes);
        assert!(preferences.weekly_digest);
        assert!(!preferences.lead_reminders);
        assert_eq!(preferences.time_zone.as_deref(), Some("Asia/Shanghai"));
        let ticked = MailPreferencesForm {
            meeting_changes: "on".into(),
            lead_reminders: "on".into(),
            ..MailPreferencesForm::default()
        };
        let preferences = ticked.validate(zone).expect("valid");
        assert!(preferences.meeting_changes);
        assert_eq!(preferences.time_zone, None);
        assert_eq!(MailPreferencesForm::of(&preferences), ticked);
    }

    #[test]
    fn an_unknown_or_long_zone_is_refused_on_its_field() {
        for typed in ["Shanghai time".to_owned(), "x".repeat(65)] {
            let form = MailPreferencesForm {
                time_zone: typed,
                ..MailPreferencesForm::default()
            };
            let errors = form.validate(zone).expect_err("refused");
            assert_eq!(errors.0[0].0, "time_zone");
        }
    }

    #[test]
    fn lists_read_back_their_names() {
        for list in [
            MailList::MeetingChanges,
            MailList::WeeklyDigest,
            MailList::LeadReminders,
        ] {
            assert_eq!(MailList::parse(list.as_str()), Some(list));
        }
        assert_eq!(MailList::parse("everything"), None);
    }
}
