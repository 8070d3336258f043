//! Pieces every form shares: the length check, web addresses and the
//! choices of a `<select>`, in the same words on every form.

use serde::{Deserialize, Serialize};

use crate::errors::FieldErrors;

pub const URL_MAX_CHARS: usize = 500;

/// A choice in a `<select>`: the value sent and the text shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// What is wrong with `value` if it is longer than `max` characters.
pub fn length_problem(value: &str, max: usize) -> Option<String> {
    (value.chars().count() > max).then(|| {
        crate::i18n::t_with(
            "check-length",
            &[("max", crate::i18n::FluentValue::from(max))],
        )
    })
}

/// Adds `field`'s length problem, if it has one.
pub fn check_length(errors: &mut FieldErrors, field: &str, value: &str, max: usize) {
    if let Some(problem) = length_problem(value, max) {
        errors.add(field, problem);
    }
}

/// Empty, or an absolute http(s) address.
pub fn check_web_url(url: &str) -> Result<(), String> {
    let url = url.trim();
    if url.is_empty() {
        return Ok(());
    }
    let lower = url.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let host = url.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    if !scheme_ok || host.is_empty() || url.chars().any(char::is_whitespace) {
        return Err(crate::i18n::t("check-url"));
    }
    match length_problem(url, URL_MAX_CHARS) {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}
