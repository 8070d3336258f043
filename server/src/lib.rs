//! The sigpost server: configuration, start-up, plain routes and the CLI.

pub mod bundle;
pub mod cli;
pub mod config;
pub mod connections;
pub mod demo_data;
pub mod export;
pub mod federation;
pub mod form_drafts;
pub mod git_sync;
pub mod import;
pub mod join_worker;
pub mod language;
pub mod mailer;
pub mod metrics;
pub mod page_cache;
pub mod redirects;
pub mod request_id;
pub mod routes;
pub mod scheduler;
pub mod security;
pub mod sigs_yaml_format;
pub mod startup;
pub mod telemetry;
