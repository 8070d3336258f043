//! Joining and leaving SIGs: the join request (one transaction: person,
//! memberships, links and the e-mail), its confirmation, and leaving.

use sqlx::FromRow;

use super::accounts::email_key;
use super::lead_notices::{tell_leads, LeadNotice};
use super::outbox::{enqueue, Mail};
use super::Database;
use crate::i18n::Language;
use crate::models::membership::{JoinPolicy, Joiner, MembershipStatus};

/// How long a join confirmation link stays valid.
pub const CONFIRM_LIFETIME_SECS: i64 = 48 * 3600;

/// One SIG in an e-mail about memberships, with its own leave link.
#[derive(Debug, Clone)]
pub struct LetterSig {
    pub slug: String,
    pub name: String,
    pub status: MembershipStatus,
    pub leave_token: String,
}

/// What an e-mail about memberships says; `mail.rs` writes it out.
#[derive(Debug, Clone)]
pub struct Letter {
    pub recipient: String,
    pub name: String,
    /// The language the recipient chose: the e-mail is written in it.
    pub language: Language,
    /// The confirmation link's token, when something waits for it.
    pub confirm_token: Option<String>,
    pub sigs: Vec<LetterSig>,
}

/// What a join request did. The visitor is told the same in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinOutcome {
    /// These picks are not active SIGs; nothing was written.
    UnknownSigs(Vec<String>),
    /// Written, with an e-mail queued. The statuses, for signed-in people.
    Done(Vec<(String, MembershipStatus)>),
}

/// A SIG someone asks to join.
#[derive(FromRow)]
struct JoinedSig {
    id: i64,
    slug: String,
    name: String,
    join_policy: String,
}

/// The person joining: found by id, by address, or created without a
/// password (a confirmed link later signs them in). The language they
/// join in becomes the one they are written to in.
async fn joining_person(
    tx: &mut crate::store::write::WriteTransaction,
    joiner: &Joiner,
    language: Language,
) -> Result<(i64, String, String), sqlx::Error> {
    let person = find_or_create_joiner(tx, joiner).await?;
    sqlx::query("UPDATE people SET language = $1 WHERE id = $2")
        .bind(language.tag())
        .bind(person.0)
        .execute(&mut **tx)
        .await?;
    Ok(person)
}

