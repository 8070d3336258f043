//! `/account/…`: signing up, in and out, and e-mailed links.

pub mod confirm;
pub mod invitation;
pub mod mail_preferences;
pub mod overview;
pub mod password;
pub mod sign_in;
pub mod sign_up;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The `token` of an e-mailed link (`?token=…`), for the page's hidden field.
pub(crate) fn link_token() -> String {
    use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default()
}

/// Whether the server refused an e-mailed link (expired or already used),
/// after which the page offers the next step instead of the button again.
pub(crate) fn link_refused<T: Send + Sync + 'static>(
    value: Signal<Option<Result<T, crate::errors::AppError>>>,
) -> bool {
    value.with(|v| matches!(v, Some(Err(crate::errors::AppError::Rejected(_)))))
}
