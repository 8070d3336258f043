//! Server-only building blocks of accounts: passwords, tokens, the session
//! cookie and what the current request says about its sender.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use http::header::{COOKIE, SET_COOKIE};
use http::request::Parts;
use http::HeaderValue;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use sha2::{Digest, Sha256};

use crate::errors::{AppError, FieldErrors};
use crate::models::account::check_password_length;

/// The cookie that carries the session token.
pub const SESSION_COOKIE: &str = "sigpost_session";
/// How long a session lasts without signing in again.
pub const SESSION_SECONDS: i64 = 30 * 24 * 60 * 60;

/// An argon2id hash with a fresh salt, in PHC string form.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| {
            tracing::error!(%error, "password hashing failed");
            AppError::Internal
        })
}

/// A valid argon2id hash of a random password, made with the same
/// parameters as `hash_password`: checked when there is no stored hash, so
/// the work is the same whether or not an account exists.
const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2lncG9zdGRlY295c2FsdA$0kYbsO7pEnr0Z3zbyZ+OwnBEl5t9QU9r8DJRZ1cx6ng";

/// Whether `password` matches the stored hash. Runs the hash even for people
/// without a password, so timing does not tell who has an account.
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    let hash = stored.unwrap_or(DECOY_HASH);
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
        && stored.is_some()
}

/// The least time an answer that could tell whether an address has an
/// account takes (sign-in, sign-up, forgot-password). Each path does
/// different database work (a token and an e-mail for one, nothing for the
/// other); waiting out the rest of this floor makes them look alike from
/// outside. It is above the slowest path on a quiet release build. (Joins
/// need none: a visitor's join is queued, the same work for every address.)
pub const ACCOUNT_ANSWER_FLOOR: std::time::Duration = std::time::Duration::from_millis(250);

/// Runs `work`, then waits until `ACCOUNT_ANSWER_FLOOR` has passed since it began.
pub async fn at_an_even_pace<T>(work: impl std::future::Future<Output = T>) -> T {
    let started = tokio::time::Instant::now();
    let result = work.await;
    tokio::time::sleep_until(started + ACCOUNT_ANSWER_FLOOR).await;
    result
}

/// Whether zxcvbn rates `password` too easy to guess (common words, keyboard
/// walks, the person's own name or address).
pub fn is_guessable(password: &str, user_inputs: &[&str]) -> bool {
    zxcvbn::zxcvbn(password, user_inputs).score() < zxcvbn::Score::Three
}

/// Checks a new password's length and that it is not easy to guess; the
/// problem is reported on the form's `password` field.
pub fn password_problem(password: &str, user_inputs: &[&str]) -> Result<(), FieldErrors> {
    let problem = match check_password_length(password) {
        Err(message) => Some(message),
        Ok(()) if is_guessable(password, user_inputs) => {
            Some(crate::i18n::t("check-password-common").to_owned())
        }
        Ok(()) => None,
    };
    let mut errors = FieldErrors::default();
    if let Some(message) = problem {
        errors.add("password", message);
    }
    errors.into_result()
}

