//! Which provider account belongs to which person: signing in through one,
//! linking one to an account, and unlinking it. An account is never taken
//! over by a provider's word: only profiles nobody signs in to yet (an
//! imported lead, an invited one) are claimed.

use sqlx::FromRow;

use super::accounts::email_key;
use super::write::WriteTransaction;
use super::Database;
use crate::i18n::Language;
use crate::models::account::{check_email, check_github_handle, NAME_MAX_CHARS};
use crate::models::identity::{Provider, SignInProblem};

/// What a provider vouched for, once every check of its answer passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vouched {
    pub provider: Provider,
    /// The provider's stable id of the person.
    pub subject: String,
    /// The GitHub login, or the OIDC preferred username.
    pub login: Option<String>,
    pub name: Option<String>,
    /// An address the provider says it verified; never an unverified one.
    pub verified_email: Option<String>,
}

impl Vouched {
    /// The same, with what the provider sent made fit to store and show:
    /// no control characters, names cut to length, handles and addresses
    /// that pass the sign-up form's checks (anything else is dropped).
    pub fn tidied(self) -> Self {
        let clean = |text: String| -> Option<String> {
            let text: String = text.chars().filter(|c| !c.is_control()).collect();
            let text = text.trim();
            (!text.is_empty()).then(|| text.chars().take(NAME_MAX_CHARS).collect())
        };
        let login = self.login.and_then(clean).filter(|login| {
            self.provider != Provider::GitHub || check_github_handle(login).is_ok()
        });
        Vouched {
            provider: self.provider,
            subject: self.subject,
            login,
            name: self.name.and_then(clean),
            verified_email: self
                .verified_email
                .filter(|email| check_email(email).is_ok())
                .map(|email| email.trim().to_owned()),
        }
    }

    /// The GitHub handle it proves, if it is GitHub's word.
    fn github_handle(&self) -> Option<&str> {
        (self.provider == Provider::GitHub)
            .then_some(self.login.as_deref())
            .flatten()
    }
}

/// A profile a provider's word may point at.
#[derive(Debug, FromRow)]
struct Profile {
    id: i64,
    /// Someone already signs in to it, or once did: a password, a linked
    /// provider, an address confirmed from a link (a newcomer who joined
    /// typed their handle themselves), or a live session.
    is_account: i64,
}

const PROFILE: &str = "SELECT id, CASE WHEN password_hash IS NOT NULL \
     OR email_confirmed_at IS NOT NULL \
     OR EXISTS (SELECT 1 FROM identities i WHERE i.person_id = people.id) \
     OR EXISTS (SELECT 1 FROM sessions s WHERE s.person_id = people.id) THEN 1 ELSE 0 END \
     AS is_account FROM people";

async fn profile_by(
    tx: &mut WriteTransaction,
    column: &str,
    key: &str,
) -> Result<Option<Profile>, sqlx::Error> {
    let sql = format!("{PROFILE} WHERE {column} = $1");
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(key)
        .fetch_optional(&mut **tx)
        .await
}

async fn linked_person(
    tx: &mut WriteTransaction,
    vouched: &Vouched,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT person_id FROM identities WHERE provider = $1 AND subject = $2")
        .bind(vouched.provider.key())
        .bind(&vouched.subject)
        .fetch_optional(&mut **tx)
        .await
}

/// Records `vouched` as `person_id`'s and returns whose it is now: on
/// PostgreSQL a concurrent first sign-in of the same account may have
/// recorded it for someone else first (the insert waits for it).
async fn record(
    tx: &mut WriteTransaction,
    person_id: i64,
    vouched: &Vouched,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO identities (provider, subject, person_id, login, created_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (provider, subject) DO UPDATE SET login = excluded.login \
         RETURNING person_id",
    )
    .bind(vouched.provider.key())
    .bind(&vouched.subject)
    .bind(person_id)
    .bind(&vouched.login)
    .bind(tx.now())
    .fetch_one(&mut **tx)
    .await
}

