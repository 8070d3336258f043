//! Accounts as the browser sees them, and the checks forms and server share.

use serde::{Deserialize, Serialize};

use super::fields::length_problem;
use crate::errors::FieldErrors;

pub const NAME_MAX_CHARS: usize = 80;
pub const EMAIL_MAX_CHARS: usize = 254;
pub const GITHUB_MAX_CHARS: usize = 39;
pub const PASSWORD_MIN_CHARS: usize = 8;
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Who is signed in, for the header and for pages that change with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub display_name: String,
    pub is_admin: bool,
}

/// The sign-up form. Missing fields read as empty, so they get a message on
/// the field rather than a parse error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignUpForm {
    pub display_name: String,
    pub email: String,
    pub github_handle: String,
    pub password: String,
}

/// The sign-in form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignInForm {
    pub email: String,
    pub password: String,
    /// The page that asked for sign-in, to return to (this site's paths only).
    #[serde(default)]
    pub next: String,
}

/// Where to go after signing in: `next` when it is a path of this site
/// (never another site, `//host` or `/\host`), else the home page.
pub fn return_path(next: &str) -> &str {
    let before_query = next.split(['?', '#']).next().unwrap_or_default();
    let same_site = next.starts_with('/')
        && !before_query.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    if same_site {
        next
    } else {
        "/"
    }
}

/// Choosing a new password from an e-mailed link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResetPasswordForm {
    pub token: String,
    pub password: String,
}

impl SignUpForm {
    /// Checks every field; the server also refuses common passwords.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if let Err(message) = check_display_name(&self.display_name) {
            errors.add("display_name", message);
        }
        if let Err(message) = check_email(&self.email) {
            errors.add("email", message);
        }
        if let Err(message) = check_github_handle(&self.github_handle) {
            errors.add("github_handle", message);
        }
        if let Err(message) = check_password_length(&self.password) {
            errors.add("password", message);
        }
        errors.into_result()
    }
}

/// A name to show on a profile: not blank, not too long.
pub fn check_display_name(name: &str) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        Err(crate::i18n::t("check-name"))
    } else {
        length_problem(name, NAME_MAX_CHARS).map_or(Ok(()), Err)
    }
}

/// An address with one `@`, something before it and a dotted domain after it.
pub fn check_email(email: &str) -> Result<(), String> {
    let email = email.trim();
    if email.is_empty() {
        return Err(crate::i18n::t("check-email-empty"));
    }
    if let Some(problem) = length_problem(email, EMAIL_MAX_CHARS) {
        return Err(problem);
    }
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if valid {
        Ok(())
    } else {
        Err(crate::i18n::t("check-email"))
    }
}

/// Empty, or a GitHub login: letters, digits and single inner hyphens.
pub fn check_github_handle(handle: &str) -> Result<(), String> {
    let handle = handle.trim().trim_start_matches('@');
    if handle.is_empty() {
        return Ok(());
    }
    let valid = handle.chars().count() <= GITHUB_MAX_CHARS
        && handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !handle.starts_with('-')
        && !handle.ends_with('-')
        && !handle.contains("--");
    if valid {
        Ok(())
    } else {
        Err(crate::i18n::t("check-github"))
    }
}

pub fn check_password_length(password: &str) -> Result<(), String> {
    let length = password.chars().count();
    if length < PASSWORD_MIN_CHARS {
        Err(crate::i18n::t_with(
            "check-length-min",
            &[("min", PASSWORD_MIN_CHARS.into())],
        ))
    } else if length > PASSWORD_MAX_CHARS {
        Err(crate::i18n::t_with(
            "check-length",
            &[("max", PASSWORD_MAX_CHARS.into())],
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("ada@example.org", true)]
    #[case("  Ada.Lovelace+sigs@mail.example.org ", true)]
    #[case("", false)]
    #[case("ada", false)]
    #[case("ada@", false)]
    #[case("@example.org", false)]
    #[case("ada@localhost", false)]
    #[case("ada@@example.org", false)]
    #[case("a da@example.org", false)]
    #[case("ada@example.org.", false)]
    fn e_mail_addresses(#[case] email: &str, #[case] valid: bool) {
        assert_eq!(check_email(email).is_ok(), valid, "{email}");
    }

    #[rstest]
    #[case("", true)]
    #[case("octocat", true)]
    #[case("@linuxSuRen", true)]
    #[case("stoneshi-yunify", true)]
    #[case("-bad", false)]
    #[case("bad--name", false)]
    #[case("https://github.com/x", false)]
    #[case("a234567890123456789012345678901234567890", false)]
    fn github_handles(#[case] handle: &str, #[case] valid: bool) {
        assert_eq!(check_github_handle(handle).is_ok(), valid, "{handle}");
    }

    #[test]
    fn sign_up_reports_every_bad_field() {
        let form = SignUpForm {
            display_name: " ".into(),
            email: "nope".into(),
            github_handle: "-x".into(),
            password: "short".into(),
        };
        let errors = form.validate().expect_err("invalid");
        for field in ["display_name", "email", "github_handle", "password"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
