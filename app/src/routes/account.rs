//! `/account/…`: signing up, in and out, and e-mailed links.

pub mod confirm;
pub mod invitation;
pub mod password;
pub mod sign_in;
pub mod sign_up;
