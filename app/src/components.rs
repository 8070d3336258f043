//! Pieces reused across pages.

pub mod board_moves;
pub mod calendar_link;
pub mod chart_legend;
pub mod conflict_details;
pub mod error_notice;
pub mod form;
pub mod form_draft;
pub mod fresh_page;
pub mod lead_list;
pub mod markdown;
pub mod meeting_changes;
pub mod meeting_time;
pub mod page_loader;
pub mod page_meta;
pub mod page_script;
pub mod roadmap_card;
pub mod search_box;
pub mod sig_card;
pub mod sign_in_with;
pub mod site_name;
pub mod translation;
pub mod working_hours;
