//! Signing in through a provider, against a real OpenID Connect provider
//! and a GitHub stand-in started on loopback (`support::providers`).

mod github;
mod oidc;
mod sessions;
mod visitor;

use server::config::SignInArgs;

use crate::support::providers::{GitHubApp, OidcClient};
use crate::support::{Backend, TestApp};

/// A server offering "Sign in with Community SSO" through its own client
/// at the OpenID Connect provider.
pub async fn with_oidc(backend: Backend) -> (TestApp, OidcClient) {
    let mut registered = None;
    let app = TestApp::spawn_signing_in(backend, |base| {
        let registered = &mut registered;
        async move {
            let client = OidcClient::register(&format!("{base}/auth/oidc/callback")).await;
            let args = SignInArgs {
                oidc_issuer: Some(client.issuer.clone()),
                oidc_client_id: Some(client.client_id.clone()),
                oidc_client_secret: Some(server::config::Secret(client.client_secret.clone())),
                oidc_name: "Community SSO".to_owned(),
                ..SignInArgs::default()
            };
            *registered = Some(client);
            args
        }
    })
    .await;
    (app, registered.expect("registered"))
}

/// A server offering "Sign in with GitHub" through the stand-in.
pub async fn with_github(backend: Backend) -> (TestApp, GitHubApp) {
    let github = GitHubApp::register().await;
    let args = SignInArgs {
        github_client_id: Some(github.client_id.clone()),
        github_client_secret: Some(server::config::Secret(github.client_secret.clone())),
        github_url: github.url.clone(),
        github_api_url: format!("{}/api", github.url),
        ..SignInArgs::default()
    };
    let app = TestApp::spawn_signing_in(backend, |_| async move { args }).await;
    (app, github)
}

/// How many people the database holds.
pub async fn people(app: &TestApp) -> i64 {
    let db = app.database.open().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM people")
        .fetch_one(&db.pool)
        .await
        .expect("count")
}

/// The path and query a redirect leads to on our site.
pub fn landing(location: &str) -> String {
    let url: reqwest::Url = location.parse().expect("address");
    match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    }
}
