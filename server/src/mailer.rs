//! Delivers the e-mail outbox: through an SMTP relay when one is configured,
//! otherwise by writing each message (and its links) to the log, so every
//! flow works on a fresh machine.

use std::time::Duration;

use app::store::outbox::{self, QueuedMail};
use app::store::{rate_limits, Database};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Secret;

mod list_unsubscribe;

/// How often the outbox is looked at.
const POLL_EVERY: Duration = Duration::from_secs(2);

/// How long a sender holds a message it is sending before another
/// instance may take it: far longer than one SMTP exchange.
const CLAIM_SECONDS: i64 = 120;

/// Where mail goes.
pub enum Delivery {
    Smtp {
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        from: Mailbox,
    },
    Log,
}

impl Delivery {
    pub fn from_config(smtp_url: Option<&Secret>, from: &str) -> Result<Self, String> {
        let Some(url) = smtp_url else {
            return Ok(Delivery::Log);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url.0)
            .map_err(|error| format!("SIGPOST_SMTP_URL is not a usable SMTP address: {error}"))?
            .build();
        let from = from
            .parse()
            .map_err(|error| format!("SIGPOST_MAIL_FROM {from:?} is not an address: {error}"))?;
        Ok(Delivery::Smtp {
            transport: Box::new(transport),
            from,
        })
    }

    async fn deliver(&self, mail: &QueuedMail) -> Result<(), String> {
        match self {
            Delivery::Log => {
                tracing::info!(
                    to = %mail.recipient,
                    subject = %mail.subject,
                    body = %mail.body,
                    unsubscribe = mail.unsubscribe_url.as_deref().unwrap_or(""),
                    "no SMTP relay configured; the e-mail is logged instead"
                );
                Ok(())
            }
            Delivery::Smtp { transport, from } => {
                let to: Mailbox = mail
                    .recipient
                    .parse()
                    .map_err(|e| format!("bad recipient: {e}"))?;
                // Date is added by lettre; Message-ID is not, unless asked.
                let mut message = Message::builder()
                    .message_id(None)
                    .from(from.clone())
                    .to(to)
                    // A header is one line: a name with a line break must not add headers.
                    .subject(app::escape::one_line(&mail.subject));
                if let Some(url) = &mail.unsubscribe_url {
                    message = list_unsubscribe::headers(message, url);
                }
                let message = message.body(mail.body.clone()).map_err(|e| e.to_string())?;
                transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// Runs until the process stops: sends what is queued, then waits a little.
pub async fn run(db: Database, delivery: Delivery) {
    let mut rounds: u64 = 0;
    loop {
        if let Err(error) = send_queued(&db, &delivery).await {
            tracing::warn!(%error, "could not read the outbox");
        }
        rounds += 1;
        if rounds.is_multiple_of(1800) {
            if let Err(error) = rate_limits::prune(&db).await {
                tracing::warn!(%error, "could not prune rate limits");
            }
        }
        tokio::time::sleep(POLL_EVERY).await;
    }
}

async fn send_queued(db: &Database, delivery: &Delivery) -> Result<(), sqlx::Error> {
    for mail in outbox::unsent(db, 20).await? {
        if !outbox::claim(db, mail.id, CLAIM_SECONDS).await? {
            continue;
        }
        match delivery.deliver(&mail).await {
            Ok(()) => {
                outbox::mark_sent(db, mail.id).await?;
            }
            Err(error) => {
                tracing::warn!(id = mail.id, attempts = mail.attempts + 1, %error, "e-mail not sent");
                outbox::mark_failed(db, mail.id, &error).await?;
            }
        }
    }
    Ok(())
}