async fn find_or_create_joiner(
    tx: &mut crate::store::write::WriteTransaction,
    joiner: &Joiner,
) -> Result<(i64, String, String), sqlx::Error> {
    match joiner {
        Joiner::SignedIn(id) => {
            let (email, name): (Option<String>, String) =
                sqlx::query_as("SELECT email, display_name FROM people WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut **tx)
                    .await?;
            Ok((*id, email.unwrap_or_default(), name))
        }
        Joiner::Visitor {
            display_name,
            email,
            github_handle,
        } => {
            let key = email_key(email);
            // Another profile may already use the handle: then this one goes
            // without it rather than failing (and without saying so).
            for handle in [github_handle.as_deref(), None] {
                sqlx::query(
                    "INSERT INTO people (display_name, github_handle, github_key, email, \
                     email_key, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                )
                .bind(display_name)
                .bind(handle)
                .bind(handle.map(str::to_lowercase))
                .bind(email)
                .bind(&key)
                .bind(tx.now())
                .execute(&mut **tx)
                .await?;
                let found: Option<(i64, String)> =
                    sqlx::query_as("SELECT id, display_name FROM people WHERE email_key = $1")
                        .bind(&key)
                        .fetch_optional(&mut **tx)
                        .await?;
                if let Some((id, name)) = found {
                    return Ok((id, email.clone(), name));
                }
            }
            Err(sqlx::Error::RowNotFound)
        }
    }
}

/// A fresh leave link for a membership.
pub(super) async fn leave_link(
    tx: &mut crate::store::write::WriteTransaction,
    membership_id: i64,
) -> Result<String, sqlx::Error> {
    let token = crate::auth::new_token();
    sqlx::query(
        "INSERT INTO leave_links (token_hash, membership_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(crate::auth::hash_token(&token))
    .bind(membership_id)
    .bind(tx.now())
    .execute(&mut **tx)
    .await?;
    Ok(token)
}

/// What a joiner asks for beside the SIGs.
pub struct Wishes<'a> {
    /// What they would like to work on, for the leads.
    pub interest: &'a str,
    /// The weekly digest, ticked on the join form.
    pub weekly_digest: bool,
}

/// Asks to join `slugs`. Visitors' memberships wait for the e-mailed link;
/// signed-in people join at once (or wait for approval). Joining again is
/// harmless; after leaving or being declined it asks anew. `write` turns
/// the letter into the e-mail queued with it; `tell` writes the e-mails to
/// the leads of each SIG joined (or asked) at once.
#[tracing::instrument(skip(db, joiner, wishes, write, tell), err)]
pub async fn request_join(
    db: &Database,
    joiner: &Joiner,
    slugs: &[String],
    wishes: &Wishes<'_>,
    language: Language,
    write: impl FnOnce(&Letter) -> Mail,
    tell: impl Fn(&LeadNotice) -> Mail,
) -> Result<JoinOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let outcome = join_in(&mut tx, joiner, slugs, wishes, language, write, tell).await?;
    if matches!(outcome, JoinOutcome::Done(_)) {
        tx.commit().await?;
    }
    Ok(outcome)
}

/// `request_join` inside `tx`, which the caller commits. Nothing is
/// written when some pick is not an active SIG.
pub(super) async fn join_in(
    tx: &mut crate::store::write::WriteTransaction,
    joiner: &Joiner,
    slugs: &[String],
    wishes: &Wishes<'_>,
    language: Language,
    write: impl FnOnce(&Letter) -> Mail,
    tell: impl Fn(&LeadNotice) -> Mail,
) -> Result<JoinOutcome, sqlx::Error> {
    let mut sigs = Vec::with_capacity(slugs.len());
    let mut unknown = Vec::new();
    for slug in slugs {
        let row: Option<JoinedSig> = sqlx::query_as(
            "SELECT id, slug, name, join_policy FROM sigs WHERE slug = $1 AND status = 'active'",
        )
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await?;
        match row {
            Some(row) => sigs.push(row),
            None => unknown.push(slug.clone()),
        }
    }
    if !unknown.is_empty() {
        return Ok(JoinOutcome::UnknownSigs(unknown));
    }
    let (person_id, recipient, name) = joining_person(tx, joiner, language).await?;
    let timestamp = tx.now();
    let visitor = matches!(joiner, Joiner::Visitor { .. });
    let mut confirm_token = None;
    let mut request_id: Option<i64> = None;
    if visitor {
        let token = crate::auth::new_token();
        // The digest wish waits for the confirmation: an address typed by
        // someone else never gets it.
        request_id = Some(
            sqlx::query_scalar(
                "INSERT INTO join_requests (token_hash, person_id, created_at, expires_at, \
                 weekly_digest) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(crate::auth::hash_token(&token))
            .bind(person_id)
            .bind(timestamp)
            .bind(timestamp + CONFIRM_LIFETIME_SECS)
            .bind(i64::from(wishes.weekly_digest))
            .fetch_one(&mut **tx)
            .await?,
        );
        confirm_token = Some(token);
    } else if wishes.weekly_digest {
        super::mail_preferences::opt_in_to_digest(tx, person_id).await?;
    }
    let mut letter_sigs = Vec::with_capacity(sigs.len());
    for sig in sigs {
        let arriving = JoinPolicy::arriving_status(JoinPolicy::parse(&sig.join_policy), visitor);
        let joined_at = (arriving == MembershipStatus::Active).then_some(timestamp);
        let inserted = sqlx::query(
            "INSERT INTO memberships (sig_id, person_id, status, interest, join_request_id, \
             requested_at, joined_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (sig_id, person_id) DO NOTHING",
        )
        .bind(sig.id)
        .bind(person_id)
        .bind(arriving.as_str())
        .bind(wishes.interest)
        .bind(request_id)
        .bind(timestamp)
        .bind(joined_at)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        // A membership that existed before: ask anew if it had ended or was
        // never confirmed; leave a current one as it is.
        let renewed = sqlx::query(
            "UPDATE memberships SET status = $1, interest = $2, join_request_id = $3, \
             requested_at = $4, joined_at = $5, left_at = NULL, decided_at = NULL, \
             decision_message = '' WHERE sig_id = $6 AND person_id = $7 \
             AND status IN ('left', 'declined', 'unconfirmed')",
        )
        .bind(arriving.as_str())
        .bind(wishes.interest)
        .bind(request_id)
        .bind(timestamp)
        .bind(joined_at)
        .bind(sig.id)
        .bind(person_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if inserted + renewed > 0 {
            tell_leads(tx, sig.id, person_id, &tell).await?;
        }
        let (membership_id, status): (i64, String) = sqlx::query_as(
            "SELECT id, status FROM memberships WHERE sig_id = $1 AND person_id = $2",
        )
        .bind(sig.id)
        .bind(person_id)
        .fetch_one(&mut **tx)
        .await?;
        letter_sigs.push(LetterSig {
            slug: sig.slug,
            name: sig.name,
            status: MembershipStatus::parse(&status).unwrap_or(arriving),
            leave_token: leave_link(tx, membership_id).await?,
        });
    }
    let statuses = letter_sigs
        .iter()
        .map(|sig| (sig.slug.clone(), sig.status))
        .collect();
    let letter = Letter {
        recipient,
        name,
        language,
        confirm_token,
        sigs: letter_sigs,
    };
    if !letter.recipient.is_empty() {
        enqueue(tx, &write(&letter)).await?;
    }
    Ok(JoinOutcome::Done(statuses))
}

/// A followed confirmation link: who it was for and the SIGs it asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmed {
    pub person_id: i64,
    pub slugs: Vec<String>,
}

/// Uses up a confirmation link: the person's unconfirmed memberships become
/// active (or wait for approval) and the address counts as confirmed. `None` when the link
/// is unknown, used or expired.
/// `tell` writes the e-mails to the leads of each SIG the person now joins
/// or waits for.
#[tracing::instrument(skip_all, err)]
pub async fn confirm(
    db: &Database,
    token: &str,
    tell: impl Fn(&LeadNotice) -> Mail,
) -> Result<Option<Confirmed>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let timestamp = db.now();
    let request: Option<(i64, i64, i64)> = sqlx::query_as(
        "UPDATE join_requests SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL \
         AND expires_at > $1 RETURNING id, person_id, weekly_digest",
    )
    .bind(timestamp)
    .bind(crate::auth::hash_token(token))
    .fetch_optional(&mut *tx)
    .await?;
    let Some((_, person_id, weekly_digest)) = request else {
        return Ok(None);
    };
    if weekly_digest != 0 {
        super::mail_preferences::opt_in_to_digest(&mut tx, person_id).await?;
    }
    sqlx::query(
        "UPDATE people SET email_confirmed_at = $1 WHERE id = $2 AND email_confirmed_at IS NULL",
    )
    .bind(timestamp)
    .bind(person_id)
    .execute(&mut *tx)
    .await?;
    // The link proves the mailbox: every request of this person that waits
    // for it is confirmed, including older ones.
    let waiting: Vec<(i64, String)> = sqlx::query_as(
        "SELECT s.id, s.slug FROM memberships m JOIN sigs s ON s.id = m.sig_id \
         WHERE m.person_id = $1 AND m.status = 'unconfirmed' ORDER BY lower(s.name)",
    )
    .bind(person_id)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE memberships SET \
         status = CASE WHEN (SELECT join_policy FROM sigs WHERE sigs.id = memberships.sig_id) \
             = 'approval' THEN 'awaiting_approval' ELSE 'active' END, \
         joined_at = CASE WHEN (SELECT join_policy FROM sigs WHERE sigs.id = memberships.sig_id) \
             = 'approval' THEN NULL ELSE $1 END \
         WHERE person_id = $2 AND status = 'unconfirmed'",
    )
    .bind(timestamp)
    .bind(person_id)
    .execute(&mut *tx)
    .await?;
    for (sig_id, _) in &waiting {
        tell_leads(&mut tx, *sig_id, person_id, &tell).await?;
    }
    tx.commit().await?;
    let slugs = waiting.into_iter().map(|(_, slug)| slug).collect();
    Ok(Some(Confirmed { person_id, slugs }))
}

