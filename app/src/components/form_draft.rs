//! What a person typed into a form the server refused, so the form comes
//! back with every value and every tick as they left it.
//!
//! A refused plain form post is redirected back to its page (with the
//! error in the address). The server keeps the submitted fields for a few
//! minutes, tied to the browser by a cookie, and puts them in the request
//! of the page that shows the refusal; the form components read them here
//! before the stored values. Passwords are never kept.

use serde::{Deserialize, Serialize};

/// The fields of a refused submission, by their form names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft(pub Vec<(String, String)>);

impl FormDraft {
    /// Whether a field of this name may be kept at all.
    pub fn keeps(name: &str) -> bool {
        !name.contains("password") && name != "form[website]"
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The refused submission this page shows, if any (server only; in the
/// browser, forms are plain server-rendered HTML).
pub fn submitted() -> Option<FormDraft> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<FormDraft>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The value `name` had when the form was refused, or `stored`.
pub fn drafted_or(name: &str, stored: String) -> String {
    submitted()
        .and_then(|draft| draft.get(name).map(str::to_owned))
        .filter(|_| FormDraft::keeps(name))
        .unwrap_or(stored)
}

/// Whether the box `name` was ticked when the form was refused, or `ticked`
/// when nothing was refused (an unticked box sends nothing).
pub fn ticked_or(name: &str, ticked: bool) -> bool {
    submitted().map_or(ticked, |draft| draft.get(name).is_some())
}

/// The key an error is reported under for a field named `name`:
/// `form[display_name]` → `display_name`, and a field of a nested map
/// such as `form[translations][zh-CN][mission]` → `translations.zh-CN.mission`.
pub fn error_key(name: &str) -> String {
    let inner = name.strip_prefix("form[").unwrap_or(name);
    inner
        .split(']')
        .map(|part| part.trim_start_matches('['))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_keys_follow_the_form_names() {
        assert_eq!(error_key("form[display_name]"), "display_name");
        assert_eq!(
            error_key("form[translations][zh-CN][mission]"),
            "translations.zh-CN.mission"
        );
        assert_eq!(error_key("email"), "email");
    }

    #[test]
    fn passwords_and_the_honeypot_are_never_kept() {
        assert!(!FormDraft::keeps("form[password]"));
        assert!(!FormDraft::keeps("form[website]"));
        assert!(FormDraft::keeps("form[interest]"));
    }
}
