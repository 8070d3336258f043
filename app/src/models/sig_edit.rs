//! Forms that change a SIG, and the checks the browser and server share.

use serde::{Deserialize, Serialize};

use super::account::{check_email, check_github_handle, NAME_MAX_CHARS};
use super::fields::{check_length, check_web_url};
use super::sig::{LeadRole, SigKind};
use crate::errors::FieldErrors;

pub const DESCRIPTION_MAX_CHARS: usize = 300;
pub const MISSION_MAX_CHARS: usize = 20_000;
pub const SLUG_MAX_CHARS: usize = 60;
pub const TITLE_MAX_CHARS: usize = 120;
pub const PAGE_MAX_CHARS: usize = 40_000;

/// What a SIG's leads may change about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SigEditForm {
    pub slug: String,
    pub description: String,
    pub mission: String,
    pub chat_label: String,
    pub chat_url: String,
    pub mailing_list_url: String,
    pub meeting_notes_url: String,
    pub recordings_url: String,
    /// `open` or `approval`; empty keeps the current policy.
    pub join_policy: String,
}

/// A new group, created by an admin.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewSigForm {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub description: String,
}

/// Renaming a group or changing its kind (admins).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RenameSigForm {
    pub slug: String,
    pub name: String,
    pub kind: String,
}

impl RenameSigForm {
    pub fn validate(&self) -> Result<SigKind, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", "Give the group a name.");
        }
        check_length(&mut errors, "name", name, NAME_MAX_CHARS);
        let kind = SigKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "Choose what kind of group this is.");
        }
        errors.into_result()?;
        Ok(kind.unwrap_or(SigKind::Sig))
    }
}

/// Appointing a lead: an existing person (by e-mail or GitHub handle) or a
/// new one, who is then invited by e-mail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppointLeadForm {
    pub slug: String,
    pub display_name: String,
    pub email: String,
    pub github_handle: String,
    pub role: String,
}

/// Editing a governance page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuidanceEditForm {
    pub slug: String,
    pub title: String,
    pub markdown: String,
}

/// Lower-case letters, digits and single inner hyphens.
pub fn check_slug(slug: &str) -> Result<(), String> {
    let valid = !slug.is_empty()
        && slug.len() <= SLUG_MAX_CHARS
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if valid {
        Ok(())
    } else {
        Err("Use lower-case letters, digits and hyphens, such as sig-storage.".into())
    }
}

impl SigEditForm {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_length(
            &mut errors,
            "description",
            self.description.trim(),
            DESCRIPTION_MAX_CHARS,
        );
        check_length(&mut errors, "mission", &self.mission, MISSION_MAX_CHARS);
        check_length(
            &mut errors,
            "chat_label",
            self.chat_label.trim(),
            NAME_MAX_CHARS,
        );
        for (field, url) in [
            ("chat_url", &self.chat_url),
            ("mailing_list_url", &self.mailing_list_url),
            ("meeting_notes_url", &self.meeting_notes_url),
            ("recordings_url", &self.recordings_url),
        ] {
            if let Err(message) = check_web_url(url) {
                errors.add(field, message);
            }
        }
        if !self.chat_label.trim().is_empty() && self.chat_url.trim().is_empty() {
            errors.add("chat_url", "Give the channel's address too.");
        }
        let policy = self.join_policy.trim();
        if !policy.is_empty() && crate::models::membership::JoinPolicy::parse(policy).is_none() {
            errors.add("join_policy", "Choose open joining or lead approval.");
        }
        errors.into_result()
    }
}

impl NewSigForm {
    pub fn validate(&self) -> Result<SigKind, FieldErrors> {
        let mut errors = FieldErrors::default();
        if let Err(message) = check_slug(self.slug.trim()) {
            errors.add("slug", message);
        }
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", "Give the group a name.");
        }
        check_length(&mut errors, "name", name, NAME_MAX_CHARS);
        check_length(
            &mut errors,
            "description",
            self.description.trim(),
            DESCRIPTION_MAX_CHARS,
        );
        let kind = SigKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "Choose what kind of group this is.");
        }
        errors.into_result()?;
        Ok(kind.unwrap_or(SigKind::Sig))
    }
}

impl AppointLeadForm {
    pub fn validate(&self) -> Result<LeadRole, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.display_name.trim();
        if name.is_empty() {
            errors.add("display_name", "Give the lead's name.");
        }
        check_length(&mut errors, "display_name", name, NAME_MAX_CHARS);
        if let Err(message) = check_email(&self.email) {
            errors.add("email", message);
        }
        if let Err(message) = check_github_handle(&self.github_handle) {
            errors.add("github_handle", message);
        }
        let role = LeadRole::parse(self.role.trim());
        if role.is_none() {
            errors.add("role", "Choose chair, tech lead or emeritus.");
        }
        errors.into_result()?;
        Ok(role.unwrap_or(LeadRole::Chair))
    }
}

impl GuidanceEditForm {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.title.trim().is_empty() {
            errors.add("title", "Give the page a title.");
        }
        check_length(&mut errors, "title", self.title.trim(), TITLE_MAX_CHARS);
        check_length(&mut errors, "markdown", &self.markdown, PAGE_MAX_CHARS);
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("", true)]
    #[case("https://docs.google.com/document/d/1", true)]
    #[case("http://example.org", true)]
    #[case("javascript:alert(1)", false)]
    #[case("JaVaScRiPt:alert(1)", false)]
    #[case("data:text/html,x", false)]
    #[case("https://", false)]
    #[case("//example.org", false)]
    #[case("https://exa mple.org", false)]
    fn only_web_addresses_are_links(#[case] url: &str, #[case] valid: bool) {
        assert_eq!(check_web_url(url).is_ok(), valid, "{url}");
    }

    #[rstest]
    #[case("storage", true)]
    #[case("sig-storage-2", true)]
    #[case("", false)]
    #[case("Storage", false)]
    #[case("-x", false)]
    #[case("a--b", false)]
    #[case("../etc", false)]
    fn slugs(#[case] slug: &str, #[case] valid: bool) {
        assert_eq!(check_slug(slug).is_ok(), valid, "{slug}");
    }

    #[test]
    fn an_edit_with_a_script_link_and_an_overlong_description_is_refused() {
        let form = SigEditForm {
            description: "x".repeat(DESCRIPTION_MAX_CHARS + 1),
            chat_url: "javascript:alert(1)".into(),
            ..SigEditForm::default()
        };
        let errors = form.validate().expect_err("invalid");
        assert!(errors.get("description").is_some());
        assert!(errors.get("chat_url").is_some());
    }
}