/// 128 random bits as hex: the secret that goes in a cookie or a link.
pub fn new_token() -> String {
    let mut bytes = [0_u8; 16];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What the database keeps of a token: its SHA-256, so a leaked table
/// cannot be used to sign in or to follow a link.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn request_parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The account behind a page request's session, looked up at most once per
/// request: the server adds it to the extensions of reading requests (a
/// write may sign someone in or out half-way, so it looks up afresh).
#[derive(Debug, Clone, Default)]
pub struct AccountMemo(
    std::sync::Arc<tokio::sync::OnceCell<Option<crate::store::accounts::Account>>>,
);

impl AccountMemo {
    /// Adds a memo to a reading request that carries a session cookie.
    pub fn add_to<B>(request: &mut http::Request<B>) {
        let reading = matches!(*request.method(), http::Method::GET | http::Method::HEAD);
        if reading && session_token_in(request.headers()).is_some() {
            request.extensions_mut().insert(AccountMemo::default());
        }
    }
}

impl std::ops::Deref for AccountMemo {
    type Target = tokio::sync::OnceCell<Option<crate::store::accounts::Account>>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// The signed-in person behind a request, if its session is live: the one
/// lookup of who is asking, taken as an extractor by plain axum handlers and
/// read through `current_account` by server functions and pages.
#[derive(Debug, Clone)]
pub struct CurrentAccount(pub Option<crate::store::accounts::Account>);

impl CurrentAccount {
    /// The account behind `parts`' session cookie, looked up once per
    /// request when the request carries a memo.
    pub async fn of(db: &crate::store::Database, parts: &Parts) -> Result<Self, AppError> {
        let Some(token) = session_token_in(&parts.headers) else {
            return Ok(CurrentAccount(None));
        };
        let look_up = || async {
            Ok::<_, AppError>(crate::store::accounts::account_of_session(db, &token).await?)
        };
        let account = match parts.extensions.get::<AccountMemo>() {
            Some(memo) => memo.get_or_try_init(look_up).await.cloned()?,
            None => look_up().await?,
        };
        Ok(CurrentAccount(account))
    }
}

impl axum::extract::FromRequestParts<crate::state::AppState> for CurrentAccount {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &crate::state::AppState,
    ) -> Result<Self, AppError> {
        CurrentAccount::of(&state.db, parts).await
    }
}

/// The signed-in person of the request being served, if any.
pub async fn current_account(
    db: &crate::store::Database,
) -> Result<Option<crate::store::accounts::Account>, AppError> {
    match request_parts() {
        Some(parts) => Ok(CurrentAccount::of(db, &parts).await?.0),
        None => Ok(None),
    }
}

/// The session token the browser sent, if any.
pub fn session_token() -> Option<String> {
    session_token_in(&request_parts()?.headers)
}

/// The session token in a request's cookies, for plain axum handlers.
pub fn session_token_in(headers: &http::HeaderMap) -> Option<String> {
    token_cookie(headers, SESSION_COOKIE)
}

/// The token (as `new_token` makes them) in the cookie called `cookie`.
pub fn token_cookie(headers: &http::HeaderMap, cookie: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == cookie)
        .map(|(_, value)| value.to_owned())
        .filter(|value| value.len() == 32 && value.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether the request reached us over TLS, directly or through a proxy.
fn over_tls(parts: &Parts) -> bool {
    parts.uri.scheme_str() == Some("https")
        || parts
            .headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|proto| proto.eq_ignore_ascii_case("https"))
}

/// The session cookie's `Set-Cookie` value: HttpOnly, SameSite=Lax, and
/// Secure when the request came over TLS.
pub fn session_cookie(token: &str, secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; Max-Age={SESSION_SECONDS}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

/// Sends the session cookie with the page being answered.
fn set_session_cookie(token: &str) {
    let secure = request_parts().is_some_and(|parts| over_tls(&parts));
    append_header(SET_COOKIE, &session_cookie(token, secure));
}

/// Signs `person_id` in on this browser: a new session (ending the one the
/// browser had, so the token rotates) and its cookie. `signed_in_with`
/// says how ("password", "email-link"), for the person's list of sessions.
pub async fn begin_session(
    db: &crate::store::Database,
    person_id: i64,
    signed_in_with: &str,
) -> Result<(), AppError> {
    let parts = request_parts();
    let user_agent = parts
        .as_ref()
        .and_then(|parts| parts.headers.get(http::header::USER_AGENT))
        .and_then(|value| value.to_str().ok());
    let origin = crate::store::sessions::Origin {
        signed_in_with,
        user_agent,
    };
    let token =
        crate::store::sessions::start(db, person_id, session_token().as_deref(), origin).await?;
    set_session_cookie(&token);
    Ok(())
}

/// Tells the browser to forget the session cookie.
pub fn clear_session_cookie() {
    append_header(
        SET_COOKIE,
        &format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"),
    );
}

fn append_header(name: http::HeaderName, value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        response.append_header(name, value);
    }
}

/// The client's address, the key of rate limits: the peer, or behind a
/// trusted proxy the address it appended to `X-Forwarded-For`.
pub fn client_address() -> String {
    let Some(parts) = request_parts() else {
        return "unknown".to_owned();
    };
    let trusted = crate::state::app_state().is_ok_and(|state| state.site.trust_forwarded_for);
    client_address_of(&parts.headers, &parts.extensions, trusted)
}

/// The client's address from a request's headers and extensions (the
/// peer the server recorded), for plain axum handlers.
pub fn client_address_of(
    headers: &http::HeaderMap,
    extensions: &http::Extensions,
    trust_forwarded_for: bool,
) -> String {
    let forwarded = trust_forwarded_for
        .then(|| forwarded_client(headers))
        .flatten();
    forwarded
        .or_else(|| {
            extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip())
        })
        .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
}

/// The last address of `X-Forwarded-For`: the one our own proxy added.
fn forwarded_client(headers: &http::HeaderMap) -> Option<std::net::IpAddr> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .last()?
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse battery staple").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery staple", Some(&hash)));
        assert!(!verify_password("wrong horse battery staple", Some(&hash)));
        assert!(!verify_password("correct horse battery staple", None));
    }

    #[test]
    fn the_decoy_is_the_same_work_as_a_real_hash() {
        let real = hash_password("correct horse battery staple").expect("hash");
        let (real, decoy) = (
            PasswordHash::new(&real).expect("real"),
            PasswordHash::new(DECOY_HASH).expect("decoy"),
        );
        assert_eq!(decoy.algorithm, real.algorithm);
        assert_eq!(decoy.version, real.version);
        assert_eq!(decoy.params, real.params, "memory, time and lanes");
        assert_eq!(
            decoy.hash.map(|h| h.len()),
            real.hash.map(|h| h.len()),
            "output length"
        );
    }

    #[tokio::test]
    async fn account_answers_take_at_least_the_floor() {
        let started = tokio::time::Instant::now();
        at_an_even_pace(async {}).await;
        assert!(started.elapsed() >= ACCOUNT_ANSWER_FLOOR);
    }

    #[test]
    fn tokens_are_128_random_bits_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert_eq!(hash_token(&a).len(), 64);
        assert_ne!(hash_token(&a), a);
    }

    #[test]
    fn the_proxy_appends_the_client_last() {
        let mut headers = http::HeaderMap::new();
        headers.append(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 10.0.0.7"),
        );
        headers.append("x-forwarded-for", HeaderValue::from_static("192.0.2.1"));
        assert_eq!(
            forwarded_client(&headers),
            "192.0.2.1".parse().ok(),
            "a client can prepend anything; only the proxy's entry counts"
        );
        headers.append(
            "x-forwarded-for",
            HeaderValue::from_static("not an address"),
        );
        assert_eq!(forwarded_client(&headers), None);
    }

    #[test]
    fn common_passwords_are_guessable() {
        for password in [
            "password",
            "12345678",
            "qwertyuiop",
            "iloveyou1",
            "ada@example.org",
        ] {
            assert!(
                is_guessable(password, &["ada@example.org", "Ada"]),
                "{password}"
            );
        }
        assert!(!is_guessable("violet-kettle-orbit-42", &[]));
    }
}
