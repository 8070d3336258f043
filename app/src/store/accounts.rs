//! People who can sign in, and the single-use links e-mailed to them.

use sqlx::FromRow;

use super::outbox::{enqueue, Mail};
use super::Database;
use crate::i18n::Language;

/// How a single-use e-mail link may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Confirms the address of a new account.
    Confirm,
    /// Chooses a new password.
    Reset,
    /// Lets an appointed lead set a password on an existing profile.
    Invite,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Confirm => "confirm",
            TokenPurpose::Reset => "reset",
            TokenPurpose::Invite => "invite",
        }
    }

    /// How long a link stays valid.
    pub fn lifetime_secs(self) -> i64 {
        match self {
            TokenPurpose::Confirm => 48 * 3600,
            TokenPurpose::Reset => 3600,
            TokenPurpose::Invite => 7 * 24 * 3600,
        }
    }
}

/// What signing in needs to know about an address.
#[derive(Debug, FromRow)]
pub struct Login {
    pub id: i64,
    pub password_hash: Option<String>,
    pub email_confirmed_at: Option<i64>,
}

/// A signed-in person.
#[derive(Debug, Clone, FromRow)]
pub struct Account {
    pub id: i64,
    pub display_name: String,
    pub email: Option<String>,
    pub is_admin: i64,
}

/// A new account, already validated, with its password hashed.
#[derive(Debug)]
pub struct NewAccount<'a> {
    pub display_name: &'a str,
    pub email: &'a str,
    pub github_handle: Option<&'a str>,
    pub password_hash: &'a str,
    /// The language they signed up in: later e-mails are written in it.
    pub language: Language,
}

/// What registering did.
#[derive(Debug, PartialEq, Eq)]
pub enum Registration {
    Created,
    /// The address already has an account: nothing was created, and its
    /// owner was told by e-mail instead.
    AddressTaken,
}

/// The lower-case address used as the unique key.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

#[tracing::instrument(skip(db), err)]
pub async fn find_login(db: &Database, email: &str) -> Result<Option<Login>, sqlx::Error> {
    sqlx::query_as("SELECT id, password_hash, email_confirmed_at FROM people WHERE email_key = $1")
        .bind(email_key(email))
        .fetch_optional(&db.pool)
        .await
}

/// The account behind a live session's token: one query for every
/// signed-in request.
#[tracing::instrument(skip_all, err)]
pub async fn account_of_session(
    db: &Database,
    token: &str,
) -> Result<Option<Account>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.display_name, p.email, p.is_admin FROM sessions s \
         JOIN people p ON p.id = s.person_id WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(crate::auth::hash_token(token))
    .bind(db.now())
    .fetch_optional(&db.pool)
    .await
}

/// Creates an unconfirmed account and queues its confirmation mail, in one
/// transaction. `confirm_mail` writes the mail around the link's token; for a
/// taken address `taken_mail` tells the owner instead, so the form's answer
/// never reveals whether an address has an account.
#[tracing::instrument(skip_all, err)]
pub async fn register(
    db: &Database,
    account: NewAccount<'_>,
    confirm_mail: impl FnOnce(&str) -> Mail,
    taken_mail: impl FnOnce(Language) -> Mail,
) -> Result<Registration, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let key = email_key(account.email);
    let existing: Option<Option<String>> =
        sqlx::query_scalar("SELECT language FROM people WHERE email_key = $1")
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some(language) = existing {
        // Written to the owner, in the language they chose.
        enqueue(&mut tx, &taken_mail(Language::stored(language.as_deref()))).await?;
        tx.commit().await?;
        return Ok(Registration::AddressTaken);
    }
    // A GitHub handle already on a profile stays with that profile: taking it
    // over is what invitations are for.
    let handle_free = match account.github_handle {
        Some(handle) => sqlx::query_scalar::<_, i64>("SELECT id FROM people WHERE github_key = $1")
            .bind(handle.to_lowercase())
            .fetch_optional(&mut *tx)
            .await?
            .is_none(),
        None => false,
    };
    let (handle, handle_key) = match account.github_handle {
        Some(handle) if handle_free => (Some(handle.to_owned()), Some(handle.to_lowercase())),
        _ => (None, None),
    };
    let person_id: i64 = sqlx::query_scalar(
        "INSERT INTO people (display_name, github_handle, github_key, email, email_key, \
         password_hash, created_at, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(account.display_name)
    .bind(handle)
    .bind(handle_key)
    .bind(account.email.trim())
    .bind(&key)
    .bind(account.password_hash)
    .bind(db.now())
    .bind(account.language.tag())
    .fetch_one(&mut *tx)
    .await?;
    let token = issue_token(&mut tx, person_id, TokenPurpose::Confirm).await?;
    enqueue(&mut tx, &confirm_mail(&token)).await?;
    tx.commit().await?;
    Ok(Registration::Created)
}

