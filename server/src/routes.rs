//! Plain axum handlers beside the Leptos pages.

pub mod admin_import;
pub mod api_v1;
pub mod calendars;
pub mod health;
pub mod preferences;
pub mod roadmap_exports;
pub mod roster_export;
pub mod seo;
pub mod server_fn_errors;

use app::errors::AppError;
use app::state::AppState;
use app::store::accounts::Account;
use axum::http::HeaderMap;

/// The signed-in person behind the request's session cookie, for the plain
/// handlers that check who is asking (server functions have their own).
pub async fn session_account(state: &AppState, headers: &HeaderMap) -> Result<Account, AppError> {
    let token = app::auth::session_token_in(headers).ok_or(AppError::Unauthorized)?;
    let person = app::store::sessions::person_of(&state.db, &token)
        .await?
        .ok_or(AppError::Unauthorized)?;
    app::store::accounts::find_account(&state.db, person)
        .await?
        .ok_or(AppError::Unauthorized)
}
