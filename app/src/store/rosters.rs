//! Who is in which SIG: the join page's choices, a person's memberships, a
//! SIG's roster and welcome page, and leads' decisions on requests.

use std::collections::HashMap;

use sqlx::FromRow;

use super::joining::{leave_link, Letter, LetterSig};
use super::outbox::{enqueue, Mail};
use super::Database;
use crate::models::membership::{
    GroupStanding, JoinChoice, JoinPolicy, MembershipStatus, MySig, Roster, RosterEntry, Standing,
    Standings, Welcome,
};
use crate::models::roadmap::RoadmapStatus;
use crate::models::sig::SigSummary;

fn status_of(value: &str) -> MembershipStatus {
    MembershipStatus::parse(value).unwrap_or(MembershipStatus::Left)
}

/// The statuses of `person_id`'s memberships, by SIG slug.
async fn statuses_of(
    db: &Database,
    person_id: i64,
) -> Result<HashMap<String, MembershipStatus>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT s.slug, m.status FROM memberships m JOIN sigs s ON s.id = m.sig_id \
         WHERE m.person_id = $1",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, status)| (slug, status_of(&status)))
        .collect())
}

/// Every active SIG as the join page offers it, with `person_id`'s status.
#[tracing::instrument(skip(db), err)]
pub async fn join_choices(
    db: &Database,
    person_id: Option<i64>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<JoinChoice>, sqlx::Error> {
    let sigs: Vec<SigSummary> = super::sigs::list_active(db).await?;
    let policies: HashMap<String, String> =
        sqlx::query_as::<_, (String, String)>("SELECT slug, join_policy FROM sigs")
            .fetch_all(&db.pool)
            .await?
            .into_iter()
            .collect();
    let statuses = match person_id {
        Some(id) => statuses_of(db, id).await?,
        None => HashMap::new(),
    };
    let mut meetings = super::meetings::next_meeting_by_sig(db, now).await?;
    Ok(sigs
        .into_iter()
        .map(|sig| JoinChoice {
            next_meeting: meetings.remove(&sig.slug),
            needs_approval: policies.get(&sig.slug).map(String::as_str)
                == Some(JoinPolicy::Approval.as_str()),
            status: statuses.get(&sig.slug).copied(),
            slug: sig.slug,
            name: sig.name,
            description: sig.description,
            leads: sig.leads,
        })
        .collect())
}

/// A person's memberships, current ones first.
#[tracing::instrument(skip(db), err)]
pub async fn my_sigs(db: &Database, person_id: i64) -> Result<Vec<MySig>, sqlx::Error> {
    #[derive(FromRow)]
    struct Row {
        slug: String,
        name: String,
        status: String,
        requested_at: i64,
        joined_at: Option<i64>,
        left_at: Option<i64>,
        decided_at: Option<i64>,
        decision_message: String,
        activity_asked_at: Option<i64>,
        inactive_at: Option<i64>,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.slug, s.name, m.status, m.requested_at, m.joined_at, m.left_at, m.decided_at, \
         m.decision_message, m.activity_asked_at, m.inactive_at FROM memberships m \
         JOIN sigs s ON s.id = m.sig_id WHERE m.person_id = $1 ORDER BY lower(s.name)",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?;
    let mut sigs: Vec<MySig> = rows
        .into_iter()
        .map(|row| {
            let status = status_of(&row.status);
            let since = match status {
                MembershipStatus::Active => row.joined_at,
                MembershipStatus::Left => row.left_at,
                MembershipStatus::Declined => row.decided_at,
                _ => Some(row.requested_at),
            };
            MySig {
                slug: row.slug,
                name: row.name,
                status,
                since_label: crate::i18n::format::day_of(since),
                decision_message: row.decision_message,
                awaits_answer: status == MembershipStatus::Active
                    && (row.activity_asked_at.is_some() || row.inactive_at.is_some()),
            }
        })
        .collect();
    sigs.sort_by_key(|sig| !sig.status.is_current());
    Ok(sigs)
}

/// How to take part in a SIG; `None` for an unknown or archived one.
#[tracing::instrument(skip(db), err)]
pub async fn welcome(
    db: &Database,
    slug: &str,
    person_id: Option<i64>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<Welcome>, sqlx::Error> {
    let Some(sig) = super::sigs::find_by_slug(db, slug, |_| String::new()).await? else {
        return Ok(None);
    };
    if sig.archived {
        return Ok(None);
    }
    let current = crate::clock::month_of(now);
    let open_items = super::roadmap::board(db, slug, current, now.timestamp())
        .await?
        .map(|board| board.cards)
        .unwrap_or_default()
        .into_iter()
        .filter(|card| {
            card.owner.is_none()
                && matches!(
                    card.status,
                    RoadmapStatus::Proposed | RoadmapStatus::Planned
                )
        })
        .collect();
    let status = match person_id {
        Some(id) => statuses_of(db, id).await?.get(slug).copied(),
        None => None,
    };
    let meetings = super::meetings::series_of_sig(db, slug)
        .await?
        .iter()
        .map(|stored| stored.view(now))
        .collect();
    Ok(Some(Welcome {
        meetings,
        slug: sig.summary.slug,
        name: sig.summary.name,
        chat_channel: sig.summary.chat_channel,
        mailing_list_url: sig.mailing_list_url,
        meeting_notes_url: sig.meeting_notes_url,
        recordings_url: sig.recordings_url,
        leads: sig.summary.leads,
        open_items,
        status,
    }))
}

/// A SIG's members with their dates and e-mail addresses (for its leads).
#[tracing::instrument(skip(db), err)]
pub async fn roster(db: &Database, slug: &str) -> Result<Option<Roster>, sqlx::Error> {
    #[derive(FromRow)]
    struct Row {
        id: i64,
        display_name: String,
        github_handle: Option<String>,
        email: Option<String>,
        status: String,
        interest: String,
        requested_at: i64,
        joined_at: Option<i64>,
        left_at: Option<i64>,
        activity_asked_at: Option<i64>,
        inactive_at: Option<i64>,
    }
    let sig: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, name, join_policy FROM sigs WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&db.pool)
            .await?;
    let Some((sig_id, name, policy)) = sig else {
        return Ok(None);
    };
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT m.id, p.display_name, p.github_handle, p.email, m.status, m.interest, \
         m.requested_at, m.joined_at, m.left_at, m.activity_asked_at, m.inactive_at \
         FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.sig_id = $1 \
         ORDER BY CASE m.status WHEN 'awaiting_approval' THEN 0 WHEN 'active' THEN 1 \
         WHEN 'unconfirmed' THEN 2 ELSE 3 END, lower(p.display_name)",
    )
    .bind(sig_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(Some(Roster {
        slug: slug.to_owned(),
        name,
        needs_approval: policy == JoinPolicy::Approval.as_str(),
        entries: rows
            .into_iter()
            .map(|row| RosterEntry {
                membership_id: row.id,
                display_name: row.display_name,
                github_handle: row.github_handle,
                email: row.email,
                status: status_of(&row.status),
                interest: row.interest,
                requested_label: crate::i18n::format::day_of(Some(row.requested_at)),
                joined_label: crate::i18n::format::day_of(row.joined_at),
                left_label: crate::i18n::format::day_of(row.left_at),
                asked_label: crate::i18n::format::day_of(row.activity_asked_at),
                inactive_label: crate::i18n::format::day_of(row.inactive_at),
            })
            .collect(),
    }))
}

/// A lead accepts or declines a request waiting for approval and the
/// newcomer is told by e-mail; `false` when no such request waits.
#[tracing::instrument(skip(db, message, write), err)]
pub async fn decide(
    db: &Database,
    slug: &str,
    membership_id: i64,
    accept: bool,
    message: &str,
    write: impl FnOnce(&Letter, &str) -> Mail,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let timestamp = db.now();
    let status = if accept {
        MembershipStatus::Active
    } else {
        MembershipStatus::Declined
    };
    let updated = sqlx::query(
        "UPDATE memberships SET status = $1, decided_at = $2, decision_message = $3, \
         joined_at = $4 WHERE id = $5 AND status = 'awaiting_approval' \
         AND sig_id = (SELECT id FROM sigs WHERE slug = $6)",
    )
    .bind(status.as_str())
    .bind(timestamp)
    .bind(message)
    .bind(accept.then_some(timestamp))
    .bind(membership_id)
    .bind(slug)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated != 1 {
        return Ok(false);
    }
    let (sig_name, name, email, language): (String, String, Option<String>, Option<String>) =
        sqlx::query_as(
            "SELECT s.name, p.display_name, p.email, p.language FROM memberships m \
         JOIN sigs s ON s.id = m.sig_id JOIN people p ON p.id = m.person_id WHERE m.id = $1",
        )
        .bind(membership_id)
        .fetch_one(&mut *tx)
        .await?;
    if let Some(recipient) = email {
        let letter = Letter {
            recipient,
            name,
            language: crate::i18n::Language::stored(language.as_deref()),
            confirm_token: None,
            sigs: vec![LetterSig {
                slug: slug.to_owned(),
                name: sig_name,
                status,
                leave_token: leave_link(&mut tx, membership_id).await?,
            }],
        };
        enqueue(&mut tx, &write(&letter, message)).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// How many people are active members of each SIG, by slug.
#[tracing::instrument(skip(db), err)]
pub async fn member_counts(db: &Database) -> Result<HashMap<String, i64>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT s.slug, COUNT(*) FROM memberships m JOIN sigs s ON s.id = m.sig_id \
         WHERE m.status = 'active' AND m.inactive_at IS NULL GROUP BY s.slug",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Where `person_id` stands with each group they lead, belong to or asked
/// to join (a lead's standing wins over their membership).
#[tracing::instrument(skip(db), err)]
pub async fn standings(db: &Database, person_id: i64) -> Result<Standings, sqlx::Error> {
    let led: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT s.slug, s.name, l.role FROM leaderships l JOIN sigs s ON s.id = l.sig_id \
         WHERE l.person_id = $1 AND l.role <> 'emeritus'",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?;
    let joined: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT s.slug, s.name, m.status FROM memberships m JOIN sigs s ON s.id = m.sig_id \
         WHERE m.person_id = $1",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?;
    let mut standings: Vec<GroupStanding> = led
        .into_iter()
        .map(|(slug, name, role)| {
            let role = crate::models::sig::LeadRole::parse(&role)
                .unwrap_or(crate::models::sig::LeadRole::Chair);
            GroupStanding {
                slug,
                name,
                standing: Standing::Lead(role.label()),
            }
        })
        .collect();
    for (slug, name, status) in joined {
        let standing = match status_of(&status) {
            MembershipStatus::Active => Standing::Member,
            MembershipStatus::Unconfirmed | MembershipStatus::AwaitingApproval => Standing::Pending,
            MembershipStatus::Declined | MembershipStatus::Left => continue,
        };
        if !standings.iter().any(|g| g.slug == slug) {
            standings.push(GroupStanding {
                slug,
                name,
                standing,
            });
        }
    }
    Ok(Standings(standings))
}
