//! Sign-ins sent to a provider and not back yet. Each is bound to the
//! browser that began it (by a cookie's token, stored hashed), kept in the
//! database so any instance may take the callback, and taken once.

use sqlx::FromRow;

use super::Database;
use crate::auth::hash_token;

/// How long a person may take at the provider before the answer is refused.
pub const ATTEMPT_SECONDS: i64 = 10 * 60;

/// What the callback must check the provider's answer against.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Attempt {
    pub provider: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    /// A path of this site to land on afterwards.
    pub return_to: String,
    /// The signed-in person linking this provider, if that is what it is.
    pub linking_person_id: Option<i64>,
    /// The page's language when it began: a new account's e-mails use it.
    pub language: String,
}

/// Records `attempt` for the browser holding `browser_token`, ending the
/// one it began before (`replacing`, that one's token), and clears out
/// attempts nobody came back for.
#[tracing::instrument(skip_all, err)]
pub async fn begin(
    db: &Database,
    browser_token: &str,
    replacing: Option<&str>,
    attempt: &Attempt,
) -> Result<(), sqlx::Error> {
    let now = db.now();
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM sign_in_attempts WHERE expires_at <= $1 OR browser_hash = $2")
        .bind(now)
        .bind(replacing.map(hash_token))
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO sign_in_attempts (browser_hash, provider, state, nonce, pkce_verifier, \
         return_to, linking_person_id, language, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(hash_token(browser_token))
    .bind(&attempt.provider)
    .bind(&attempt.state)
    .bind(&attempt.nonce)
    .bind(&attempt.pkce_verifier)
    .bind(&attempt.return_to)
    .bind(attempt.linking_person_id)
    .bind(&attempt.language)
    .bind(now + ATTEMPT_SECONDS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Takes the live attempt of the browser holding `browser_token`: it is
/// gone afterwards, whatever the answer turns out to be.
#[tracing::instrument(skip_all, err)]
pub async fn take(db: &Database, browser_token: &str) -> Result<Option<Attempt>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let attempt = sqlx::query_as(
        "DELETE FROM sign_in_attempts WHERE browser_hash = $1 AND expires_at > $2 \
         RETURNING provider, state, nonce, pkce_verifier, return_to, linking_person_id, language",
    )
    .bind(hash_token(browser_token))
    .bind(db.now())
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(attempt)
}
