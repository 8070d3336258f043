//! A browser going through a provider's sign-in: a cookie jar shared by
//! our site and the provider, and redirects followed one at a time so the
//! test sees (and may replay or alter) the provider's answer.

use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};
use reqwest::{Response, Url};

use crate::support::{Page, TestApp};

pub struct Visitor {
    client: reqwest::Client,
    jar: Arc<Jar>,
    site: String,
}

impl Visitor {
    pub fn new(app: &TestApp) -> Self {
        Self::speaking(app, "en")
    }

    /// A browser whose `Accept-Language` asks for `language` first.
    pub fn speaking(app: &TestApp, language: &str) -> Self {
        let jar = Arc::new(Jar::default());
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::ACCEPT_LANGUAGE,
            language.parse().expect("a header value"),
        );
        let client = reqwest::Client::builder()
            .default_headers(headers)
            .cookie_provider(Arc::clone(&jar))
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("client");
        Visitor {
            client,
            jar,
            site: format!("http://{}", app.addr),
        }
    }

    /// A visitor already signed in with `session`.
    pub fn signed_in(app: &TestApp, session: &str) -> Self {
        let visitor = Self::new(app);
        let url: Url = visitor.site.parse().expect("url");
        visitor
            .jar
            .add_cookie_str(&format!("sigpost_session={session}; Path=/"), &url);
        visitor
    }

    /// Presses "Sign in with …" (or "Link …") on one of our pages.
    pub async fn press(&self, start_path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}{start_path}", self.site))
            .header("origin", &self.site)
            .form(fields)
            .send()
            .await
            .expect("the site answers")
    }

    /// Follows redirects from `response` through the OpenID Connect
    /// provider until it sends the browser back to our callback; returns
    /// that address unvisited.
    pub async fn through_provider(&self, mut response: Response) -> String {
        for _ in 0..12 {
            let location = location(&response);
            if location.starts_with(&self.site) && location.contains("/callback") {
                return location;
            }
            response = self.get_url(&location).await;
        }
        panic!("the provider never sent the browser back");
    }

    /// At the GitHub stand-in's authorize page, `login` presses Authorize
    /// (or Cancel with `allow` false); returns the callback address.
    pub async fn through_github(&self, response: Response, login: &str, allow: bool) -> String {
        let authorize: Url = location(&response).parse().expect("authorize address");
        let mut form: Vec<(String, String)> = authorize
            .query_pairs()
            .filter(|(name, _)| {
                [
                    "client_id",
                    "redirect_uri",
                    "state",
                    "code_challenge",
                    "code_challenge_method",
                ]
                .contains(&name.as_ref())
            })
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        form.push(("login".into(), login.into()));
        form.push((
            "decision".into(),
            if allow { "allow" } else { "deny" }.into(),
        ));
        let mut target = authorize.clone();
        target.set_query(None);
        let answer = self
            .client
            .post(target)
            .form(&form)
            .send()
            .await
            .expect("the stand-in answers");
        location(&answer)
    }

    pub async fn get_url(&self, url: &str) -> Response {
        self.client.get(url).send().await.expect("an answer")
    }

    /// Opens a path of our site as a page.
    pub async fn open(&self, path: &str) -> Page {
        Page::from_response(self.get_url(&format!("{}{path}", self.site)).await).await
    }

    /// The session token the browser holds, if any.
    pub fn session(&self) -> Option<String> {
        let url: Url = self.site.parse().expect("url");
        let cookies = self.jar.cookies(&url)?;
        cookies
            .to_str()
            .ok()?
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == "sigpost_session")
            .map(|(_, value)| value.to_owned())
            .filter(|value| !value.is_empty())
    }
}

/// Where a redirect points, absolute.
pub fn location(response: &Response) -> String {
    let value = response
        .headers()
        .get("location")
        .unwrap_or_else(|| panic!("a redirect, got {}", response.status()))
        .to_str()
        .expect("ascii");
    response.url().join(value).expect("address").to_string()
}

/// `url` with its query parameter `name` set to `value`: an answer as a
/// forger would alter it.
pub fn with_param(url: &str, name: &str, value: &str) -> String {
    let mut url: Url = url.parse().expect("url");
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(key, old)| {
            let kept = if key == name {
                value.to_owned()
            } else {
                old.into_owned()
            };
            (key.into_owned(), kept)
        })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);
    url.to_string()
}
