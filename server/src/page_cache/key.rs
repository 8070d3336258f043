//! What tells kept pages apart: the path, the query, the theme, the
//! language and, for a signed-in person, who they are. Requests that must be rendered afresh
//! (a form's error report, an unknown cookie, a person's own tools) have
//! no key.

use axum::extract::Request;
use axum::http::{header, HeaderMap};

/// Paths whose answers must be computed for each request.
const NEVER_CACHED: [&str; 5] = ["/metrics", "/healthz", "/readyz", "/pkg/", "/auth/"];

/// Pages a signed-in person works in: rendered for each request (the
/// lead's home records the visit; admin pages read tables no change
/// notice covers).
const NEVER_KEPT_FOR_A_PERSON: [&str; 3] = ["/my/", "/admin", "/account"];

const THEME_COOKIE: &str = app::theme::COOKIE;
const SESSION_COOKIE: &str = app::auth::SESSION_COOKIE;
/// Read before the cache (it may redirect); the language it settled on
/// is part of the key.
const LANGUAGE_COOKIE: &str = app::i18n::COOKIE;

/// A request's key, before the person behind a session is known.
#[derive(Debug, PartialEq, Eq)]
pub struct Key {
    /// Path, ordered query, theme and language.
    pub page: String,
    /// Whether a session cookie came along: the key then also needs the
    /// person (`for_person`).
    pub signed_in: bool,
}

impl Key {
    /// The key of this page as `person` sees it.
    pub fn for_person(&self, person: i64) -> String {
        format!("{}@{person}", self.page)
    }
}

/// The key of a request that may be answered from memory.
pub fn key_of(request: &Request) -> Option<Key> {
    let path = request.uri().path();
    if NEVER_CACHED.iter().any(|prefix| path.starts_with(prefix))
        || request.headers().contains_key(header::AUTHORIZATION)
    {
        return None;
    }
    let (theme, signed_in) = known_cookies(request.headers())?;
    if signed_in
        && NEVER_KEPT_FOR_A_PERSON
            .iter()
            .any(|prefix| path.starts_with(prefix))
    {
        return None;
    }
    let query = request.uri().query().unwrap_or("");
    // Error reports (`__err`, however it is encoded) are personal: they
    // carry what was typed.
    let lowered = query.to_ascii_lowercase();
    if lowered.contains("__") || lowered.contains("%5f") {
        return None;
    }
    // Parameters as sent, in order of name: no decoding, so two addresses
    // share a page only when the page cannot tell them apart.
    let mut parameters: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
    parameters.sort_by_key(|parameter| parameter.split('=').next().unwrap_or(""));
    let language = request
        .extensions()
        .get::<app::i18n::Language>()
        .copied()
        .unwrap_or_default();
    Some(Key {
        page: format!("{path}?{}#{theme}#{}", parameters.join("&"), language.tag()),
        signed_in,
    })
}

/// The theme cookie's value ("" for none) and whether a session cookie came
/// along; `None` when any other cookie does (a form draft, say).
fn known_cookies(headers: &HeaderMap) -> Option<(String, bool)> {
    let (mut theme, mut signed_in) = (String::new(), false);
    for value in headers.get_all(header::COOKIE) {
        for pair in value.to_str().ok()?.split(';') {
            let pair = pair.trim();
            if pair.is_empty() {
                continue;
            }
            let (name, value) = pair.split_once('=')?;
            match name.trim() {
                THEME_COOKIE => theme = value.trim().to_owned(),
                SESSION_COOKIE => signed_in = true,
                LANGUAGE_COOKIE => {}
                _ => return None,
            }
        }
    }
    Some((theme, signed_in))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn request(uri: &str, cookie: Option<&str>) -> Request {
        let mut builder = Request::builder().uri(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.body(Body::empty()).expect("request")
    }

    #[test]
    fn the_key_orders_the_query_and_names_the_theme() {
        assert_eq!(
            key_of(&request("/roadmap?status=planned&sig=devops", None)),
            key_of(&request("/roadmap?sig=devops&status=planned", None))
        );
        assert_ne!(
            key_of(&request("/sigs?q=%FF", None)),
            key_of(&request("/sigs?q=%EF%BF%BD", None))
        );
        assert_ne!(
            key_of(&request("/sigs", Some("sigpost_theme=dark"))),
            key_of(&request("/sigs", None))
        );
    }

    #[test]
    fn each_language_has_its_own_pages() {
        let english = key_of(&request("/sigs", None)).expect("a key");
        let mut chinese = request("/sigs", Some("sigpost_lang=zh-CN"));
        chinese
            .extensions_mut()
            .insert(app::i18n::Language::parse("zh-CN").expect("zh-CN"));
        assert_ne!(key_of(&chinese).expect("a key"), english);
    }

    #[test]
    fn a_session_asks_for_the_person_and_their_tools_have_no_key() {
        let signed_in = key_of(&request(
            "/sigs",
            Some("sigpost_session=abc; sigpost_theme=dark"),
        ))
        .expect("a key");
        assert!(signed_in.signed_in);
        let anonymous = key_of(&request("/sigs", Some("sigpost_theme=dark"))).expect("a key");
        assert!(!anonymous.signed_in);
        assert_ne!(signed_in.for_person(1), anonymous.page);
        assert_ne!(signed_in.for_person(1), signed_in.for_person(2));
        for tool in ["/my/leading", "/admin/sigs/devops", "/account/sign-in"] {
            assert!(
                key_of(&request(tool, Some("sigpost_session=abc"))).is_none(),
                "{tool}"
            );
            assert!(
                key_of(&request(tool, None)).is_some(),
                "{tool} for a visitor"
            );
        }
    }

    #[test]
    fn personal_requests_have_no_key() {
        assert!(key_of(&request("/sigs", Some("sigpost_theme=dark; other=1"))).is_none());
        assert!(key_of(&request(
            "/sigs",
            Some("sigpost_form=abc; sigpost_session=x")
        ))
        .is_none());
        assert!(key_of(&request("/join?__err=x", None)).is_none());
        assert!(key_of(&request("/join?%5F_err=x", None)).is_none());
        assert!(key_of(&request("/metrics", None)).is_none());
        assert!(key_of(&request("/pkg/sigpost.js", None)).is_none());
    }
}