/// Ends `person_id`'s membership of `slug` (or withdraws its request);
/// `false` when there was nothing current to leave.
#[tracing::instrument(skip(db), err)]
pub async fn leave(db: &Database, person_id: i64, slug: &str) -> Result<bool, sqlx::Error> {
    let left = sqlx::query(
        "UPDATE memberships SET status = 'left', left_at = $1 WHERE person_id = $2 \
         AND sig_id = (SELECT id FROM sigs WHERE slug = $3) \
         AND status IN ('unconfirmed', 'awaiting_approval', 'active')",
    )
    .bind(db.now())
    .bind(person_id)
    .bind(slug)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(left == 1)
}

/// Where a leave link points: the SIG's slug and name, the member's name,
/// and whether they are still in it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct LeaveTarget {
    pub membership_id: i64,
    pub person_id: i64,
    pub slug: String,
    pub sig_name: String,
    pub display_name: String,
    pub status: String,
    pub activity_asked_at: Option<i64>,
    pub inactive_at: Option<i64>,
}

#[tracing::instrument(skip_all, err)]
pub async fn leave_target(db: &Database, token: &str) -> Result<Option<LeaveTarget>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.id AS membership_id, m.person_id, s.slug, s.name AS sig_name, p.display_name, m.status, \
         m.activity_asked_at, m.inactive_at FROM leave_links l JOIN memberships m ON m.id = l.membership_id \
         JOIN sigs s ON s.id = m.sig_id JOIN people p ON p.id = m.person_id \
         WHERE l.token_hash = $1",
    )
    .bind(crate::auth::hash_token(token))
    .fetch_optional(&db.pool)
    .await
}
