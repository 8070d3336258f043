//! Visitors' join requests wait here a moment for the join worker. The
//! request only writes what was asked, the same work whoever the address
//! belongs to, so how long its answer takes cannot tell whether the
//! address has an account (and needs no floor to wait out). The worker
//! then does what differs: it finds or creates the person and writes the
//! memberships and the e-mail in the transaction that removes the row, so
//! each request is carried out once, by one instance.

use sqlx::FromRow;

use super::joining::{join_in, JoinOutcome, Letter, Wishes};
use super::lead_notices::LeadNotice;
use super::outbox::Mail;
use super::Database;
use crate::i18n::Language;
use crate::models::membership::Joiner;

/// A request that failed this often is set aside (and logged), so one
/// that cannot be carried out does not hold up the ones behind it.
const MAX_ATTEMPTS: i64 = 5;

/// A visitor's request, as the join form sent it (already checked).
#[derive(Debug, Clone, FromRow)]
pub struct QueuedJoin {
    pub id: i64,
    display_name: String,
    email: String,
    github_handle: Option<String>,
    sigs: String,
    interest: String,
    weekly_digest: i64,
    language: String,
}

/// Queues a visitor's request to join `slugs`; the picks that are not
/// active SIGs instead, when there are any (then nothing is queued).
pub async fn enqueue(
    db: &Database,
    joiner: &Joiner,
    slugs: &[String],
    wishes: &Wishes<'_>,
    language: Language,
) -> Result<Vec<String>, sqlx::Error> {
    let Joiner::Visitor {
        display_name,
        email,
        github_handle,
    } = joiner
    else {
        return Err(sqlx::Error::Protocol(
            "only visitors' joins are queued".into(),
        ));
    };
    let mut tx = db.begin_write().await?;
    let mut unknown = Vec::new();
    for slug in slugs {
        let active: Option<i64> =
            sqlx::query_scalar("SELECT id FROM sigs WHERE slug = $1 AND status = 'active'")
                .bind(slug)
                .fetch_optional(&mut *tx)
                .await?;
        if active.is_none() {
            unknown.push(slug.clone());
        }
    }
    if !unknown.is_empty() {
        return Ok(unknown);
    }
    sqlx::query(
        "INSERT INTO queued_joins (display_name, email, github_handle, sigs, interest, \
         weekly_digest, language, queued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(display_name)
    .bind(email)
    .bind(github_handle)
    .bind(slugs.join("\n"))
    .bind(wishes.interest)
    .bind(i64::from(wishes.weekly_digest))
    .bind(language.tag())
    .bind(tx.now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(unknown)
}

/// The oldest request still to carry out, if any.
pub async fn next(db: &Database) -> Result<Option<QueuedJoin>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, display_name, email, github_handle, sigs, interest, weekly_digest, language \
         FROM queued_joins WHERE attempts < $1 ORDER BY id LIMIT 1",
    )
    .bind(MAX_ATTEMPTS)
    .fetch_optional(&db.pool)
    .await
}

/// How many requests wait (those set aside included).
pub async fn waiting(db: &Database) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM queued_joins")
        .fetch_one(&db.pool)
        .await
}

/// Carries `queued` out: the join as if the visitor had waited for it,
/// and the row gone, in one transaction. A request another instance took
/// first is left alone; one whose groups were archived meanwhile is dropped.
pub async fn carry_out(
    db: &Database,
    queued: &QueuedJoin,
    write: impl FnOnce(&Letter) -> Mail,
    tell: impl Fn(&LeadNotice) -> Mail,
) -> Result<JoinOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let taken = sqlx::query("DELETE FROM queued_joins WHERE id = $1")
        .bind(queued.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if taken == 0 {
        return Ok(JoinOutcome::Done(Vec::new()));
    }
    let joiner = Joiner::Visitor {
        display_name: queued.display_name.clone(),
        email: queued.email.clone(),
        github_handle: queued.github_handle.clone(),
    };
    let slugs: Vec<String> = queued.sigs.lines().map(str::to_owned).collect();
    let wishes = Wishes {
        interest: &queued.interest,
        weekly_digest: queued.weekly_digest != 0,
    };
    let language = Language::parse(&queued.language).unwrap_or_default();
    let outcome = join_in(&mut tx, &joiner, &slugs, &wishes, language, write, tell).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Counts a failed try at `id`.
pub async fn failed(db: &Database, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE queued_joins SET attempts = attempts + 1 WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
