//! The people an import names as leads: one person per GitHub handle.

use super::ImportedLead;

/// One person per GitHub handle; people without a handle are matched by name.
/// A private e-mail from the file is kept for people who have not signed up
/// (a signed-up person's address is their own to change).
pub(super) async fn upsert(
    tx: &mut crate::store::write::WriteTransaction,
    lead: &ImportedLead,
) -> Result<i64, sqlx::Error> {
    let id: i64 = match &lead.github_handle {
        Some(handle) => {
            sqlx::query_scalar(
                "INSERT INTO people (display_name, github_handle, github_key, created_at) \
                 VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (github_key) DO UPDATE SET display_name = excluded.display_name, \
                 github_handle = excluded.github_handle RETURNING id",
            )
            .bind(&lead.display_name)
            .bind(handle)
            .bind(handle.to_lowercase())
            .bind(tx.now())
            .fetch_one(&mut **tx)
            .await?
        }
        None => {
            let existing: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM people WHERE github_handle IS NULL AND display_name = $1",
            )
            .bind(&lead.display_name)
            .fetch_optional(&mut **tx)
            .await?;
            match existing {
                Some(id) => id,
                None => sqlx::query_scalar(
                    "INSERT INTO people (display_name, created_at) VALUES ($1, $2) RETURNING id",
                )
                .bind(&lead.display_name)
                .bind(tx.now())
                .fetch_one(&mut **tx)
                .await?,
            }
        }
    };
    if let Some(email) = &lead.email {
        sqlx::query(
            "UPDATE people SET email = $1 WHERE id = $2 AND password_hash IS NULL \
             AND (email IS NULL OR email <> $1)",
        )
        .bind(email)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    if let Some(company) = &lead.company {
        sqlx::query("UPDATE people SET company = $1 WHERE id = $2 AND COALESCE(company, '') <> $1")
            .bind(company)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(id)
}
