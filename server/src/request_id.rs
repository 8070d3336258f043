//! A request id per request: taken from `X-Request-Id` when a proxy sent one,
//! otherwise a fresh one; echoed in the response and attached to every log
//! line written while the request is handled.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::http::{HeaderName, HeaderValue, Request};
use axum::Router;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps `router` so each request gets an id and a `request` log span.
pub fn with_request_ids<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(PropagateRequestIdLayer::new(X_REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<_>| {
                    let id = request
                        .headers()
                        .get(X_REQUEST_ID)
                        .and_then(|value| value.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!(
                        "request",
                        method = %request.method(),
                        path = %request.uri().path(),
                        request_id = %id,
                    )
                })
                // Per-request lines are on with RUST_LOG=tower_http=info.
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(SetRequestIdLayer::new(X_REQUEST_ID, NumberedIds::new()))
}

/// Ids shaped like a UUID: 64 random bits drawn when the process starts,
/// then a counter. As unique as random ones across processes and restarts,
/// without asking the kernel for randomness on every request (a UUID per
/// request showed in the read path's profile).
#[derive(Clone)]
struct NumberedIds {
    prefix: Arc<str>,
    next: Arc<AtomicU64>,
}

impl NumberedIds {
    fn new() -> Self {
        let random = app::auth::new_token();
        NumberedIds {
            prefix: format!("{}-{}-{}", &random[..8], &random[8..12], &random[12..16]).into(),
            next: Arc::new(AtomicU64::new(0)),
        }
    }
}

impl MakeRequestId for NumberedIds {
    fn make_request_id<B>(&mut self, _request: &Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let id = format!(
            "{}-{:04x}-{:012x}",
            self.prefix,
            (n >> 48) & 0xffff,
            n & 0xffff_ffff_ffff
        );
        HeaderValue::from_str(&id).ok().map(RequestId::new)
    }
}
