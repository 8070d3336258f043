//! `/admin/…`: what community admins manage.

pub mod guidance;
pub mod import;
pub mod overview;
pub mod people;
pub mod sig;
