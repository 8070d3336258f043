//! Plain axum handlers beside the Leptos pages.

pub mod admin_import;
pub mod api_v1;
pub mod assets;
pub mod calendars;
pub mod git_webhook;
pub mod health;
pub mod preferences;
pub mod report_markdown;
pub mod roadmap_exports;
pub mod roster_export;
pub mod seo;
pub mod server_fn_errors;
pub mod sign_in_with;
pub mod unsubscribe;
