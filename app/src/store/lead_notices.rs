//! Telling a SIG's leads that someone joined it or asks to: one e-mail per
//! lead with rights, queued in the same transaction as the membership.

use sqlx::FromRow;

use super::outbox::{enqueue, Mail};
use super::write::WriteTransaction;
use crate::i18n::Language;
use crate::models::membership::MembershipStatus;

/// What an e-mail to a lead about a newcomer says; `mail.rs` writes it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadNotice {
    pub recipient: String,
    pub lead_name: String,
    /// The language the lead chose: the e-mail is written in it.
    pub language: Language,
    pub sig_slug: String,
    pub sig_name: String,
    pub newcomer: String,
    /// What they want to work on, as they wrote it.
    pub interest: String,
    /// They wait for the leads' answer (a SIG that approves each member).
    pub awaiting_approval: bool,
}

#[derive(FromRow)]
struct Newcomer {
    status: String,
    interest: String,
    display_name: String,
    slug: String,
    name: String,
}

/// Queues `tell`'s e-mail to every lead of SIG `sig_id` (chairs and tech
/// leads with an address, never the newcomer themselves) about `person_id`'s
/// membership, if it is active or waits for approval.
pub(super) async fn tell_leads(
    tx: &mut WriteTransaction,
    sig_id: i64,
    person_id: i64,
    tell: &impl Fn(&LeadNotice) -> Mail,
) -> Result<(), sqlx::Error> {
    let newcomer: Newcomer = sqlx::query_as(
        "SELECT m.status, m.interest, p.display_name, s.slug, s.name FROM memberships m \
         JOIN people p ON p.id = m.person_id JOIN sigs s ON s.id = m.sig_id \
         WHERE m.sig_id = $1 AND m.person_id = $2",
    )
    .bind(sig_id)
    .bind(person_id)
    .fetch_one(&mut **tx)
    .await?;
    let status = MembershipStatus::parse(&newcomer.status);
    if !matches!(
        status,
        Some(MembershipStatus::Active | MembershipStatus::AwaitingApproval)
    ) {
        return Ok(());
    }
    let leads: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT p.email, p.display_name, p.language FROM leaderships l JOIN people p ON p.id = l.person_id \
         WHERE l.sig_id = $1 AND l.role <> 'emeritus' AND p.email IS NOT NULL \
         AND p.id <> $2 ORDER BY l.position",
    )
    .bind(sig_id)
    .bind(person_id)
    .fetch_all(&mut **tx)
    .await?;
    for (recipient, lead_name, language) in leads {
        let notice = LeadNotice {
            recipient,
            lead_name,
            language: Language::stored(language.as_deref()),
            sig_slug: newcomer.slug.clone(),
            sig_name: newcomer.name.clone(),
            newcomer: newcomer.display_name.clone(),
            interest: newcomer.interest.clone(),
            awaiting_approval: status == Some(MembershipStatus::AwaitingApproval),
        };
        enqueue(tx, &tell(&notice)).await?;
    }
    Ok(())
}
