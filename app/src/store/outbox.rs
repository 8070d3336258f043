//! E-mail waits in the outbox table until a sender delivers it, so a mail is
//! queued in the same transaction as the change it announces.

use sqlx::FromRow;

use super::Database;

/// One message to send.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromRow)]
pub struct Mail {
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// Where the List-Unsubscribe header points, for mail someone chose to
    /// get (RFC 2369, with one-click unsubscribing after RFC 8058).
    pub unsubscribe_url: Option<String>,
}

/// A queued message with its row id.
#[derive(Debug, Clone, FromRow)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub unsubscribe_url: Option<String>,
    pub attempts: i64,
}

pub async fn enqueue(
    tx: &mut crate::store::write::WriteTransaction,
    mail: &Mail,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO outbox (recipient, subject, body, unsubscribe_url, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(&mail.unsubscribe_url)
    .bind(tx.now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The oldest unsent messages that have not failed too often and that no
/// sender holds.
#[tracing::instrument(skip(db), err)]
pub async fn unsent(db: &Database, limit: i64) -> Result<Vec<QueuedMail>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, recipient, subject, body, unsubscribe_url, attempts FROM outbox \
         WHERE sent_at IS NULL AND attempts < 10 \
         AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .bind(db.now())
    .fetch_all(&db.pool)
    .await
}

/// Claims a message for this sender for `lease_seconds`, so a second
/// instance does not send it too; `false` when another holds it or sent it.
/// A sender that dies holding it leaves it to the next once the lease ends.
#[tracing::instrument(skip(db), err)]
pub async fn claim(db: &Database, id: i64, lease_seconds: i64) -> Result<bool, sqlx::Error> {
    let now = db.now();
    let claimed = sqlx::query(
        "UPDATE outbox SET claimed_until = $1 WHERE id = $2 AND sent_at IS NULL \
         AND (claimed_until IS NULL OR claimed_until < $3)",
    )
    .bind(now + lease_seconds)
    .bind(id)
    .bind(now)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

/// Marks a message sent, unless another instance already did; returns
/// whether this call claimed it.
#[tracing::instrument(skip(db), err)]
pub async fn mark_sent(db: &Database, id: i64) -> Result<bool, sqlx::Error> {
    let claimed = sqlx::query(
        "UPDATE outbox SET sent_at = $1, attempts = attempts + 1 WHERE id = $2 AND sent_at IS NULL",
    )
    .bind(db.now())
    .bind(id)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

#[tracing::instrument(skip(db), err)]
pub async fn mark_failed(db: &Database, id: i64, error: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_until = NULL \
         WHERE id = $2",
    )
    .bind(error)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Every message to `recipient` however its letters are cased, newest first
/// (tests and operators read links here).
#[tracing::instrument(skip(db), err)]
pub async fn messages_to(db: &Database, recipient: &str) -> Result<Vec<Mail>, sqlx::Error> {
    sqlx::query_as(
        "SELECT recipient, subject, body, unsubscribe_url FROM outbox WHERE lower(recipient) = $1 ORDER BY id DESC",
    )
    .bind(recipient.trim().to_lowercase())
    .fetch_all(&db.pool)
    .await
}

/// How many messages wait to be sent.
#[tracing::instrument(skip(db), err)]
pub async fn backlog(db: &Database) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
        .fetch_one(&db.pool)
        .await
}
