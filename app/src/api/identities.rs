//! A person's own account page: how they sign in (password, linked
//! providers) and their live sessions, with unlinking and ending sessions.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::identity::AccountOverview;

/// The signed-in person's ways in and sessions.
#[server(endpoint = "load_account_overview")]
pub async fn load_account_overview() -> Result<AccountOverview, AppError> {
    use crate::models::identity::{LinkedIdentity, Provider, SessionSummary};

    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    let options = &state.site.sign_in_with;
    let label_of = |provider: Provider| state.site.provider_label(provider);
    let links = crate::store::identities::links_of(&state.db, account.id).await?;
    let linked: Vec<LinkedIdentity> = links
        .into_iter()
        .filter_map(|link| {
            let provider = Provider::parse(&link.provider)?;
            Some(LinkedIdentity {
                provider,
                label: label_of(provider),
                login: link.login,
                since: crate::i18n::format::day_of(Some(link.created_at)),
            })
        })
        .collect();
    let linkable = options
        .iter()
        .filter(|option| !linked.iter().any(|link| link.provider == option.provider))
        .cloned()
        .collect();
    let current = crate::auth::session_token().map(|token| crate::auth::hash_token(&token));
    let sessions = crate::store::sessions::live_of(&state.db, account.id)
        .await?
        .into_iter()
        .map(|session| SessionSummary {
            current: current.as_deref() == Some(session.token_hash.as_str()),
            started: crate::i18n::format::time_of(session.created_at),
            signed_in_with: match Provider::parse(&session.signed_in_with) {
                Some(provider) => label_of(provider),
                None if session.signed_in_with == "email-link" => {
                    crate::i18n::t("session-via-link")
                }
                None => crate::i18n::t("session-via-password"),
            },
            browser: session
                .user_agent
                .unwrap_or_else(|| crate::i18n::t("session-unknown-browser")),
            key: session.token_hash,
        })
        .collect();
    let profile = crate::store::accounts::profile_of(&state.db, account.id).await?;
    Ok(AccountOverview {
        display_name: account.display_name,
        email: account.email,
        github_handle: profile.github_handle,
        has_password: profile.has_password != 0,
        linked,
        linkable,
        sessions,
    })
}

/// Removes a provider from the signed-in account, unless it is the last
/// way in.
#[server(endpoint = "unlink_provider")]
pub async fn unlink_provider(provider: String) -> Result<(), AppError> {
    use crate::models::identity::Provider;
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    let provider = Provider::parse(&provider).ok_or(AppError::NotFound)?;
    let token = crate::auth::session_token().ok_or(AppError::Unauthorized)?;
    crate::store::identities::unlink(&state.db, account.id, provider, &token)
        .await?
        .map_err(|problem| AppError::Rejected(crate::i18n::t(problem.message_key())))?;
    crate::i18n::redirect("/account?unlinked=1");
    Ok(())
}

/// Ends one of the signed-in person's other sessions.
#[server(endpoint = "end_session")]
pub async fn end_session(key: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    crate::store::sessions::end_own(&state.db, account.id, key.trim()).await?;
    crate::i18n::redirect("/account?ended=1");
    Ok(())
}

/// Ends every session of the signed-in person but this one.
#[server(endpoint = "end_other_sessions")]
pub async fn end_other_sessions() -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    let token = crate::auth::session_token().ok_or(AppError::Unauthorized)?;
    crate::store::sessions::end_others(&state.db, account.id, &token).await?;
    crate::i18n::redirect("/account?ended=1");
    Ok(())
}
