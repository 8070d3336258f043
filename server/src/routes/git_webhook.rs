//! `POST /hooks/git`: the community repository's host says it changed, and
//! the git sync pulls at once. The call must be signed with the shared
//! secret as GitHub and Gitea sign theirs (`X-Hub-Signature-256:
//! sha256=HMAC`); anything else is refused before it wakes anything.

use std::sync::Arc;

use app::state::AppState;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Extension};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::Notify;

/// The webhook's secret and the sync it wakes.
pub struct GitHook {
    pub secret: String,
    pub wake: Arc<Notify>,
}

/// Repository hosts send whole push payloads; the signature covers every byte.
const PAYLOAD_MAX_BYTES: usize = 25 * 1024 * 1024;

/// The webhook's route, when the sync and its secret are both set.
pub fn router(hook: Option<GitHook>) -> Router<AppState> {
    match hook {
        Some(hook) => Router::new()
            .route("/hooks/git", post(receive))
            .layer(DefaultBodyLimit::max(PAYLOAD_MAX_BYTES))
            .layer(Extension(Arc::new(hook))),
        None => Router::new(),
    }
}

async fn receive(
    Extension(hook): Extension<Arc<GitHook>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, &'static str) {
    let signature = headers
        .get("x-hub-signature-256")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().strip_prefix("sha256="))
        .and_then(|hex| hex::decode(hex).ok());
    let Some(signature) = signature else {
        return (
            StatusCode::UNAUTHORIZED,
            "An X-Hub-Signature-256 header (sha256=HMAC of the body) is required.\n",
        );
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(hook.secret.as_bytes()) else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "The webhook's secret is unusable.\n",
        );
    };
    mac.update(&body);
    if mac.verify_slice(&signature).is_err() {
        tracing::warn!("a git webhook call with a wrong signature was refused");
        return (
            StatusCode::UNAUTHORIZED,
            "The signature does not match this site's webhook secret.\n",
        );
    }
    hook.wake.notify_one();
    (
        StatusCode::ACCEPTED,
        "The sync will pull the repository now.\n",
    )
}
