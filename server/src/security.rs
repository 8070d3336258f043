//! Protections every request passes through: response headers, refusal of
//! cross-site writes and of control characters, private caching of signed-in
//! answers, and a cap on request bodies.

use app::i18n::Language;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// How long a request body may take to arrive (a slow upload still fits);
/// a body that trickles in slower gets 408 and frees its connection.
pub const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The largest request body any route accepts; larger ones get 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Caps the request bodies of every route in `router` at `MAX_BODY_BYTES`.
/// Routes merged in later (file uploads) set a limit of their own.
pub fn limit_bodies<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router.layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
}

/// Wraps `router` in the protections every request passes through: one
/// middleware (each layer costs every request a clone of the stack below
/// it and a boxed future), and the body timeout outermost, so every body
/// read below it is bounded in time.
pub fn protect<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(middleware::from_fn(guard))
        .layer(RequestBodyTimeoutLayer::new(BODY_TIMEOUT))
}

/// The checks on the way in, then the headers on the way out.
async fn guard(request: Request<Body>, next: Next) -> Response {
    let over_tls = is_over_tls(&request);
    let personal = is_personal(&request);
    let mut response = match refusal(&request) {
        Some(refused) => refused,
        None => refuse_control_characters(request, next).await,
    };
    let headers = response.headers_mut();
    let sets_cookie = headers.contains_key(header::SET_COOKIE);
    if personal || sets_cookie {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    if over_tls {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    for (name, value) in [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    ] {
        headers
            .entry(name)
            .or_insert_with(|| HeaderValue::from_static(value));
    }
    response
}

/// The routes that take file uploads: larger bodies, checked by their
/// handler (a file may hold any bytes; the importer refuses what it cannot read).
const UPLOAD_PREFIX: &str = "/admin/import/";

/// Control characters (NUL and the rest, other than tab and line breaks)
/// are never meaningful in a field, PostgreSQL cannot store NUL, and XML
/// cannot carry most of them: an address or body that carries one, raw,
/// percent-encoded or as a JSON escape, gets 400 before any handler sees
/// it, whatever content type the request claims.
async fn refuse_control_characters(request: Request<Body>, next: Next) -> Response {
    let language = language_of(request.extensions());
    let refused = || (StatusCode::BAD_REQUEST, language.text("refused-control")).into_response();
    let address = request.uri().path_and_query().map_or("", |pq| pq.as_str());
    if has_control_character(address.as_bytes()) {
        return refused();
    }
    let is_upload = request.uri().path().starts_with(UPLOAD_PREFIX)
        && request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|kind| kind.to_ascii_lowercase().starts_with("multipart/form-data"));
    let bodiless = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) && !request.headers().contains_key(header::CONTENT_LENGTH)
        && !request.headers().contains_key(header::TRANSFER_ENCODING);
    if is_upload || bodiless {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return too_large(language);
    };
    if has_control_character(&bytes) {
        return refused();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// Whether `bytes` carry an unwanted control character, read raw, after
/// percent-decoding, or as a `\uXXXX` escape.
fn has_control_character(bytes: &[u8]) -> bool {
    // Plain printable ASCII, nothing escaped: the common case, decided
    // without copying.
    if bytes
        .iter()
        .all(|byte| (0x20..0x7f).contains(byte) && !matches!(byte, b'%' | b'\\'))
    {
        return false;
    }
    let decoded: Vec<u8> = percent_encoding::percent_decode(bytes).collect();
    let text = String::from_utf8_lossy(&decoded);
    text.chars().any(app::escape::is_unwanted_control) || has_escaped_control(&text)
}

/// A JSON or JavaScript `\u00XX` escape of a control character.
fn has_escaped_control(text: &str) -> bool {
    text.match_indices("\\u").any(|(at, _)| {
        text.get(at + 2..at + 6)
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32)
            .is_some_and(app::escape::is_unwanted_control)
    })
}

/// Answers to a signed-in visitor, pages that show a refused form (with
/// what was typed in it), and answers that set a cookie show or carry
/// personal data: no shared cache (a proxy, a CDN) may keep them, and
/// the browser may not store them either. Static assets are left alone.
fn is_personal(request: &Request<Body>) -> bool {
    // A page that shows a refused form holds what the person typed.
    let personal = app::auth::session_token_in(request.headers()).is_some()
        || request
            .uri()
            .query()
            .is_some_and(|query| query.contains("__err="));
    personal && !request.uri().path().starts_with("/pkg/")
}

/// The language of the request (set by `language::choose`, outside these
/// layers), for the refusals they answer themselves.
pub fn language_of(extensions: &axum::http::Extensions) -> Language {
    extensions.get::<Language>().copied().unwrap_or_default()
}

/// 413, in the request's language.
pub fn too_large(language: Language) -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        language.text("refused-too-large"),
    )
        .into_response()
}

/// Requests that may change state (anything but GET, HEAD, OPTIONS) must come
/// from this site: a cross-site `Sec-Fetch-Site` or a foreign `Origin` gets 403.
fn refusal(request: &Request<Body>) -> Option<Response> {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && is_cross_site(request.headers()) {
        let language = language_of(request.extensions());
        return Some((StatusCode::FORBIDDEN, language.text("refused-cross-site")).into_response());
    }
    None
}

fn is_cross_site(headers: &HeaderMap) -> bool {
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some("cross-site")) {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    // `Origin: null` (sandboxed frames, some redirects) is never this site.
    let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    origin_host.is_empty() || !origin_host.eq_ignore_ascii_case(host)
}

/// HSTS goes with answers to requests that reached us over TLS (directly
/// or via a proxy that says so in `X-Forwarded-Proto`).
fn is_over_tls(request: &Request<Body>) -> bool {
    request.uri().scheme_str() == Some("https")
        || request
            .headers()
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|proto| proto.eq_ignore_ascii_case("https"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[rstest]
    #[case(b"a=b", false)]
    #[case(b"form[title]=T%3C%2Ftitle%3E%0D%0A%09", false)]
    #[case("form[name]=存储".as_bytes(), false)]
    #[case(b"a=%00", true)]
    #[case(b"a=%1b%5B31m", true)]
    #[case(b"a=%7F", true)]
    #[case(b"a=%C2%85", true)]
    #[case(b"a=\x01", true)]
    #[case(b"{\"title\":\"a\\u0000b\"}", true)]
    #[case(b"{\"title\":\"a\\u000Ab\"}", false)]
    fn control_characters_are_found_however_encoded(#[case] body: &[u8], #[case] found: bool) {
        assert_eq!(has_control_character(body), found);
    }

    #[rstest]
    #[case(&[("host", "sigs.example.org")], false)]
    #[case(&[("host", "sigs.example.org"), ("origin", "https://sigs.example.org")], false)]
    #[case(&[("host", "127.0.0.1:3000"), ("origin", "http://127.0.0.1:3000")], false)]
    #[case(&[("host", "sigs.example.org"), ("sec-fetch-site", "same-origin")], false)]
    #[case(&[("host", "sigs.example.org"), ("origin", "https://evil.example")], true)]
    #[case(&[("host", "sigs.example.org"), ("origin", "null")], true)]
    #[case(&[("host", "sigs.example.org"), ("sec-fetch-site", "cross-site")], true)]
    fn cross_site_requests_are_recognised(
        #[case] pairs: &[(&'static str, &'static str)],
        #[case] cross_site: bool,
    ) {
        assert_eq!(is_cross_site(&headers(pairs)), cross_site);
    }
}
