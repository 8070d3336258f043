//! Plain serde types shared by the server and the browser: what a page shows.

pub mod account;
pub mod annual_report;
pub mod channel;
pub mod community;
pub mod fields;
pub mod git_sync;
pub mod health;
pub mod identity;
pub mod import;
pub mod job_run;
pub mod leading;
pub mod mail_preferences;
pub mod meeting;
pub mod membership;
pub mod page;
pub mod roadmap;
pub mod search;
pub mod sig;
pub mod sig_edit;
pub mod sig_health;
