//! Everyone the site knows, as admins look them up: who they are and how
//! they sign in.

use sqlx::FromRow;

use super::Database;

/// A person as the admins' list shows them.
#[derive(Debug, Clone, FromRow)]
pub struct Listed {
    pub id: i64,
    pub display_name: String,
    pub github_handle: Option<String>,
    pub email: Option<String>,
    pub has_password: i64,
    pub is_admin: i64,
    pub created_at: i64,
}

/// `text` for a `LIKE … ESCAPE '\'` pattern that finds it anywhere.
fn contains_pattern(text: &str) -> String {
    let escaped: String = text
        .to_lowercase()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            other => vec![other],
        })
        .collect();
    format!("%{escaped}%")
}

/// People whose name, GitHub handle or address contains `query` (all for
/// an empty one), by name; at most `limit`.
#[tracing::instrument(skip(db), err)]
pub async fn search(db: &Database, query: &str, limit: i64) -> Result<Vec<Listed>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, display_name, github_handle, email, \
         CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS has_password, is_admin, created_at \
         FROM people WHERE $1 = '' OR LOWER(display_name) LIKE $2 ESCAPE '\\' \
         OR github_key LIKE $2 ESCAPE '\\' OR email_key LIKE $2 ESCAPE '\\' \
         ORDER BY LOWER(display_name), id LIMIT $3",
    )
    .bind(query.trim())
    .bind(contains_pattern(query.trim()))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn wildcards_are_taken_literally() {
        assert_eq!(contains_pattern("Ada"), "%ada%");
        assert_eq!(contains_pattern("50%_off\\"), "%50\\%\\_off\\\\%");
    }
}
