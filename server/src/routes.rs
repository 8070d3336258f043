//! Plain axum handlers beside the Leptos pages.

pub mod health;
