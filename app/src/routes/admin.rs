//! `/admin/…`: what community admins manage.

pub mod git_sync;
pub mod guidance;
pub mod import;
pub mod job_runs;
pub mod overview;
pub mod people;
pub mod sig;
