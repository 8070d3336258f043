//! `/sigs/{slug}/members.csv`: a SIG's roster as a spreadsheet, for its
//! leads and admins only (it holds e-mail addresses).

use app::errors::AppError;
use app::escape::csv_cell as cell;
use app::models::membership::RosterEntry;
use app::permissions::may_edit_sig;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().route("/sigs/{slug}/members.csv", get(roster_csv))
}

/// The roster's answer to someone who may not have it: the same statuses and
/// words as every server function.
fn refusal(error: AppError) -> Response {
    (error.status(), error.to_string()).into_response()
}

fn to_csv(entries: &[RosterEntry]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "name", "github", "email", "status", "asked", "joined", "left", "interest",
    ])?;
    for entry in entries {
        writer.write_record([
            cell(&entry.display_name),
            cell(entry.github_handle.as_deref().unwrap_or("")),
            cell(entry.email.as_deref().unwrap_or("")),
            entry.status.as_str().to_owned(),
            entry.requested_label.clone(),
            entry.joined_label.clone(),
            entry.left_label.clone(),
            cell(&entry.interest),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}

async fn roster_csv(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    let allowed = match super::session_account(&state, &headers).await {
        Ok(account) => may_edit_sig(&state.db, &slug, &account).await,
        Err(error) => Err(error),
    };
    if let Err(error) = allowed {
        return refusal(error);
    }
    let roster = match app::store::rosters::roster(&state.db, &slug).await {
        Ok(Some(roster)) => roster,
        Ok(None) => return refusal(AppError::NotFound),
        Err(error) => return refusal(error.into()),
    };
    match to_csv(&roster.entries) {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{slug}-members.csv\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            body,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "could not write the roster as CSV");
            refusal(AppError::Internal)
        }
    }
}
