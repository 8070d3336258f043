//! Gives failed server-function calls the status of their error.
//!
//! A server function returns its `AppError` and Leptos answers 500 with the
//! error as small JSON; input that cannot even be decoded fails the same way
//! inside Leptos. This layer reads such bodies and applies the error's own
//! status and headers (`AppError::apply_to`, the one mapping), so bad input
//! is always a 4xx. A plain form post keeps Leptos's redirect back to the
//! form, which shows the message next to the fields.

use app::errors::AppError;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// Leptos marks error responses of server functions with this header.
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

pub async fn correct_status(request: Request<Body>, next: Next) -> Response {
    let response = next.run(request).await;
    if !response.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        let redirected = parts.status != StatusCode::INTERNAL_SERVER_ERROR;
        error.apply_to(&mut parts, redirected);
    }
    Response::from_parts(parts, Body::from(bytes))
}
