//! `/sigs/{slug}/members.csv`: a SIG's roster as a spreadsheet, for its
//! leads and admins only (it holds e-mail addresses).

use app::auth::CurrentAccount;
use app::errors::AppError;
use app::escape::csv_cell as cell;
use app::models::membership::RosterEntry;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().route("/sigs/{slug}/members.csv", get(roster_csv))
}

fn to_csv(entries: &[RosterEntry]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "name", "github", "email", "status", "asked", "joined", "left", "interest", "inactive",
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
            entry.inactive_label.clone(),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}

async fn roster_csv(
    State(state): State<AppState>,
    who: CurrentAccount,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    who.sig_editor(&state.db, &slug).await?;
    let roster = app::store::rosters::roster(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let body = to_csv(&roster.entries).map_err(|error| {
        tracing::error!(%error, "could not write the roster as CSV");
        AppError::Internal
    })?;
    Ok((
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
        .into_response())
}
