//! E-mail waits in the outbox table until a sender delivers it, so a mail is
//! queued in the same transaction as the change it announces.

use sqlx::FromRow;

use super::Database;

/// One message to send.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Mail {
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

/// A queued message with its row id.
#[derive(Debug, Clone, FromRow)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

pub async fn enqueue(
    tx: &mut crate::store::write::WriteTransaction,
    mail: &Mail,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(tx.now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The oldest unsent messages that have not failed too often.
#[tracing::instrument(skip(db), err)]
pub async fn unsent(db: &Database, limit: i64) -> Result<Vec<QueuedMail>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, recipient, subject, body, attempts FROM outbox \
         WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await
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
    sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2")
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
        "SELECT recipient, subject, body FROM outbox WHERE lower(recipient) = $1 ORDER BY id DESC",
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
