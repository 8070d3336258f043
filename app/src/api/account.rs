//! Signing up, confirming an address, signing in and out, and resetting a
//! password. Every answer is the same whether or not an address has an account.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::account::{CurrentUser, ResetPasswordForm, SignInForm, SignUpForm};

/// What the sign-up and forgot-password pages say after a submission,
/// whatever happened (they are reached by a redirect with `?sent=1`).
pub const CHECK_INBOX: &str = "account-check-inbox";

#[cfg(feature = "ssr")]
pub mod limits {
    use crate::store::rate_limits::Limit;

    pub const SIGN_UP: Limit = Limit {
        bucket: "sign-up",
        max_hits: 10,
        window_secs: 600,
    };
    pub const SIGN_IN: Limit = Limit {
        bucket: "sign-in",
        max_hits: 10,
        window_secs: 300,
    };
    pub const RESET: Limit = Limit {
        bucket: "password-reset",
        max_hits: 5,
        window_secs: 900,
    };
    /// Starting a sign-in through a provider stores an attempt.
    pub const SIGN_IN_WITH: Limit = Limit {
        bucket: "sign-in-with",
        max_hits: 20,
        window_secs: 300,
    };
    pub const JOIN: Limit = Limit {
        bucket: "join",
        max_hits: 20,
        window_secs: 600,
    };
}

/// Refuses the call with 429 once this client used up `limit`.
#[cfg(feature = "ssr")]
pub(crate) async fn rate_limit(
    db: &crate::store::Database,
    limit: crate::store::rate_limits::Limit,
) -> Result<(), AppError> {
    let client = crate::auth::client_address();
    crate::store::rate_limits::hit(db, limit, &client)
        .await?
        .map_err(|retry_after_secs| AppError::TooManyRequests { retry_after_secs })
}

/// Who is signed in, for the header.
#[server(endpoint = "load_current_user")]
pub async fn load_current_user() -> Result<Option<CurrentUser>, AppError> {
    let state = crate::state::app_state()?;
    Ok(crate::auth::current_account(&state.db)
        .await?
        .map(|account| CurrentUser {
            is_admin: crate::permissions::is_admin(&account),
            display_name: account.display_name,
        }))
}

/// Creates an account and e-mails a confirmation link.
#[server(endpoint = "sign_up")]
pub async fn sign_up(form: SignUpForm) -> Result<(), AppError> {
    crate::auth::at_an_even_pace(sign_up_now(form)).await
}

#[cfg(feature = "ssr")]
async fn sign_up_now(form: SignUpForm) -> Result<(), AppError> {
    use crate::auth::{hash_password, password_problem};
    use crate::store::accounts::{register, NewAccount};

    let state = crate::state::app_state()?;
    rate_limit(&state.db, limits::SIGN_UP).await?;
    form.validate()?;
    password_problem(&form.password, &[&form.email, &form.display_name])?;
    let password_hash = hash_password(&form.password)?;
    let handle = form.github_handle.trim().trim_start_matches('@');
    let (name, email) = (form.display_name.trim(), form.email.trim());
    let site = &state.site;
    register(
        &state.db,
        NewAccount {
            display_name: name,
            email,
            github_handle: (!handle.is_empty()).then_some(handle),
            password_hash: &password_hash,
            language: crate::i18n::language(),
        },
        |token| crate::mail::confirm_address(site, email, name, token),
        |language| crate::mail::address_taken(site, email, language),
    )
    .await?;
    crate::i18n::redirect("/account/sign-up?sent=1");
    Ok(())
}

/// Confirms the address behind an e-mailed link (a POST from the link's page:
/// opening a link never changes anything by itself).
#[server(endpoint = "confirm_email")]
pub async fn confirm_email(token: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let confirmed = crate::store::accounts::confirm_email(&state.db, token.trim()).await?;
    if !confirmed {
        return Err(AppError::Rejected(crate::i18n::t("link-expired-sign-up")));
    }
    crate::i18n::redirect("/account/sign-in?confirmed=1");
    Ok(())
}

/// Signs in with a confirmed account, replacing any session the browser had.
#[server(endpoint = "sign_in")]
pub async fn sign_in(form: SignInForm) -> Result<(), AppError> {
    crate::auth::at_an_even_pace(sign_in_now(form)).await
}

#[cfg(feature = "ssr")]
async fn sign_in_now(form: SignInForm) -> Result<(), AppError> {
    use crate::auth::verify_password;

    let state = crate::state::app_state()?;
    rate_limit(&state.db, limits::SIGN_IN).await?;
    let login = crate::store::accounts::find_login(&state.db, &form.email).await?;
    let stored_hash = login
        .as_ref()
        .and_then(|login| login.password_hash.as_deref());
    // The hash runs whether or not the address has an account.
    let password_matches = verify_password(&form.password, stored_hash);
    let Some(login) = login.as_ref().filter(|_| password_matches) else {
        return Err(AppError::Rejected(crate::i18n::t("sign-in-wrong")));
    };
    if login.email_confirmed_at.is_none() {
        return Err(AppError::Rejected(crate::i18n::t("sign-in-unconfirmed")));
    }
    crate::auth::begin_session(&state.db, login.id, "password").await?;
    crate::i18n::redirect(crate::models::account::return_path(&form.next));
    Ok(())
}

/// Ends the session for good and forgets the cookie.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::auth::{clear_session_cookie, session_token};
    let state = crate::state::app_state()?;
    if let Some(token) = session_token() {
        crate::store::sessions::end(&state.db, &token).await?;
    }
    clear_session_cookie();
    crate::i18n::redirect("/");
    Ok(())
}

/// E-mails a password-reset link if the address has an account.
#[server(endpoint = "forgot_password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    crate::auth::at_an_even_pace(forgot_password_now(email)).await
}

#[cfg(feature = "ssr")]
async fn forgot_password_now(email: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    rate_limit(&state.db, limits::RESET).await?;
    if let Err(message) = crate::models::account::check_email(&email) {
        let mut errors = crate::errors::FieldErrors::default();
        errors.add("email", message);
        return Err(errors.into());
    }
    let site = &state.site;
    let recipient = email.trim();
    crate::store::accounts::request_reset(&state.db, recipient, |token, language| {
        crate::mail::reset_password(site, recipient, token, language)
    })
    .await?;
    crate::i18n::redirect("/account/forgot-password?sent=1");
    Ok(())
}

/// Sets a new password from an e-mailed link; every session of the account ends.
#[server(endpoint = "reset_password")]
pub async fn reset_password(form: ResetPasswordForm) -> Result<(), AppError> {
    use crate::auth::{hash_password, password_problem};
    let state = crate::state::app_state()?;
    rate_limit(&state.db, limits::RESET).await?;
    password_problem(&form.password, &[])?;
    let hash = hash_password(&form.password)?;
    use crate::store::accounts::{set_password_from_link, TokenPurpose};
    let reset =
        set_password_from_link(&state.db, form.token.trim(), TokenPurpose::Reset, &hash).await?;
    if reset.is_none() {
        return Err(AppError::Rejected(crate::i18n::t("link-expired-reset")));
    }
    crate::i18n::redirect("/account/sign-in?reset=1");
    Ok(())
}
