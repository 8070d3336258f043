//! The sign-in providers the tests start on loopback, once per test run:
//! a real OpenID Connect provider (`oidc-provider`, OpenID-certified) and
//! a stand-in answering GitHub's documented OAuth endpoints (GitHub itself
//! cannot be reached from the machines the tests run on). Both are Node
//! scripts in `end2end/support`, using the end-to-end tests' packages.
//! Each test registers its own client, so tests never share state.

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};

use serde_json::{json, Value};

/// A Node script serving on loopback, stopped when the test process ends
/// (its standard input, held here, closes then).
struct NodeService {
    _child: Child,
    _stdin: Mutex<ChildStdin>,
    url: String,
}

fn start(script: &str, url_key: &str) -> NodeService {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/support/");
    let mut child = Command::new("node")
        .arg(format!("{path}{script}"))
        .arg("--exit-with-stdin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("node {script} starts ({error}); run npm ci in end2end/"));
    let stdin = child.stdin.take().expect("stdin");
    let mut first = String::new();
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    stdout
        .read_line(&mut first)
        .expect("the script prints its address");
    // The provider notes things on its standard output; a closed pipe
    // would end it.
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    let printed: Value = serde_json::from_str(&first).unwrap_or_else(|_| {
        panic!("{script} printed {first:?}; is end2end/node_modules installed?")
    });
    NodeService {
        url: printed[url_key].as_str().expect("address").to_owned(),
        _child: child,
        _stdin: Mutex::new(stdin),
    }
}

fn oidc_provider() -> &'static str {
    static SERVICE: OnceLock<NodeService> = OnceLock::new();
    &SERVICE
        .get_or_init(|| start("oidc-provider.mjs", "issuer"))
        .url
}

fn github_stand_in() -> &'static str {
    static SERVICE: OnceLock<NodeService> = OnceLock::new();
    &SERVICE
        .get_or_init(|| start("github-stand-in.mjs", "url"))
        .url
}

async fn post_json(url: &str, body: Value) -> Value {
    let answer = reqwest::Client::new()
        .post(url)
        .json(&body)
        .send()
        .await
        .expect("the provider answers");
    let text = answer.text().await.expect("body");
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

/// A client registered at the OpenID Connect provider for one test.
#[derive(Debug, Clone)]
pub struct OidcClient {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

impl OidcClient {
    /// Registers a client whose only redirect is `callback` (dynamic
    /// client registration, RFC 7591).
    pub async fn register(callback: &str) -> Self {
        let issuer = oidc_provider().to_owned();
        let client = post_json(
            &format!("{issuer}/reg"),
            json!({
                "redirect_uris": [callback],
                "grant_types": ["authorization_code"],
                "response_types": ["code"],
                "token_endpoint_auth_method": "client_secret_basic",
            }),
        )
        .await;
        OidcClient {
            issuer,
            client_id: client["client_id"].as_str().expect("client id").to_owned(),
            client_secret: client["client_secret"].as_str().expect("secret").to_owned(),
        }
    }

    /// The account the provider signs in next for this client.
    pub async fn next_account(&self, account: Value) {
        post_json(
            &format!("{}/test/next-account", self.issuer),
            json!({ "client_id": self.client_id, "account": account }),
        )
        .await;
    }

    /// Makes the provider's next ID token for this client wrong in `how`
    /// (`{"nonce": "…"}` or `{"expired": true}`), signed with its own key.
    pub async fn tamper_next_token(&self, how: Value) {
        let mut body = how;
        body["client_id"] = json!(self.client_id);
        post_json(&format!("{}/test/tamper", self.issuer), body).await;
    }
}

/// An OAuth app registered at the GitHub stand-in for one test.
#[derive(Debug, Clone)]
pub struct GitHubApp {
    pub url: String,
    pub client_id: String,
    pub client_secret: String,
}

impl GitHubApp {
    pub async fn register() -> Self {
        let url = github_stand_in().to_owned();
        let app = post_json(&format!("{url}/test/clients"), json!({})).await;
        GitHubApp {
            client_id: app["client_id"].as_str().expect("client id").to_owned(),
            client_secret: app["client_secret"].as_str().expect("secret").to_owned(),
            url,
        }
    }

    /// Describes a GitHub user: id, login, name and addresses.
    pub async fn user(&self, user: Value) {
        post_json(&format!("{}/test/users", self.url), user).await;
    }
}
