//! An OpenID Connect provider, found by discovery: the authorization code
//! flow with PKCE, and an ID token whose signature, issuer, audience,
//! expiry and nonce are checked by the `openidconnect` crate.

use std::time::{Duration, Instant};

use app::clock::Clock;
use app::models::identity::{Provider, SignInProblem};
use app::store::identities::Vouched;
use app::store::sign_in_attempts::Attempt;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use tokio::sync::Mutex;

use super::{origin_of, token_problem, ConfigError, Outbound};

/// How long discovered settings (endpoints, signing keys) are trusted
/// before they are fetched again.
const DISCOVERY_FOR: Duration = Duration::from_secs(60 * 60);

pub struct Oidc {
    issuer: IssuerUrl,
    client_id: ClientId,
    secret: ClientSecret,
    callback: RedirectUrl,
    name: String,
    discovered: Mutex<Option<(Instant, CoreProviderMetadata)>>,
    clock: Clock,
}

impl Oidc {
    pub fn new(
        issuer: &str,
        client_id: &str,
        secret: &str,
        name: &str,
        callback: &str,
        clock: Clock,
    ) -> Result<Self, ConfigError> {
        Ok(Oidc {
            issuer: IssuerUrl::new(issuer.to_owned())
                .map_err(|error| ConfigError(format!("OpenID Connect issuer: {error}")))?,
            client_id: ClientId::new(client_id.to_owned()),
            secret: ClientSecret::new(secret.to_owned()),
            callback: RedirectUrl::new(callback.to_owned())
                .map_err(|error| ConfigError(format!("callback address: {error}")))?,
            name: name.to_owned(),
            discovered: Mutex::new(None),
            clock,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn origin(&self) -> Option<String> {
        origin_of(self.issuer.as_str())
    }

    /// The provider's settings, discovered at most once an hour.
    async fn metadata(
        &self,
        http: &reqwest::Client,
    ) -> Result<CoreProviderMetadata, SignInProblem> {
        let mut discovered = self.discovered.lock().await;
        if let Some((at, metadata)) = discovered.as_ref() {
            if at.elapsed() < DISCOVERY_FOR {
                return Ok(metadata.clone());
            }
        }
        let metadata = CoreProviderMetadata::discover_async(self.issuer.clone(), http)
            .await
            .map_err(|error| {
                tracing::warn!(%error, issuer = %self.issuer.as_str(), "OpenID Connect discovery failed");
                SignInProblem::Unreachable
            })?;
        *discovered = Some((Instant::now(), metadata.clone()));
        Ok(metadata)
    }

    pub async fn begin(&self, http: &reqwest::Client) -> Result<Outbound, SignInProblem> {
        let client = CoreClient::from_provider_metadata(
            self.metadata(http).await?,
            self.client_id.clone(),
            Some(self.secret.clone()),
        )
        .set_redirect_uri(self.callback.clone());
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".to_owned()))
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Outbound {
            authorize_url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    pub async fn finish(
        &self,
        http: &reqwest::Client,
        code: &str,
        attempt: &Attempt,
    ) -> Result<Vouched, SignInProblem> {
        let client = CoreClient::from_provider_metadata(
            self.metadata(http).await?,
            self.client_id.clone(),
            Some(self.secret.clone()),
        )
        .set_redirect_uri(self.callback.clone());
        let token = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|error| {
                tracing::warn!(%error, "the provider names no token endpoint");
                SignInProblem::Unreachable
            })?
            .set_pkce_verifier(PkceCodeVerifier::new(attempt.pkce_verifier.clone()))
            .request_async(http)
            .await
            .map_err(|error| token_problem(&error))?;
        let id_token = token.id_token().ok_or_else(|| {
            tracing::warn!("the provider sent no ID token");
            SignInProblem::Untrusted
        })?;
        let clock = self.clock.clone();
        let verifier = client.id_token_verifier().set_time_fn(move || clock.now());
        let claims = id_token
            .claims(&verifier, &Nonce::new(attempt.nonce.clone()))
            .map_err(|error| {
                tracing::warn!(%error, "the ID token failed a check");
                SignInProblem::Untrusted
            })?;
        let subject = claims.subject().clone();
        let mut vouched = Vouched {
            provider: Provider::Oidc,
            subject: subject.as_str().to_owned(),
            login: claims
                .preferred_username()
                .map(|name| name.as_str().to_owned()),
            name: claims
                .name()
                .and_then(|name| name.get(None))
                .map(|name| name.as_str().to_owned()),
            verified_email: claims
                .email()
                .filter(|_| claims.email_verified() == Some(true))
                .map(|email| email.as_str().to_owned()),
        };
        // Providers that keep the ID token small say the rest at UserInfo,
        // for the same subject.
        if let Ok(request) = client.user_info(token.access_token().clone(), Some(subject)) {
            match request.request_async::<openidconnect::EmptyAdditionalClaims, _, openidconnect::core::CoreGenderClaim>(http).await {
                Ok(info) => {
                    if vouched.verified_email.is_none() && info.email_verified() == Some(true) {
                        vouched.verified_email = info.email().map(|email| email.as_str().to_owned());
                    }
                    if vouched.name.is_none() {
                        vouched.name = info.name().and_then(|name| name.get(None)).map(|name| name.as_str().to_owned());
                    }
                    if vouched.login.is_none() {
                        vouched.login = info.preferred_username().map(|name| name.as_str().to_owned());
                    }
                }
                Err(error) => tracing::warn!(%error, "UserInfo did not answer; going on with the ID token"),
            }
        }
        Ok(vouched)
    }
}