/// Takes the row lock of `person_id` for the rest of the transaction, so
/// checks of their ways in and the change that follows are one step even
/// on PostgreSQL (SQLite already writes one transaction at a time).
async fn lock_person(tx: &mut WriteTransaction, person_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE people SET display_name = display_name WHERE id = $1")
        .bind(person_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether nobody but `claimant` has `email` as their sign-in address.
async fn address_free(
    tx: &mut WriteTransaction,
    email: &str,
    claimant: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let holder: Option<i64> = sqlx::query_scalar("SELECT id FROM people WHERE email_key = $1")
        .bind(email_key(email))
        .fetch_optional(&mut **tx)
        .await?;
    Ok(holder.is_none() || holder == claimant)
}

/// The person `vouched` signs in as: the one it is linked to; else a
/// profile nobody signs in to yet with its GitHub handle or verified
/// address (an imported lead can edit their group at once); else a new
/// account, with nothing asked that the provider said. `Err` when an
/// account already has the handle or address: its owner links the
/// provider from their account page instead.
#[tracing::instrument(skip_all, err)]
pub async fn sign_in(
    db: &Database,
    vouched: &Vouched,
    language: Language,
) -> Result<Result<i64, SignInProblem>, sqlx::Error> {
    // A concurrent first sign-in of the same account that won leaves this
    // one's new profile behind: rolled back, and tried again it finds the
    // link the other made.
    for _ in 0..2 {
        if let Some(outcome) = try_sign_in(db, vouched, language).await? {
            return Ok(outcome);
        }
    }
    Err(sqlx::Error::Protocol(
        "a concurrent sign-in of the same account kept winning".into(),
    ))
}

async fn try_sign_in(
    db: &Database,
    vouched: &Vouched,
    language: Language,
) -> Result<Option<Result<i64, SignInProblem>>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if let Some(person_id) = linked_person(&mut tx, vouched).await? {
        record(&mut tx, person_id, vouched).await?;
        tx.commit().await?;
        return Ok(Some(Ok(person_id)));
    }
    let by_handle = match vouched.github_handle() {
        Some(handle) => profile_by(&mut tx, "github_key", &handle.to_lowercase()).await?,
        None => None,
    };
    let by_email = match &vouched.verified_email {
        Some(email) => profile_by(&mut tx, "email_key", &email_key(email)).await?,
        None => None,
    };
    let claimed = match (&by_handle, &by_email) {
        (Some(profile), _) if profile.is_account != 0 => {
            return Ok(Some(Err(SignInProblem::HandleTaken)))
        }
        (None, Some(profile)) if profile.is_account != 0 => {
            return Ok(Some(Err(SignInProblem::EmailTaken)))
        }
        (Some(profile), _) | (None, Some(profile)) => Some(profile.id),
        (None, None) => None,
    };
    let email = match &vouched.verified_email {
        Some(email) if address_free(&mut tx, email, claimed).await? => Some(email.as_str()),
        _ => None,
    };
    let person_id = match claimed {
        Some(person_id) => {
            claim(&mut tx, person_id, email, language).await?;
            person_id
        }
        None => create(&mut tx, vouched, email, language).await?,
    };
    if record(&mut tx, person_id, vouched).await? != person_id {
        return Ok(None);
    }
    tx.commit().await?;
    Ok(Some(Ok(person_id)))
}

/// Makes a profile an account: the verified address (when nobody else
/// has it) becomes its sign-in address, and the e-mailed links still out
/// for it (an invitation) are withdrawn, since a way in now exists.
async fn claim(
    tx: &mut WriteTransaction,
    person_id: i64,
    email: Option<&str>,
    language: Language,
) -> Result<(), sqlx::Error> {
    lock_person(tx, person_id).await?;
    sqlx::query("DELETE FROM email_tokens WHERE person_id = $1 AND used_at IS NULL")
        .bind(person_id)
        .execute(&mut **tx)
        .await?;
    let now = tx.now();
    sqlx::query(
        "UPDATE people SET language = COALESCE(language, $1), \
         email = COALESCE($2, email), email_key = COALESCE($3, email_key), \
         email_confirmed_at = CASE WHEN $2 IS NULL THEN email_confirmed_at ELSE $4 END \
         WHERE id = $5",
    )
    .bind(language.tag())
    .bind(email)
    .bind(email.map(email_key))
    .bind(now)
    .bind(person_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn create(
    tx: &mut WriteTransaction,
    vouched: &Vouched,
    email: Option<&str>,
    language: Language,
) -> Result<i64, sqlx::Error> {
    let name = vouched
        .name
        .as_deref()
        .or(vouched.login.as_deref())
        .unwrap_or("Member");
    let handle = vouched.github_handle();
    let now = tx.now();
    sqlx::query_scalar(
        "INSERT INTO people (display_name, github_handle, github_key, email, email_key, \
         email_confirmed_at, created_at, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         RETURNING id",
    )
    .bind(name)
    .bind(handle)
    .bind(handle.map(str::to_lowercase))
    .bind(email)
    .bind(email.map(email_key))
    .bind(email.map(|_| now))
    .bind(now)
    .bind(language.tag())
    .fetch_one(&mut **tx)
    .await
}

/// Links `vouched` to the signed-in `person_id`. A GitHub link also gives
/// the profile its handle when it has none and nobody else has it.
#[tracing::instrument(skip_all, err)]
pub async fn link(
    db: &Database,
    person_id: i64,
    vouched: &Vouched,
) -> Result<Result<(), SignInProblem>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    lock_person(&mut tx, person_id).await?;
    match linked_person(&mut tx, vouched).await? {
        Some(owner) if owner != person_id => return Ok(Err(SignInProblem::LinkedElsewhere)),
        Some(_) => {}
        None => {
            let has_one: Option<i64> = sqlx::query_scalar(
                "SELECT person_id FROM identities WHERE person_id = $1 AND provider = $2",
            )
            .bind(person_id)
            .bind(vouched.provider.key())
            .fetch_optional(&mut *tx)
            .await?;
            if has_one.is_some() {
                return Ok(Err(SignInProblem::AlreadyLinked));
            }
        }
    }
    if record(&mut tx, person_id, vouched).await? != person_id {
        // Linked to someone else a moment ago.
        return Ok(Err(SignInProblem::LinkedElsewhere));
    }
    if let Some(handle) = vouched.github_handle() {
        sqlx::query(
            "UPDATE people SET github_handle = $1, github_key = $2 WHERE id = $3 \
             AND github_key IS NULL AND NOT EXISTS (SELECT 1 FROM people p WHERE p.github_key = $2)",
        )
        .bind(handle)
        .bind(handle.to_lowercase())
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// Removes `provider` from the account, unless it is the last way in,
/// and ends the sessions begun through it (but `keep`, the one asking).
#[tracing::instrument(skip(db, keep), err)]
pub async fn unlink(
    db: &Database,
    person_id: i64,
    provider: Provider,
    keep: &str,
) -> Result<Result<(), SignInProblem>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    lock_person(&mut tx, person_id).await?;
    let other_ways: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM identities WHERE person_id = $1 AND provider <> $2) \
         + (SELECT COUNT(*) FROM people WHERE id = $1 AND password_hash IS NOT NULL)",
    )
    .bind(person_id)
    .bind(provider.key())
    .fetch_one(&mut *tx)
    .await?;
    if other_ways == 0 {
        return Ok(Err(SignInProblem::LastWay));
    }
    sqlx::query("DELETE FROM identities WHERE person_id = $1 AND provider = $2")
        .bind(person_id)
        .bind(provider.key())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "DELETE FROM sessions WHERE person_id = $1 AND signed_in_with = $2 AND token_hash <> $3",
    )
    .bind(person_id)
    .bind(provider.key())
    .bind(crate::auth::hash_token(keep))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// A provider linked to an account.
#[derive(Debug, Clone, FromRow)]
pub struct Link {
    pub person_id: i64,
    pub provider: String,
    pub login: Option<String>,
    pub created_at: i64,
}

/// The providers linked to `person_id`, GitHub first.
#[tracing::instrument(skip(db), err)]
pub async fn links_of(db: &Database, person_id: i64) -> Result<Vec<Link>, sqlx::Error> {
    sqlx::query_as(
        "SELECT person_id, provider, login, created_at FROM identities WHERE person_id = $1 \
         ORDER BY provider",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await
}

/// Every linked provider, by person: one query for a list of people.
#[tracing::instrument(skip(db), err)]
pub async fn links_by_person(
    db: &Database,
) -> Result<std::collections::HashMap<i64, Vec<Link>>, sqlx::Error> {
    let links: Vec<Link> = sqlx::query_as(
        "SELECT person_id, provider, login, created_at FROM identities ORDER BY provider",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut by_person: std::collections::HashMap<i64, Vec<Link>> = Default::default();
    for link in links {
        by_person.entry(link.person_id).or_default().push(link);
    }
    Ok(by_person)
}
