//! Forms that change a SIG, and the checks the browser and server share.

use std::collections::BTreeMap;

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
    /// The description and mission in the other languages, by tag
    /// (`form[translations][zh-CN][mission]`).
    pub translations: BTreeMap<String, SigTexts>,
}

/// A SIG's description and mission in one language; empty when untranslated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SigTexts {
    pub description: String,
    pub mission: String,
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
            errors.add("name", crate::i18n::t("check-group-name"));
        }
        check_length(&mut errors, "name", name, NAME_MAX_CHARS);
        let kind = SigKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", crate::i18n::t("check-kind"));
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
    /// The last day of a chair's or tech lead's term (YYYY-MM-DD), or empty
    /// for none; the day after, they become emeritus.
    pub term_ends_on: String,
}

/// An appointment form that passed its checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appointed {
    pub role: LeadRole,
    pub term_ends_on: Option<crate::models::meeting::Day>,
}

/// Editing a governance page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuidanceEditForm {
    pub slug: String,
    pub title: String,
    pub markdown: String,
    /// The page in the other languages, by tag.
    pub translations: BTreeMap<String, GuidanceText>,
}

/// A governance page's title and text in one language; empty when untranslated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuidanceText {
    pub title: String,
    pub markdown: String,
}

/// A translation must be into a language the site offers besides the default.
fn check_offered(errors: &mut FieldErrors, tag: &str, field: &str) {
    if crate::i18n::Language::parse(tag).is_none_or(|language| language.is_default()) {
        errors.add(field, crate::i18n::t("check-language"));
    }
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
        Err(crate::i18n::t("check-slug"))
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
        for (tag, texts) in &self.translations {
            let key = |field: &str| format!("translations.{tag}.{field}");
            check_offered(&mut errors, tag, &key("description"));
            check_length(
                &mut errors,
                &key("description"),
                texts.description.trim(),
                DESCRIPTION_MAX_CHARS,
            );
            check_length(
                &mut errors,
                &key("mission"),
                &texts.mission,
                MISSION_MAX_CHARS,
            );
        }
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
            errors.add("chat_url", crate::i18n::t("check-chat-url"));
        }
        let policy = self.join_policy.trim();
        if !policy.is_empty() && crate::models::membership::JoinPolicy::parse(policy).is_none() {
            errors.add("join_policy", crate::i18n::t("check-join-policy"));
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
            errors.add("name", crate::i18n::t("check-group-name"));
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
            errors.add("kind", crate::i18n::t("check-kind"));
        }
        errors.into_result()?;
        Ok(kind.unwrap_or(SigKind::Sig))
    }
}

impl AppointLeadForm {
    /// Checks every field; a term must end after `today`.
    pub fn validate(&self, today: crate::models::meeting::Day) -> Result<Appointed, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.display_name.trim();
        if name.is_empty() {
            errors.add("display_name", crate::i18n::t("check-lead-name"));
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
            errors.add("role", crate::i18n::t("check-role"));
        }
        let term = self.term_ends_on.trim();
        let term_ends_on = if term.is_empty() || role == Some(LeadRole::Emeritus) {
            None
        } else {
            let day = crate::models::meeting::Day::parse(term);
            match day {
                None => errors.add("term_ends_on", crate::i18n::t("check-term-day")),
                Some(day) if day <= today => {
                    errors.add("term_ends_on", crate::i18n::t("check-term-ahead"))
                }
                Some(_) => {}
            }
            day
        };
        errors.into_result()?;
        Ok(Appointed {
            role: role.unwrap_or(LeadRole::Chair),
            term_ends_on,
        })
    }
}

impl GuidanceEditForm {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.title.trim().is_empty() {
            errors.add("title", crate::i18n::t("check-page-title"));
        }
        check_length(&mut errors, "title", self.title.trim(), TITLE_MAX_CHARS);
        check_length(&mut errors, "markdown", &self.markdown, PAGE_MAX_CHARS);
        for (tag, text) in &self.translations {
            let key = |field: &str| format!("translations.{tag}.{field}");
            check_offered(&mut errors, tag, &key("title"));
            check_length(
                &mut errors,
                &key("title"),
                text.title.trim(),
                TITLE_MAX_CHARS,
            );
            check_length(
                &mut errors,
                &key("markdown"),
                &text.markdown,
                PAGE_MAX_CHARS,
            );
        }
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
