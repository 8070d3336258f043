//! The site's files (`/pkg/…` and the public assets), with the page for
//! unknown URLs behind them. A browser that revalidates a file it keeps
//! (`If-Modified-Since`) gets 304 from here: Leptos's own file handler
//! answered anything but 200 with the 404 page, so a reload lost its
//! styles. The bundle is asked for under this build's hash (see `bundle`):
//! those answers are kept for a year; everything else is revalidated
//! (`no-cache`).

use std::convert::Infallible;

use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::bundle::BundlePath;

/// Serves the file at the request's path from the site root, or the 404
/// page when there is none.
pub async fn file_or_not_found(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let mut probe = Request::from_parts(parts.clone(), Body::empty());
    let mut keep = NO_CACHE;
    match crate::bundle::unversioned(parts.uri.path(), &state.leptos_options) {
        Some(BundlePath::Current(real)) => {
            *probe.uri_mut() = real.parse().unwrap_or_default();
            keep = FOR_A_YEAR;
        }
        Some(BundlePath::Other(real)) => *probe.uri_mut() = real.parse().unwrap_or_default(),
        None => {}
    }
    if let Some(mut file) = file(&state.leptos_options.site_root, probe).await {
        file.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(keep));
        return file;
    }
    let not_found = leptos_axum::file_and_error_handler::<AppState, _>(app::shell);
    not_found(
        parts.uri.clone(),
        State(state),
        Request::from_parts(parts, body),
    )
    .await
}

const NO_CACHE: &str = "no-cache";
const FOR_A_YEAR: &str = "public, max-age=31536000, immutable";

/// The file `request` asks for under `root` (200, 304, 206 or 416, to be
/// revalidated), or `None` when there is no such file.
pub async fn file(root: &str, request: Request) -> Option<Response> {
    let served: Result<_, Infallible> = ServeDir::new(root)
        .append_index_html_on_directories(false)
        .oneshot(request)
        .await;
    let response = served.ok()?;
    if matches!(
        response.status(),
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
    ) {
        return None;
    }
    let mut response = response.map(Body::new).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    Some(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(path: &str, modified_since: Option<&str>) -> Request {
        let mut request = Request::builder().uri(path);
        if let Some(at) = modified_since {
            request = request.header(header::IF_MODIFIED_SINCE, at);
        }
        request.body(Body::empty()).expect("a request")
    }

    #[tokio::test]
    async fn a_revalidated_file_is_not_modified_and_a_missing_one_is_nothing() {
        let root = tempfile::tempdir().expect("a site root");
        std::fs::create_dir(root.path().join("pkg")).expect("pkg");
        std::fs::write(root.path().join("pkg/site.css"), "body { color: red }").expect("css");
        let root = root.path().to_str().expect("a UTF-8 path").to_owned();

        let first = file(&root, get("/pkg/site.css", None))
            .await
            .expect("served");
        assert_eq!(first.status(), StatusCode::OK);
        assert_eq!(first.headers()[header::CACHE_CONTROL], "no-cache");
        let modified = first.headers()[header::LAST_MODIFIED]
            .to_str()
            .expect("a date")
            .to_owned();
        let again = file(&root, get("/pkg/site.css", Some(&modified)))
            .await
            .expect("revalidated");
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

        assert!(file(&root, get("/pkg/missing.css", None)).await.is_none());
        assert!(file(&root, get("/pkg", None)).await.is_none(), "no listing");
        assert!(file(&root, get("/../etc/passwd", None)).await.is_none());
    }
}
