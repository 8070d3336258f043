//! Protections every request passes through: response headers, refusal of
//! cross-site writes and of NUL characters, and a cap on request bodies.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// The largest request body any route accepts; larger ones get 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Caps the request bodies of every route in `router` at `MAX_BODY_BYTES`.
/// Routes merged in later (file uploads) set a limit of their own.
pub fn limit_bodies<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router.layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
}

/// Wraps `router` in the protections every request passes through.
pub fn protect<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(middleware::from_fn(refuse_nul_characters))
        .layer(middleware::from_fn(refuse_cross_site_writes))
        .layer(middleware::from_fn(strict_transport_security))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
}

/// Text with a NUL character is never meaningful here, and PostgreSQL
/// cannot store it (the query would fail with a server error): an address or
/// form body that carries one gets 400 before any handler sees it.
async fn refuse_nul_characters(request: Request<Body>, next: Next) -> Response {
    let refused = || {
        (
            StatusCode::BAD_REQUEST,
            "The request contains a NUL character, which no field accepts.",
        )
            .into_response()
    };
    let has_encoded_nul = |text: &[u8]| {
        text.windows(3)
            .any(|window| window[0] == b'%' && window[1] == b'0' && window[2] == b'0')
    };
    if has_encoded_nul(request.uri().to_string().as_bytes()) {
        return refused();
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|kind| kind.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "The request is too large.").into_response();
    };
    if bytes.contains(&0) || has_encoded_nul(&bytes) {
        return refused();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// Requests that may change state (anything but GET, HEAD, OPTIONS) must come
/// from this site: a cross-site `Sec-Fetch-Site` or a foreign `Origin` gets 403.
async fn refuse_cross_site_writes(request: Request<Body>, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && is_cross_site(request.headers()) {
        return (
            StatusCode::FORBIDDEN,
            "This request came from another site and was refused.",
        )
            .into_response();
    }
    next.run(request).await
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

/// HSTS when the request reached us over TLS (directly or via a proxy that
/// says so in `X-Forwarded-Proto`).
async fn strict_transport_security(request: Request<Body>, next: Next) -> Response {
    let over_tls = request.uri().scheme_str() == Some("https")
        || request
            .headers()
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|proto| proto.eq_ignore_ascii_case("https"));
    let mut response = next.run(request).await;
    if over_tls {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
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
