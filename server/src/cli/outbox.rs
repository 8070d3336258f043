//! `server outbox --to ADDRESS`: the e-mails queued for one address.

use app::store::Database;

use crate::config::OutboxArgs;

pub async fn run(args: OutboxArgs) -> Result<(), String> {
    let db = Database::connect(&args.database.database_url, 1)
        .await
        .map_err(|error| error.to_string())?;
    let mails = app::store::outbox::messages_to(&db, args.to.trim())
        .await
        .map_err(|error| format!("cannot read the outbox: {error}"))?;
    for mail in mails {
        println!(
            "To: {}\nSubject: {}\n\n{}\n----",
            mail.recipient, mail.subject, mail.body
        );
    }
    db.pool.close().await;
    Ok(())
}
