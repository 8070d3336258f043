//! Writes to SIGs and their leadership, made by leads and admins.

use sqlx::FromRow;

use super::accounts::{email_key, issue_token, TokenPurpose};
use super::outbox::{enqueue, Mail};
use super::Database;
use crate::i18n::Language;
use crate::models::sig::{LeadRole, SigKind};
use crate::models::sig_edit::{AppointLeadForm, Appointed, SigEditForm};

/// `person_id`'s role among the leads of the SIG `slug` (`Some(None)` when
/// they do not lead it); `None` for an unknown SIG.
#[tracing::instrument(skip(db), err)]
pub async fn lead_role(
    db: &Database,
    slug: &str,
    person_id: i64,
) -> Result<Option<Option<LeadRole>>, sqlx::Error> {
    let sig: Option<i64> = sqlx::query_scalar("SELECT id FROM sigs WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&db.pool)
        .await?;
    let Some(sig_id) = sig else {
        return Ok(None);
    };
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM leaderships WHERE sig_id = $1 AND person_id = $2")
            .bind(sig_id)
            .bind(person_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(Some(role.as_deref().and_then(LeadRole::parse)))
}

/// The editable fields of a SIG as stored (mission as markdown).
#[tracing::instrument(skip(db), err)]
pub async fn edit_form(db: &Database, slug: &str) -> Result<Option<SigEditForm>, sqlx::Error> {
    #[derive(FromRow)]
    struct Row {
        slug: String,
        description: String,
        mission: String,
        chat_channel_name: Option<String>,
        chat_channel_url: Option<String>,
        mailing_list_url: Option<String>,
        meeting_notes_url: Option<String>,
        recordings_url: Option<String>,
        join_policy: String,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT slug, description, mission, chat_channel_name, chat_channel_url, \
         mailing_list_url, meeting_notes_url, recordings_url, join_policy FROM sigs WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    let translations = super::translations::all_sig_texts(db, slug).await?;
    Ok(row.map(|row| SigEditForm {
        slug: row.slug,
        description: row.description,
        mission: row.mission,
        chat_label: row.chat_channel_name.unwrap_or_default(),
        chat_url: row.chat_channel_url.unwrap_or_default(),
        mailing_list_url: row.mailing_list_url.unwrap_or_default(),
        meeting_notes_url: row.meeting_notes_url.unwrap_or_default(),
        recordings_url: row.recordings_url.unwrap_or_default(),
        join_policy: row.join_policy,
        translations,
    }))
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// Saves a validated edit, its translations with it; `false` when the SIG
/// does not exist.
#[tracing::instrument(skip(db, form), err)]
pub async fn update_details(db: &Database, form: &SigEditForm) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let sig_id: Option<i64> = sqlx::query_scalar(
        "UPDATE sigs SET description = $1, mission = $2, chat_channel_name = $3, \
         chat_channel_url = $4, mailing_list_url = $5, meeting_notes_url = $6, \
         recordings_url = $7, updated_at = $8, join_policy = COALESCE($10, join_policy) \
         WHERE slug = $9 RETURNING id",
    )
    .bind(form.description.trim())
    .bind(&form.mission)
    .bind(optional(&form.chat_label).or_else(|| optional(&form.chat_url)))
    .bind(optional(&form.chat_url))
    .bind(optional(&form.mailing_list_url))
    .bind(optional(&form.meeting_notes_url))
    .bind(optional(&form.recordings_url))
    .bind(tx.now())
    .bind(form.slug.trim())
    .bind(optional(&form.join_policy))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(sig_id) = sig_id else {
        return Ok(false);
    };
    super::translations::save_sig_texts(&mut tx, sig_id, &form.translations).await?;
    tx.commit().await?;
    Ok(true)
}

/// Renames a SIG or changes its kind; `false` when it does not exist. The
/// slug stays: links to the SIG keep working.
#[tracing::instrument(skip(db), err)]
pub async fn rename(
    db: &Database,
    slug: &str,
    name: &str,
    kind: SigKind,
) -> Result<bool, sqlx::Error> {
    let updated =
        sqlx::query("UPDATE sigs SET name = $1, kind = $2, updated_at = $3 WHERE slug = $4")
            .bind(name)
            .bind(kind.as_str())
            .bind(db.now())
            .bind(slug)
            .execute(&db.pool)
            .await?
            .rows_affected();
    Ok(updated == 1)
}

/// Creates a SIG; `false` when the slug is taken.
#[tracing::instrument(skip(db), err)]
pub async fn create(
    db: &Database,
    slug: &str,
    name: &str,
    kind: SigKind,
    description: &str,
) -> Result<bool, sqlx::Error> {
    let timestamp = db.now();
    let created = sqlx::query(
        "INSERT INTO sigs (slug, name, kind, description, position, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, 1000, $5, $5) ON CONFLICT (slug) DO NOTHING",
    )
    .bind(slug)
    .bind(name)
    .bind(kind.as_str())
    .bind(description)
    .bind(timestamp)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(created == 1)
}

/// Archives or re-activates a SIG; `false` when it does not exist.
#[tracing::instrument(skip(db), err)]
pub async fn set_archived(db: &Database, slug: &str, archived: bool) -> Result<bool, sqlx::Error> {
    let status = if archived { "archived" } else { "active" };
    let updated = sqlx::query("UPDATE sigs SET status = $1, updated_at = $2 WHERE slug = $3")
        .bind(status)
        .bind(db.now())
        .bind(slug)
        .execute(&db.pool)
        .await?
        .rows_affected();
    Ok(updated == 1)
}

/// What appointing a lead did.
#[derive(Debug, PartialEq, Eq)]
pub enum Appointment {
    /// The person can already sign in.
    Appointed,
    /// The person has no sign-in yet and was e-mailed an invitation.
    Invited,
    NoSuchSig,
}

/// Makes someone a lead of a SIG. The person is found by e-mail, then by
/// GitHub handle (imported leads have one), or created; anyone without a
/// password gets an invitation mail, written by `invitation(token)`.
#[tracing::instrument(skip(db, form, invitation), err)]
pub async fn appoint_lead(
    db: &Database,
    form: &AppointLeadForm,
    appointed: Appointed,
    language: Language,
    invitation: impl FnOnce(&str, Language) -> Mail,
) -> Result<Appointment, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let sig: Option<i64> = sqlx::query_scalar("SELECT id FROM sigs WHERE slug = $1")
        .bind(form.slug.trim())
        .fetch_optional(&mut *tx)
        .await?;
    let Some(sig_id) = sig else {
        return Ok(Appointment::NoSuchSig);
    };
    let key = email_key(&form.email);
    let handle = form.github_handle.trim().trim_start_matches('@');
    let mut person: Option<(i64, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT id, password_hash, language FROM people WHERE email_key = $1")
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?;
    if person.is_none() && !handle.is_empty() {
        person =
            sqlx::query_as("SELECT id, password_hash, language FROM people WHERE github_key = $1")
                .bind(handle.to_lowercase())
                .fetch_optional(&mut *tx)
                .await?;
        if let Some((id, _, _)) = &person {
            // The imported profile gets the address the invitation goes to.
            sqlx::query(
                "UPDATE people SET email = $1, email_key = $2 WHERE id = $3 AND email_key IS NULL",
            )
            .bind(form.email.trim())
            .bind(&key)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
    }
    // Someone new is written to in the language they were appointed in.
    let (person_id, can_sign_in, language) = match person {
        Some((id, hash, stored)) => (
            id,
            hash.is_some(),
            stored.map_or(language, |tag| Language::stored(Some(&tag))),
        ),
        None => {
            let handle_key = (!handle.is_empty()).then(|| handle.to_lowercase());
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO people (display_name, github_handle, github_key, email, email_key, \
                 created_at, language) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(form.display_name.trim())
            .bind((!handle.is_empty()).then_some(handle))
            .bind(handle_key)
            .bind(form.email.trim())
            .bind(&key)
            .bind(db.now())
            .bind(language.tag())
            .fetch_one(&mut *tx)
            .await?;
            (id, false, language)
        }
    };
    let position: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM leaderships WHERE sig_id = $1")
        .bind(sig_id)
        .fetch_one(&mut *tx)
        .await?;
    // Stepping down to emeritus keeps the role held and the day; another
    // role clears them.
    sqlx::query(
        "INSERT INTO leaderships (sig_id, person_id, role, position, since, term_ends_on, \
         former_role, stepped_down_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, \
         CASE WHEN $3 = 'emeritus' THEN $5 END) ON CONFLICT (sig_id, person_id) DO UPDATE SET \
         role = excluded.role, term_ends_on = excluded.term_ends_on, \
         former_role = CASE WHEN excluded.role <> 'emeritus' THEN NULL \
           WHEN leaderships.role <> 'emeritus' THEN leaderships.role \
           ELSE leaderships.former_role END, \
         stepped_down_at = CASE WHEN excluded.role <> 'emeritus' THEN NULL \
           WHEN leaderships.role <> 'emeritus' THEN excluded.since \
           ELSE leaderships.stepped_down_at END",
    )
    .bind(sig_id)
    .bind(person_id)
    .bind(appointed.role.as_str())
    .bind(position)
    .bind(db.now())
    .bind(appointed.term_ends_on.map(|day| day.key()))
    .execute(&mut *tx)
    .await?;
    let outcome = if can_sign_in {
        Appointment::Appointed
    } else {
        let token = issue_token(&mut tx, person_id, TokenPurpose::Invite).await?;
        enqueue(&mut tx, &invitation(&token, language)).await?;
        Appointment::Invited
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Ends someone's leadership of a SIG; `false` if they did not lead it.
#[tracing::instrument(skip(db), err)]
pub async fn remove_lead(db: &Database, slug: &str, person_id: i64) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query(
        "DELETE FROM leaderships WHERE person_id = $1 AND sig_id = (SELECT id FROM sigs WHERE slug = $2)",
    )
    .bind(person_id)
    .bind(slug)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(removed == 1)
}

/// A lead as admins manage them (with the id the remove button sends).
#[derive(Debug, Clone, FromRow)]
pub struct ManagedLead {
    pub person_id: i64,
    pub display_name: String,
    pub github_handle: Option<String>,
    pub role: String,
    pub can_sign_in: i64,
    pub has_password: i64,
    /// An invitation e-mailed and not used or expired yet.
    pub invited: i64,
}

#[tracing::instrument(skip(db), err)]
pub async fn leads_of(db: &Database, slug: &str) -> Result<Vec<ManagedLead>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id AS person_id, p.display_name, p.github_handle, l.role, \
         CASE WHEN p.password_hash IS NULL AND NOT EXISTS (SELECT 1 FROM identities i \
           WHERE i.person_id = p.id) THEN 0 ELSE 1 END AS can_sign_in, \
         CASE WHEN p.password_hash IS NULL THEN 0 ELSE 1 END AS has_password, \
         CASE WHEN EXISTS (SELECT 1 FROM email_tokens t WHERE t.person_id = p.id \
           AND t.purpose = 'invite' AND t.used_at IS NULL AND t.expires_at > $2) \
         THEN 1 ELSE 0 END AS invited \
         FROM leaderships l JOIN people p ON p.id = l.person_id \
         JOIN sigs s ON s.id = l.sig_id WHERE s.slug = $1 ORDER BY l.position",
    )
    .bind(slug)
    .bind(db.now())
    .fetch_all(&db.pool)
    .await
}
