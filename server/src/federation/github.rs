//! GitHub's OAuth flow (GitHub issues no ID token): the code is traded
//! for an access token, then `/user` says who it is and `/user/emails`
//! which addresses GitHub verified.

use app::models::identity::{Provider, SignInProblem};
use app::store::identities::Vouched;
use app::store::sign_in_attempts::Attempt;
use oauth2::basic::BasicClient;
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet,
    EndpointSet, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse, TokenUrl,
};
use serde::Deserialize;

use super::{origin_of, token_problem, ConfigError, Outbound};

type Client = BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

pub struct GitHub {
    client: Client,
    web_url: String,
    api_url: String,
}

#[derive(Deserialize)]
struct User {
    id: u64,
    login: String,
    name: Option<String>,
}

#[derive(Deserialize)]
struct Email {
    email: String,
    primary: bool,
    verified: bool,
}

impl GitHub {
    pub fn new(
        client_id: &str,
        secret: &str,
        web_url: &str,
        api_url: &str,
        callback: &str,
    ) -> Result<Self, ConfigError> {
        let web_url = web_url.trim_end_matches('/');
        let bad = |what: &str, error: oauth2::url::ParseError| {
            ConfigError(format!("GitHub {what} address: {error}"))
        };
        let client = BasicClient::new(ClientId::new(client_id.to_owned()))
            .set_client_secret(ClientSecret::new(secret.to_owned()))
            .set_auth_uri(
                AuthUrl::new(format!("{web_url}/login/oauth/authorize"))
                    .map_err(|e| bad("sign-in", e))?,
            )
            .set_token_uri(
                TokenUrl::new(format!("{web_url}/login/oauth/access_token"))
                    .map_err(|e| bad("sign-in", e))?,
            )
            // GitHub documents the client's credentials as form fields.
            .set_auth_type(AuthType::RequestBody)
            .set_redirect_uri(
                RedirectUrl::new(callback.to_owned()).map_err(|e| bad("callback", e))?,
            );
        Ok(GitHub {
            client,
            web_url: web_url.to_owned(),
            api_url: api_url.trim_end_matches('/').to_owned(),
        })
    }

    pub fn origin(&self) -> Option<String> {
        origin_of(&self.web_url)
    }

    pub fn begin(&self) -> Outbound {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state) = self
            .client
            .authorize_url(CsrfToken::new_random)
            .add_scope(Scope::new("read:user".to_owned()))
            .add_scope(Scope::new("user:email".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        Outbound {
            authorize_url: url.to_string(),
            state: state.secret().clone(),
            nonce: String::new(),
            pkce_verifier: verifier.secret().clone(),
        }
    }

    pub async fn finish(
        &self,
        http: &reqwest::Client,
        code: &str,
        attempt: &Attempt,
    ) -> Result<Vouched, SignInProblem> {
        let token = self
            .client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .set_pkce_verifier(PkceCodeVerifier::new(attempt.pkce_verifier.clone()))
            .request_async(http)
            .await
            .map_err(|error| token_problem(&error))?;
        let access = token.access_token().secret();
        let user: User = self.get(http, "/user", access).await?;
        // Without the e-mail scope granted this is refused: no address then.
        let emails: Vec<Email> = self
            .get(http, "/user/emails", access)
            .await
            .unwrap_or_default();
        let verified = emails
            .iter()
            .filter(|email| email.verified)
            .max_by_key(|email| email.primary)
            .map(|email| email.email.clone());
        Ok(Vouched {
            provider: Provider::GitHub,
            subject: user.id.to_string(),
            login: Some(user.login),
            name: user.name,
            verified_email: verified,
        })
    }

    async fn get<T: serde::de::DeserializeOwned>(
        &self,
        http: &reqwest::Client,
        path: &str,
        access_token: &str,
    ) -> Result<T, SignInProblem> {
        let answer = http
            .get(format!("{}{path}", self.api_url))
            .bearer_auth(access_token)
            .header(reqwest::header::ACCEPT, "application/vnd.github+json")
            .send()
            .await
            .and_then(reqwest::Response::error_for_status);
        let answer = answer.map_err(|error| {
            tracing::warn!(%error, path, "GitHub's API did not answer");
            SignInProblem::Unreachable
        })?;
        answer.json().await.map_err(|error| {
            tracing::warn!(%error, path, "GitHub's API answered something else");
            SignInProblem::Unreachable
        })
    }
}
