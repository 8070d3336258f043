//! Keeping what a person typed when the server refuses a plain form post,
//! and giving it to the page that shows the refusal, so the form comes
//! back as they left it (the components read it through
//! `app::components::form_draft`).

use app::components::form_draft::FormDraft;
use app::state::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;

use crate::security::MAX_BODY_BYTES;

/// The cookie that ties a browser to its refused submission.
const COOKIE: &str = "sigpost_form";

pub async fn keep_and_restore(
    State(state): State<AppState>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    if is_plain_form_post(&request) {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = to_bytes(body, MAX_BODY_BYTES).await else {
            return crate::security::too_large(crate::security::language_of(&parts.extensions));
        };
        let mut response = next
            .run(Request::from_parts(parts, Body::from(bytes.clone())))
            .await;
        if is_refusal(response.headers()) {
            let draft = FormDraft(
                form_urlencoded::parse(&bytes)
                    .filter(|(name, _)| FormDraft::keeps(name))
                    .map(|(name, value)| (name.into_owned(), value.into_owned()))
                    .collect(),
            );
            if let Ok(token) = app::store::form_drafts::keep(&state.db, &draft).await {
                let cookie = format!(
                    "{COOKIE}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax",
                    app::store::form_drafts::DRAFT_SECONDS
                );
                if let Ok(value) = HeaderValue::from_str(&cookie) {
                    response.headers_mut().append(header::SET_COOKIE, value);
                }
            }
        }
        return response;
    }
    // A page that shows a refusal: its (signed) report is in the address.
    let shows_refusal = request.method() == Method::GET
        && request
            .uri()
            .query()
            .is_some_and(|query| query.contains("__err="));
    if shows_refusal {
        if let Some(token) = app::auth::token_cookie(request.headers(), COOKIE) {
            if let Ok(Some(draft)) = app::store::form_drafts::find(&state.db, &token).await {
                request.extensions_mut().insert(draft);
            }
        }
    }
    next.run(request).await
}

/// A browser without JavaScript posting a form to a server function: it
/// accepts HTML and is sent back to the form's page.
fn is_plain_form_post(request: &Request<Body>) -> bool {
    request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"))
}

/// Whether the answer sends the browser back with an error report.
fn is_refusal(headers: &HeaderMap) -> bool {
    headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|location| location.contains("__err="))
}
