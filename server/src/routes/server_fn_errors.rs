//! Gives failed server-function calls the status of their error.
//!
//! Server functions set their own 4xx status once they run, but input that
//! cannot even be decoded fails inside Leptos, which answers 500. This layer
//! reads such error bodies (small JSON) and answers with the status the
//! `AppError` names, so bad input is always a 4xx.

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
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
    }
    Response::from_parts(parts, Body::from(bytes))
}
