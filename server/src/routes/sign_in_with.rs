//! `POST /auth/PROVIDER/start` sends the browser to GitHub or the OpenID
//! Connect provider; `GET /auth/PROVIDER/callback` takes its answer. The
//! callback changes nothing until every check passed: the browser's own
//! attempt (taken once, so a replayed answer finds none), the `state`, then
//! the provider's code and ID token. Anything it refuses comes back to the
//! sign-in (or account) page with `?problem=KEY`, which the page explains.

use std::sync::Arc;

use app::auth::{hash_token, new_token, token_cookie};
use app::errors::AppError;
use app::i18n::Language;
use app::models::account::return_path;
use app::models::identity::{Provider, SignInProblem};
use app::state::AppState;
use app::store::sign_in_attempts::{Attempt, ATTEMPT_SECONDS};
use axum::extract::{Form, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::Deserialize;

use crate::federation::Federation;

/// The cookie that binds an attempt to the browser that began it.
const ATTEMPT_COOKIE: &str = "sigpost_sign_in";

/// Marks the one kind of answer allowed to send a browser to another site:
/// the way to a configured provider (see `redirects::guard`).
#[derive(Debug, Clone, Copy)]
pub struct ToProvider;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/{provider}/start", post(start))
        .route("/auth/{provider}/callback", get(callback))
}

#[derive(Deserialize)]
struct StartForm {
    /// The page to land on afterwards (this site's paths only).
    #[serde(default)]
    next: String,
    /// Set by the account page: link the provider to the signed-in account.
    #[serde(default)]
    link: Option<String>,
}

async fn start(
    State(state): State<AppState>,
    Extension(federation): Extension<Arc<Federation>>,
    Extension(language): Extension<Language>,
    Path(provider): Path<String>,
    request: Parts,
    Form(form): Form<StartForm>,
) -> Result<Response, AppError> {
    let Some(provider) = Provider::parse(&provider).filter(|p| federation.offers(*p)) else {
        return Err(AppError::NotFound);
    };
    let headers = &request.headers;
    // Each start stores an attempt: as many as a person could want, no more.
    let client =
        app::auth::client_address_of(headers, &request.extensions, state.site.trust_forwarded_for);
    let limit = app::api::account::limits::SIGN_IN_WITH;
    if let Err(retry_after_secs) = app::store::rate_limits::hit(&state.db, limit, &client).await? {
        return Err(AppError::TooManyRequests { retry_after_secs });
    }
    let linking_person_id = match form.link {
        Some(_) => {
            let Some(person) = signed_in_person(&state, headers).await? else {
                return Ok(see_other(
                    &language.href("/account/sign-in?next=%2Faccount"),
                ));
            };
            Some(person)
        }
        None => None,
    };
    let return_to = return_path(&form.next).to_owned();
    let outbound = match federation.begin(provider).await {
        Ok(outbound) => outbound,
        Err(problem) => {
            return Ok(refused(
                language,
                linking_person_id.is_some(),
                &return_to,
                problem,
            ))
        }
    };
    let browser_token = new_token();
    let attempt = Attempt {
        provider: provider.key().to_owned(),
        state: outbound.state,
        nonce: outbound.nonce,
        pkce_verifier: outbound.pkce_verifier,
        return_to,
        linking_person_id,
        language: language.tag().to_owned(),
    };
    let replacing = token_cookie(headers, ATTEMPT_COOKIE);
    app::store::sign_in_attempts::begin(&state.db, &browser_token, replacing.as_deref(), &attempt)
        .await?;
    let mut response = see_other(&outbound.authorize_url);
    response.extensions_mut().insert(ToProvider);
    set_cookie(
        &mut response,
        &attempt_cookie(&browser_token, ATTEMPT_SECONDS, headers),
    );
    Ok(response)
}

#[derive(Deserialize)]
struct Answer {
    code: Option<String>,
    state: Option<String>,
    /// The provider's refusal (`access_denied` when the person said no).
    error: Option<String>,
}

