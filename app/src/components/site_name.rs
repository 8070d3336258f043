//! The community's name and address, loaded once per page by the layout
//! and read by any part of the page that names the site.

use leptos::prelude::*;

use crate::api::directory::load_site_info;
use crate::models::community::SiteInfo;

/// The community's name and address, loaded once per page and shared through context.
#[derive(Clone, Copy)]
pub struct SiteName(pub Resource<Result<SiteInfo, crate::errors::AppError>>);

impl SiteName {
    /// Starts loading the site's name and address for this page.
    pub fn load() -> Self {
        SiteName(Resource::new(|| (), |_| load_site_info()))
    }

    /// The name to show; "sigpost" until it is known or if it cannot be loaded.
    pub fn get(&self) -> String {
        self.0
            .get()
            .and_then(Result::ok)
            .map(|info| info.name)
            .unwrap_or_else(|| "sigpost".to_owned())
    }
}
