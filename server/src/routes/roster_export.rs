//! `/sigs/{slug}/members.csv`: a SIG's roster as a spreadsheet, for its
//! leads and admins only (it holds e-mail addresses).

use app::models::membership::RosterEntry;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().route("/sigs/{slug}/members.csv", get(roster_csv))
}

/// Why the roster cannot be given.
enum Refusal {
    SignIn,
    NotALead,
    NoSuchSig,
    Unavailable,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::SignIn => (StatusCode::UNAUTHORIZED, "Please sign in first."),
            Refusal::NotALead => (
                StatusCode::FORBIDDEN,
                "Only the SIG's leads and admins may see its roster.",
            ),
            Refusal::NoSuchSig => (StatusCode::NOT_FOUND, "There is no SIG with this name."),
            Refusal::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "The roster is not available right now. Please try again in a moment.",
            ),
        }
        .into_response()
    }
}

/// The same check as every server function: a lead with rights, or an admin.
async fn check_lead(state: &AppState, headers: &HeaderMap, slug: &str) -> Result<(), Refusal> {
    let db = &state.db;
    let token = app::auth::session_token_in(headers).ok_or(Refusal::SignIn)?;
    let person = app::store::sessions::person_of(db, &token)
        .await
        .map_err(|_| Refusal::Unavailable)?
        .ok_or(Refusal::SignIn)?;
    let account = app::store::accounts::find_account(db, person)
        .await
        .map_err(|_| Refusal::Unavailable)?
        .ok_or(Refusal::SignIn)?;
    let (_, leads_it) = app::store::sig_changes::editor_role(db, slug, person)
        .await
        .map_err(|_| Refusal::Unavailable)?
        .ok_or(Refusal::NoSuchSig)?;
    if leads_it || account.is_admin != 0 {
        Ok(())
    } else {
        Err(Refusal::NotALead)
    }
}

/// Spreadsheets run cells that start like a formula; such text gets a
/// leading apostrophe so it stays text.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
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
    if let Err(refusal) = check_lead(&state, &headers, &slug).await {
        return refusal.into_response();
    }
    let roster = match app::store::rosters::roster(&state.db, &slug).await {
        Ok(Some(roster)) => roster,
        Ok(None) => return Refusal::NoSuchSig.into_response(),
        Err(_) => return Refusal::Unavailable.into_response(),
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
            Refusal::Unavailable.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_stay_text() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Ada"), "Ada");
    }
}
