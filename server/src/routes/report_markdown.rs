//! `/sigs/{slug}/reports/{year}/report.md`: an annual report as markdown
//! for the community repository; published reports for everyone, drafts
//! for the SIG's leads, as on the report's page.

use app::auth::CurrentAccount;
use app::errors::AppError;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/sigs/{slug}/reports/{year}/report.md",
        get(report_markdown),
    )
}

async fn report_markdown(
    State(state): State<AppState>,
    who: CurrentAccount,
    Path((slug, year)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let year: i64 = year.parse().map_err(|_| AppError::NotFound)?;
    let report = app::api::sig_health::report_for(&state.db, &slug, year, who.0.as_ref()).await?;
    // A draft is the leads' own; a published report may be kept anywhere.
    let cache = if report.published_on.is_some() {
        "public, max-age=300"
    } else {
        "private, no-store"
    };
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/markdown; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}-annual-report-{year}.md\"",
                    report.slug
                ),
            ),
            (header::CACHE_CONTROL, cache.to_owned()),
        ],
        app::report_markdown::render(&report),
    )
        .into_response())
}
