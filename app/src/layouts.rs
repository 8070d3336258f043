//! Page frames shared by every route.

pub mod site_layout;
