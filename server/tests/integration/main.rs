//! Integration tests: the real server on a loopback port, talking HTTP, against
//! a fresh SQLite file and a fresh PostgreSQL database per test.

mod support;

mod accounts;
mod admin_import;
mod api;
mod board_moves;
mod community_data;
mod connection_flood;
mod corpus;
mod fleet;
mod git_sync;
mod health;
mod import;
mod joining;
mod kubesphere_round_trip;
mod languages;
mod leading;
mod meetings;
mod notifications;
mod operations;
mod output_safety;
mod page_cache;
mod pages;
mod permissions;
mod refused_forms;
mod roadmap;
mod search;
mod security;
mod sig_health;
mod sign_in_with;
mod signed_in_pages;
mod tag_groups;
