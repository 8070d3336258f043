//! What every request handler and server function can reach on the server.

use crate::store::Database;
use axum::extract::FromRef;
use leptos::prelude::*;

use crate::errors::AppError;

/// Settings the pages need (the rest of the configuration stays in `server`).
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// The community's name, shown in titles and the header.
    pub site_name: String,
    /// Where visitors reach the site, for links in e-mails (no trailing slash).
    pub public_url: String,
    /// Whether `X-Forwarded-For` names the client (a proxy sets it).
    pub trust_forwarded_for: bool,
    /// The providers people may sign in through (none by default).
    pub sign_in_with: Vec<crate::models::identity::SignInOption>,
    /// Where their sign-in forms lead, for the pages' `form-action`.
    pub sign_in_origins: Vec<String>,
    /// After how many quiet days a member is asked whether they still take
    /// part (0: never).
    pub roster_check_days: i64,
}

impl SiteConfig {
    /// The settings with the public URL normalised once, here: no trailing
    /// slash, so every link is `public_url` followed by a path.
    pub fn new(site_name: String, public_url: &str, trust_forwarded_for: bool) -> Self {
        SiteConfig {
            site_name,
            public_url: public_url.trim_end_matches('/').to_owned(),
            trust_forwarded_for,
            sign_in_with: Vec::new(),
            sign_in_origins: Vec::new(),
            roster_check_days: 365,
        }
    }

    /// The same, offering sign-in through `options`, whose forms lead to
    /// `origins`.
    pub fn signing_in_with(
        mut self,
        options: Vec<crate::models::identity::SignInOption>,
        origins: Vec<String>,
    ) -> Self {
        self.sign_in_with = options;
        self.sign_in_origins = origins;
        self
    }

    /// The same, asking quiet members after `days` (0: never).
    pub fn checking_rosters_every(mut self, days: i64) -> Self {
        self.roster_check_days = days.max(0);
        self
    }

    /// What the site calls `provider` ("GitHub", or the configured name).
    pub fn provider_label(&self, provider: crate::models::identity::Provider) -> String {
        self.sign_in_with
            .iter()
            .find(|option| option.provider == provider)
            .map_or_else(|| provider.key().to_owned(), |option| option.label.clone())
    }

    /// The absolute address of `path_and_query` (which starts with `/`).
    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.public_url)
    }
}

/// Shared state: passed to axum routes and provided as context to Leptos.
/// Axum clones it for every request (each route's handler holds a copy), so
/// it is one pointer to the parts rather than the parts themselves.
#[derive(Clone)]
pub struct AppState(std::sync::Arc<AppParts>);

/// What the state holds; read through `AppState` (`state.db`).
pub struct AppParts {
    pub leptos_options: LeptosOptions,
    pub db: Database,
    pub site: SiteConfig,
    /// What time it is for every page and handler (tests move it).
    pub clock: crate::clock::Clock,
    /// Woken when a visitor's join is queued, so the join worker carries
    /// it out at once (other instances' joins wait for its next look).
    pub joins_queued: std::sync::Arc<tokio::sync::Notify>,
}

impl AppState {
    pub fn new(parts: AppParts) -> Self {
        AppState(std::sync::Arc::new(parts))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppParts;

    fn deref(&self) -> &AppParts {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state inside a server function or a server-side render.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