/// Stores a new single-use link for `person_id` and returns its token.
pub async fn issue_token(
    tx: &mut crate::store::write::WriteTransaction,
    person_id: i64,
    purpose: TokenPurpose,
) -> Result<String, sqlx::Error> {
    let token = crate::auth::new_token();
    let created = tx.now();
    sqlx::query(
        "INSERT INTO email_tokens (token_hash, person_id, purpose, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(crate::auth::hash_token(&token))
    .bind(person_id)
    .bind(purpose.as_str())
    .bind(created)
    .bind(created + purpose.lifetime_secs())
    .execute(&mut **tx)
    .await?;
    Ok(token)
}

/// Uses up a link: returns its person when the token is known, meant for
/// `purpose`, unused and unexpired. A second use finds nothing.
pub async fn consume_token(
    tx: &mut crate::store::write::WriteTransaction,
    token: &str,
    purpose: TokenPurpose,
) -> Result<Option<i64>, sqlx::Error> {
    let timestamp = tx.now();
    sqlx::query_scalar(
        "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
         AND used_at IS NULL AND expires_at > $1 RETURNING person_id",
    )
    .bind(timestamp)
    .bind(crate::auth::hash_token(token))
    .bind(purpose.as_str())
    .fetch_optional(&mut **tx)
    .await
}

/// Confirms the address behind a confirmation link; `false` if the link is
/// unknown, used or expired.
#[tracing::instrument(skip_all, err)]
pub async fn confirm_email(db: &Database, token: &str) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some(person_id) = consume_token(&mut tx, token, TokenPurpose::Confirm).await? else {
        return Ok(false);
    };
    sqlx::query(
        "UPDATE people SET email_confirmed_at = $1 WHERE id = $2 AND email_confirmed_at IS NULL",
    )
    .bind(db.now())
    .bind(person_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Queues a password-reset link for the account at `email`, if there is one.
#[tracing::instrument(skip_all, err)]
pub async fn request_reset(
    db: &Database,
    email: &str,
    reset_mail: impl FnOnce(&str, Language) -> Mail,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let person: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT id, language FROM people WHERE email_key = $1")
            .bind(email_key(email))
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((person_id, language)) = person {
        let token = issue_token(&mut tx, person_id, TokenPurpose::Reset).await?;
        let language = Language::stored(language.as_deref());
        enqueue(&mut tx, &reset_mail(&token, language)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Sets a password from an e-mailed link (a reset or an invitation): uses up
/// the link, confirms the address (the link arrived there) and ends every
/// session of that person. Returns the person, or `None` if the link is
/// unknown, used, expired or meant for something else.
#[tracing::instrument(skip_all, err)]
pub async fn set_password_from_link(
    db: &Database,
    token: &str,
    purpose: TokenPurpose,
    password_hash: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some(person_id) = consume_token(&mut tx, token, purpose).await? else {
        return Ok(None);
    };
    sqlx::query(
        "UPDATE people SET password_hash = $1, \
         email_confirmed_at = COALESCE(email_confirmed_at, $2) WHERE id = $3",
    )
    .bind(password_hash)
    .bind(db.now())
    .bind(person_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM sessions WHERE person_id = $1")
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(person_id))
}

/// Creates a confirmed admin, or makes the account at `email` one (the
/// `server admin create` command). Returns whether the account is new.
#[tracing::instrument(skip_all, err)]
pub async fn create_admin(
    db: &Database,
    display_name: &str,
    email: &str,
    password_hash: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let key = email_key(email);
    let updated = sqlx::query(
        "UPDATE people SET is_admin = 1, password_hash = $1, \
         email_confirmed_at = COALESCE(email_confirmed_at, $2) WHERE email_key = $3",
    )
    .bind(password_hash)
    .bind(db.now())
    .bind(&key)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated == 0 {
        sqlx::query(
            "INSERT INTO people (display_name, email, email_key, password_hash, \
             email_confirmed_at, is_admin, created_at) VALUES ($1, $2, $3, $4, $5, 1, $5)",
        )
        .bind(display_name)
        .bind(email.trim())
        .bind(&key)
        .bind(password_hash)
        .bind(db.now())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(updated == 0)
}

/// Makes the account at `email` an administrator; `false` if there is none.
#[tracing::instrument(skip(db), err)]
pub async fn make_admin(db: &Database, email: &str) -> Result<bool, sqlx::Error> {
    let updated = sqlx::query("UPDATE people SET is_admin = 1 WHERE email_key = $1")
        .bind(email_key(email))
        .execute(&db.pool)
        .await?
        .rows_affected();
    Ok(updated == 1)
}

/// What the account page shows beside the account itself.
#[derive(Debug, FromRow)]
pub struct Profile {
    pub github_handle: Option<String>,
    pub has_password: i64,
}

#[tracing::instrument(skip(db), err)]
pub async fn profile_of(db: &Database, person_id: i64) -> Result<Profile, sqlx::Error> {
    sqlx::query_as(
        "SELECT github_handle, CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS has_password \
         FROM people WHERE id = $1",
    )
    .bind(person_id)
    .fetch_one(&db.pool)
    .await
}
