//! Which language a request is answered in. A page's language is in its
//! address (`/zh-CN/sigs`; the default's pages have no prefix): the prefix
//! is taken off before routing and the language goes into the request's
//! extensions, where `app::i18n::language` finds it. A visitor without a
//! choice yet (no cookie) who opens an unprefixed page is sent to the
//! language their browser prefers; a choice made with the switch (a
//! cookie) wins. Server functions and feeds have no prefix: they answer in
//! the language of the page they were sent from, else the choice, else the
//! browser's.

use app::i18n::{Language, COOKIE};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use fluent_langneg::{accepted_languages, negotiate_languages, NegotiationStrategy};

/// Paths that are not pages: never redirected, and without a prefix.
const NOT_PAGES: [&str; 8] = [
    "/api/",
    "/auth/",
    "/pkg/",
    "/preferences/",
    "/healthz",
    "/readyz",
    "/metrics",
    "/calendar/",
];

/// The middleware, around the whole router (it changes the path routed).
pub async fn choose(mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let (in_path, rest) = Language::of_path(&path);
    let language = if !in_path.is_default() {
        let rest = rest.to_owned();
        *request.uri_mut() = with_path(request.uri(), &rest);
        in_path
    } else if is_page(&path) && matches!(*request.method(), Method::GET | Method::HEAD) {
        let wanted = chosen(request.headers()).unwrap_or_else(|| preferred(request.headers()));
        if !wanted.is_default() {
            let target = match request.uri().query() {
                Some(query) => format!("{}?{query}", wanted.href(&path)),
                None => wanted.href(&path),
            };
            // A URI is visible ASCII, so this is a valid header; "/" if not.
            let location =
                HeaderValue::from_str(&target).unwrap_or_else(|_| HeaderValue::from_static("/"));
            return (
                StatusCode::SEE_OTHER,
                [
                    (header::LOCATION, location),
                    (
                        header::VARY,
                        HeaderValue::from_static("accept-language, cookie"),
                    ),
                ],
            )
                .into_response();
        }
        Language::default()
    } else {
        of_referer(request.headers())
            .or_else(|| chosen(request.headers()))
            .unwrap_or_else(|| preferred(request.headers()))
    };
    request.extensions_mut().insert(language);
    let mut response = next.run(request).await;
    if let Ok(tag) = HeaderValue::from_str(language.tag()) {
        response.headers_mut().insert(header::CONTENT_LANGUAGE, tag);
    }
    response
}

fn is_page(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    // Files and feeds (`.atom`, `.ics`, `.md`, `.csv`, `.xml`, `.txt`, `.svg`…).
    !NOT_PAGES.iter().any(|prefix| path.starts_with(prefix)) && !last.contains('.')
}

/// `uri` with another path, its query kept.
fn with_path(uri: &Uri, path: &str) -> Uri {
    let path_and_query = match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_owned(),
    };
    path_and_query.parse().unwrap_or_else(|_| uri.clone())
}

/// The language the visitor chose with the switch, if any.
fn chosen(headers: &HeaderMap) -> Option<Language> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, tag)| Language::parse(tag.trim()))
}

/// The language of the page a request was sent from (same site only).
fn of_referer(headers: &HeaderMap) -> Option<Language> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let path = referer.split_once("://")?.1.strip_prefix(host)?;
    Some(Language::of_path(path).0)
}

/// The best of our languages for the browser's `Accept-Language`.
pub fn preferred(headers: &HeaderMap) -> Language {
    // No preference (scripts, crawlers): nothing to negotiate.
    let Some(value) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
    else {
        return Language::default();
    };
    let accepted = accepted_languages::parse(value);
    let ours: Vec<_> = Language::all().map(Language::id).collect();
    let Some(default) = ours.first().cloned() else {
        return Language::default();
    };
    // "Lookup" lets a plain `zh` or `zh-Hans` reach zh-CN.
    negotiate_languages(
        &accepted,
        &ours,
        Some(&default),
        NegotiationStrategy::Lookup,
    )
    .first()
    .and_then(|best| Language::parse(&best.to_string()))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_str(value).expect("header"),
        );
        headers
    }

    #[test]
    fn the_browser_s_languages_pick_ours() {
        let zh = Language::parse("zh-CN").expect("zh-CN");
        for header in [
            "zh-CN",
            "zh",
            "zh-Hans-CN,en;q=0.5",
            "zh-TW",
            "fr;q=0.9, zh;q=0.8",
        ] {
            assert_eq!(preferred(&accepting(header)), zh, "{header}");
        }
        for header in ["en-US,en;q=0.9", "fr", "", "*", "en;q=0.9, zh;q=0.1"] {
            assert_eq!(
                preferred(&accepting(header)),
                Language::default(),
                "{header}"
            );
        }
        assert_eq!(preferred(&HeaderMap::new()), Language::default());
    }

    #[test]
    fn pages_are_told_from_files_and_functions() {
        for page in ["/", "/sigs", "/sigs/storage", "/join", "/account/sign-in"] {
            assert!(is_page(page), "{page}");
        }
        for other in [
            "/api/join_sigs",
            "/pkg/sigpost.js",
            "/sigs/storage/roadmap.atom",
            "/sitemap.xml",
            "/healthz",
            "/calendar/abc.ics",
        ] {
            assert!(!is_page(other), "{other}");
        }
    }
}
