//! One module per page, named by its URL.

pub mod account;
pub mod admin;
pub mod channels;
pub mod guidance;
pub mod health;
pub mod home;
pub mod join;
pub mod leave;
pub mod meetings;
pub mod my_leading;
pub mod my_sigs;
pub mod not_found;
pub mod roadmap;
pub mod search;
pub mod sigs;
pub mod still_active;
pub mod unsubscribe;
