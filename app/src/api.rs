//! Server functions: the public endpoints the pages load data through.

pub mod account;
pub mod directory;
pub mod git_sync;
pub mod guidance;
pub mod health;
pub mod identities;
pub mod imports;
pub mod leading;
pub mod mail_preferences;
pub mod meeting_changes;
pub mod meetings;
pub mod membership;
pub mod people;
pub mod roadmap;
pub mod roster_freshness;
pub mod search;
pub mod sig_health;
pub mod stewardship;
