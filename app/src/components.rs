//! Pieces reused across pages.

pub mod error_notice;
pub mod form;
pub mod lead_list;
pub mod markdown;
pub mod page_meta;
pub mod roadmap_card;
pub mod sig_card;