async fn callback(
    State(state): State<AppState>,
    Extension(federation): Extension<Arc<Federation>>,
    Extension(language): Extension<Language>,
    Path(provider): Path<String>,
    headers: HeaderMap,
    Query(answer): Query<Answer>,
) -> Result<Response, AppError> {
    let Some(provider) = Provider::parse(&provider).filter(|p| federation.offers(*p)) else {
        return Err(AppError::NotFound);
    };
    let attempt = match token_cookie(&headers, ATTEMPT_COOKIE) {
        Some(token) => app::store::sign_in_attempts::take(&state.db, &token).await?,
        None => None,
    };
    let Some(attempt) = attempt.filter(|attempt| attempt.provider == provider.key()) else {
        return Ok(forget_attempt(
            refused(language, false, "/", SignInProblem::Stale),
            &headers,
        ));
    };
    let language = Language::parse(&attempt.language).unwrap_or(language);
    let linking = attempt.linking_person_id.is_some();
    let outcome = settle(&state, &federation, provider, &attempt, &answer, &headers).await?;
    let response = match outcome {
        Ok(Settled::SignedIn(cookie)) => {
            let mut response = see_other(&language.href(&attempt.return_to));
            set_cookie(&mut response, &cookie);
            response
        }
        Ok(Settled::Linked) => {
            see_other(&language.href(&format!("/account?linked={}", provider.key())))
        }
        Err(problem) => refused(language, linking, &attempt.return_to, problem),
    };
    Ok(forget_attempt(response, &headers))
}

enum Settled {
    /// Signed in: the session cookie to set.
    SignedIn(String),
    Linked,
}

/// Checks the answer against the attempt, then signs in or links.
async fn settle(
    state: &AppState,
    federation: &Federation,
    provider: Provider,
    attempt: &Attempt,
    answer: &Answer,
    headers: &HeaderMap,
) -> Result<Result<Settled, SignInProblem>, AppError> {
    if answer.error.is_some() {
        return Ok(Err(SignInProblem::Denied));
    }
    let (Some(code), Some(returned_state)) = (&answer.code, &answer.state) else {
        return Ok(Err(SignInProblem::Stale));
    };
    // Compared as digests: the time taken says nothing about the state.
    if hash_token(returned_state) != hash_token(&attempt.state) {
        return Ok(Err(SignInProblem::Stale));
    }
    let vouched = match federation.finish(provider, code, attempt).await {
        Ok(vouched) => vouched.tidied(),
        Err(problem) => return Ok(Err(problem)),
    };
    if let Some(person_id) = attempt.linking_person_id {
        // Still the same person in this browser, or nothing is linked.
        if signed_in_person(state, headers).await? != Some(person_id) {
            return Ok(Err(SignInProblem::Stale));
        }
        return Ok(app::store::identities::link(&state.db, person_id, &vouched)
            .await?
            .map(|()| Settled::Linked));
    }
    let language = Language::parse(&attempt.language).unwrap_or_default();
    let person_id = match app::store::identities::sign_in(&state.db, &vouched, language).await? {
        Ok(person_id) => person_id,
        Err(problem) => return Ok(Err(problem)),
    };
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|value| value.to_str().ok());
    let token = app::store::sessions::start(
        &state.db,
        person_id,
        app::auth::session_token_in(headers).as_deref(),
        app::store::sessions::Origin {
            signed_in_with: provider.key(),
            user_agent,
        },
    )
    .await?;
    Ok(Ok(Settled::SignedIn(app::auth::session_cookie(
        &token,
        over_tls(headers),
    ))))
}

async fn signed_in_person(state: &AppState, headers: &HeaderMap) -> Result<Option<i64>, AppError> {
    match app::auth::session_token_in(headers) {
        Some(token) => Ok(app::store::sessions::person_of(&state.db, &token).await?),
        None => Ok(None),
    }
}

/// Back to the page the attempt began on, saying what went wrong.
fn refused(language: Language, linking: bool, return_to: &str, problem: SignInProblem) -> Response {
    let page = if linking {
        format!("/account?problem={}", problem.key())
    } else {
        let next: String =
            form_urlencoded::byte_serialize(return_path(return_to).as_bytes()).collect();
        format!("/account/sign-in?problem={}&next={next}", problem.key())
    };
    see_other(&language.href(&page))
}

fn see_other(location: &str) -> Response {
    let location =
        HeaderValue::from_str(location).unwrap_or_else(|_| HeaderValue::from_static("/"));
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
    )
        .into_response()
}

fn over_tls(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|proto| proto.eq_ignore_ascii_case("https"))
}

fn attempt_cookie(token: &str, max_age: i64, headers: &HeaderMap) -> String {
    // Lax: the provider's answer arrives as a top-level GET from its site.
    format!(
        "{ATTEMPT_COOKIE}={token}; Path=/auth/; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        if over_tls(headers) { "; Secure" } else { "" }
    )
}

fn forget_attempt(mut response: Response, headers: &HeaderMap) -> Response {
    set_cookie(&mut response, &attempt_cookie("", 0, headers));
    response
}

fn set_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}
