//! Signing in through GitHub or the community's OpenID Connect provider:
//! what each needs from the configuration, the address a browser is sent
//! to, and what the provider vouched for once its answer passed every check.

mod github;
mod oidc;

use app::clock::Clock;
use app::models::identity::{Provider, SignInOption, SignInProblem};
use app::store::identities::Vouched;
use app::store::sign_in_attempts::Attempt;

use crate::config::SignInArgs;

/// The configured providers, and one HTTP client for talking to them.
pub struct Federation {
    http: reqwest::Client,
    github: Option<github::GitHub>,
    oidc: Option<oidc::Oidc>,
}

/// Where to send the browser, and what its answer must match.
pub struct Outbound {
    pub authorize_url: String,
    pub state: String,
    /// Empty for GitHub, which issues no ID token.
    pub nonce: String,
    pub pkce_verifier: String,
}

/// A setting that makes no sense, reported at start.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

impl Federation {
    /// The providers `args` configure; callbacks are under `public_url`.
    pub fn from_args(
        args: &SignInArgs,
        public_url: &str,
        clock: Clock,
    ) -> Result<Self, ConfigError> {
        let http = reqwest::Client::builder()
            // Never follow a provider somewhere else with our credentials.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(std::time::Duration::from_secs(5))
            .timeout(std::time::Duration::from_secs(10))
            .user_agent("sigpost")
            .build()
            .map_err(|error| ConfigError(format!("HTTP client: {error}")))?;
        let callback = |provider: Provider| {
            format!(
                "{}/auth/{}/callback",
                public_url.trim_end_matches('/'),
                provider.key()
            )
        };
        let github = match (&args.github_client_id, &args.github_client_secret) {
            (Some(id), Some(secret)) => Some(github::GitHub::new(
                id,
                &secret.0,
                &args.github_url,
                &args.github_api_url,
                &callback(Provider::GitHub),
            )?),
            (None, None) => None,
            _ => {
                return Err(ConfigError(
                    "GitHub sign-in needs both SIGPOST_GITHUB_CLIENT_ID and SIGPOST_GITHUB_CLIENT_SECRET".into(),
                ))
            }
        };
        let oidc = match (&args.oidc_issuer, &args.oidc_client_id, &args.oidc_client_secret) {
            (Some(issuer), Some(id), Some(secret)) => Some(oidc::Oidc::new(
                issuer,
                id,
                &secret.0,
                &args.oidc_name,
                &callback(Provider::Oidc),
                clock,
            )?),
            (None, None, None) => None,
            _ => {
                return Err(ConfigError(
                    "OpenID Connect sign-in needs SIGPOST_OIDC_ISSUER, SIGPOST_OIDC_CLIENT_ID and SIGPOST_OIDC_CLIENT_SECRET".into(),
                ))
            }
        };
        Ok(Federation { http, github, oidc })
    }

    /// The buttons sign-in pages show, GitHub first.
    pub fn options(&self) -> Vec<SignInOption> {
        let github = self.github.as_ref().map(|_| SignInOption {
            provider: Provider::GitHub,
            label: "GitHub".to_owned(),
        });
        let oidc = self.oidc.as_ref().map(|oidc| SignInOption {
            provider: Provider::Oidc,
            label: oidc.name().to_owned(),
        });
        github.into_iter().chain(oidc).collect()
    }

    /// Whether `provider` is configured.
    pub fn offers(&self, provider: Provider) -> bool {
        match provider {
            Provider::GitHub => self.github.is_some(),
            Provider::Oidc => self.oidc.is_some(),
        }
    }

    /// The origins a sign-in form may lead to (its redirect goes there),
    /// for the pages' `form-action`.
    pub fn origins(&self) -> Vec<String> {
        let github = self.github.as_ref().map(github::GitHub::origin);
        let oidc = self.oidc.as_ref().map(oidc::Oidc::origin);
        github.into_iter().chain(oidc).flatten().collect()
    }

    /// A new sign-in at `provider`: where to send the browser.
    pub async fn begin(&self, provider: Provider) -> Result<Outbound, SignInProblem> {
        match provider {
            Provider::GitHub => Ok(self.github()?.begin()),
            Provider::Oidc => self.oidc()?.begin(&self.http).await,
        }
    }

    /// Trades the provider's `code` for who the person is, checked against
    /// `attempt` (PKCE verifier; for OpenID Connect the ID token's
    /// signature, issuer, audience, expiry and nonce).
    pub async fn finish(
        &self,
        provider: Provider,
        code: &str,
        attempt: &Attempt,
    ) -> Result<Vouched, SignInProblem> {
        match provider {
            Provider::GitHub => self.github()?.finish(&self.http, code, attempt).await,
            Provider::Oidc => self.oidc()?.finish(&self.http, code, attempt).await,
        }
    }

    fn github(&self) -> Result<&github::GitHub, SignInProblem> {
        self.github.as_ref().ok_or(SignInProblem::Unreachable)
    }

    fn oidc(&self) -> Result<&oidc::Oidc, SignInProblem> {
        self.oidc.as_ref().ok_or(SignInProblem::Unreachable)
    }
}

/// The `scheme://host[:port]` of an address.
fn origin_of(url: &str) -> Option<String> {
    let parsed = reqwest::Url::parse(url).ok()?;
    Some(parsed.origin().ascii_serialization()).filter(|origin| origin != "null")
}

/// Why a token request failed, as the person is told: no answer at all is
/// the provider's fault; an answer refusing the code is a stale sign-in.
fn token_problem<RE, TE>(error: &oauth2::RequestTokenError<RE, TE>) -> SignInProblem
where
    RE: std::error::Error + 'static,
    TE: oauth2::ErrorResponse + 'static,
{
    tracing::warn!(error = %error, "the provider did not accept the sign-in code");
    match error {
        oauth2::RequestTokenError::Request(_) => SignInProblem::Unreachable,
        _ => SignInProblem::Stale,
    }
}
