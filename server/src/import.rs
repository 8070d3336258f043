//! Readers of community data files. Each parses the whole file into an
//! `app::store::import::CommunityImport` before anything touches the database.

pub mod kubesphere_md;
pub mod mojibake;
