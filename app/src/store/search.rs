//! The search index (one table, kept in the database so every instance
//! answers alike) and the queries that read it. SQLite keeps it in FTS5
//! with the trigram tokenizer and matches with GLOB; PostgreSQL keeps it
//! in a table with a pg_trgm GIN index and matches with LIKE. Both
//! indexes answer "contains this substring" of any script; the terms come
//! from `crate::search`, so both backends find the same things.

mod documents;

use std::collections::BTreeSet;

use sqlx::{AnyConnection, FromRow};

use super::{Backend, Database};
use crate::models::search::SearchKind;
use crate::search::terms::{Query, Term};
use crate::search::{haystack, vocabulary};

/// The most rows read for one query; each kind shows `HITS_PER_KIND`.
const MAX_ROWS: i64 = 500;
/// Rows written per INSERT while rebuilding.
const ENTRIES_PER_INSERT: usize = 100;
const VALUES_PER_STATEMENT: usize = 500;

/// A row of the index that matched.
#[derive(Debug, FromRow)]
pub struct Found {
    pub kind: String,
    pub path: String,
    pub context: String,
    pub title: String,
    pub body: String,
}

/// The entries matching every term of `query`, after bringing the index up
/// to date; near words for misspellings are added to its terms.
#[tracing::instrument(skip(db), err)]
pub async fn find(db: &Database, query: &mut Query) -> Result<Vec<Found>, sqlx::Error> {
    if query.terms.is_empty() {
        return Ok(Vec::new());
    }
    refresh(db).await?;
    for term in query.terms.iter_mut().filter(|term| term.forgives_typos()) {
        add_near_words(db, term).await?;
    }
    let mut sql =
        String::from("SELECT kind, path, context, title, body FROM search_entries WHERE ");
    let mut patterns: Vec<String> = Vec::new();
    for (index, term) in query.terms.iter().enumerate() {
        if index > 0 {
            sql.push_str(" AND ");
        }
        sql.push('(');
        for (alternative, needle) in term.needles().iter().enumerate() {
            if alternative > 0 {
                sql.push_str(" OR ");
            }
            patterns.push(pattern(db.backend, needle));
            let operator = match db.backend {
                Backend::Sqlite => "GLOB",
                Backend::Postgres => "LIKE",
            };
            sql.push_str(&format!("haystack {operator} ${}", patterns.len()));
        }
        sql.push(')');
    }
    // In the order the index was written: SIGs and pages in reading order,
    // the newest items and records first.
    let order = match db.backend {
        Backend::Sqlite => "rowid",
        Backend::Postgres => "id",
    };
    sql.push_str(&format!(" ORDER BY {order} LIMIT {MAX_ROWS}"));
    // Only placeholders are spliced in; every text is bound.
    let mut rows = sqlx::query_as::<_, Found>(sqlx::AssertSqlSafe(sql));
    for pattern in patterns {
        rows = rows.bind(pattern);
    }
    rows.fetch_all(&db.pool).await
}

/// "Contains `needle`" in the backend's pattern language, its wildcards
/// taken literally.
fn pattern(backend: Backend, needle: &str) -> String {
    let mut pattern = String::new();
    let wildcard = match backend {
        Backend::Sqlite => '*',
        Backend::Postgres => '%',
    };
    pattern.push(wildcard);
    for c in needle.chars() {
        match (backend, c) {
            (Backend::Sqlite, '*' | '?' | '[') => {
                pattern.push('[');
                pattern.push(c);
                pattern.push(']');
            }
            (Backend::Postgres, '%' | '_' | '\\') => {
                pattern.push('\\');
                pattern.push(c);
            }
            _ => pattern.push(c),
        }
    }
    pattern.push(wildcard);
    pattern
}

async fn add_near_words(db: &Database, term: &mut Term) -> Result<(), sqlx::Error> {
    let length = term.text.len() as i64;
    let words: Vec<String> =
        sqlx::query_scalar("SELECT word FROM search_words WHERE LENGTH(word) BETWEEN $1 AND $2")
            .bind(length - 1)
            .bind(length + 1)
            .fetch_all(&db.pool)
            .await?;
    term.add_near(words);
    Ok(())
}

/// Rebuilds the index if a change has marked it stale. The rebuild reads
/// the tables and removes the marks in one snapshot, so a change committed
/// meanwhile keeps its mark; two instances rebuilding at once are fine
/// (one of them fails to remove the marks and leaves the other's index).
pub async fn refresh(db: &Database) -> Result<(), sqlx::Error> {
    let stale: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM search_stale_marks LIMIT 1) AS marks",
    )
    .fetch_one(&db.pool)
    .await?;
    if stale == 0 {
        return Ok(());
    }
    let mut transaction = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            .execute(&mut *transaction)
            .await?;
    }
    match rebuild(&mut transaction).await {
        Ok(()) => transaction.commit().await,
        Err(error) if is_concurrent_update(&error) => {
            tracing::debug!("another instance rebuilt the search index at the same time");
            transaction.rollback().await
        }
        Err(error) => Err(error),
    }
}

/// PostgreSQL's "could not serialize access" (or a deadlock between two
/// rebuilds): someone else won the race.
fn is_concurrent_update(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e)
        if matches!(e.code().as_deref(), Some("40001" | "40P01")))
}

async fn rebuild(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    let marks: Vec<i64> = sqlx::query_scalar("SELECT id FROM search_stale_marks")
        .fetch_all(&mut *conn)
        .await?;
    if marks.is_empty() {
        return Ok(());
    }
    let documents = documents::gather(conn).await?;
    sqlx::query("DELETE FROM search_entries")
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM search_words")
        .execute(&mut *conn)
        .await?;
    let mut vocabulary_words = BTreeSet::new();
    for chunk in documents.chunks(ENTRIES_PER_INSERT) {
        let mut sql = String::from(
            "INSERT INTO search_entries (kind, path, context, title, body, haystack) VALUES ",
        );
        for row in 0..chunk.len() {
            let first = row * 6;
            if row > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, ${}, ${}, ${})",
                first + 1,
                first + 2,
                first + 3,
                first + 4,
                first + 5,
                first + 6
            ));
        }
        let mut insert = sqlx::query(sqlx::AssertSqlSafe(sql));
        for document in chunk {
            // A lead is found by the SIGs they lead, too.
            let matched_body = match document.kind {
                SearchKind::Person => format!("{}\n{}", document.body, document.context),
                _ => document.body.clone(),
            };
            vocabulary_words.extend(vocabulary(&document.title, &matched_body));
            insert = insert
                .bind(document.kind.as_str())
                .bind(document.path.clone())
                .bind(document.context.clone())
                .bind(document.title.clone())
                .bind(document.body.clone())
                .bind(haystack(&document.title, &matched_body));
        }
        insert.execute(&mut *conn).await?;
    }
    let vocabulary_words: Vec<String> = vocabulary_words.into_iter().collect();
    in_chunks(conn, &vocabulary_words, |placeholders| {
        format!(
            "INSERT INTO search_words (word) VALUES ({})",
            placeholders.join("),(")
        )
    })
    .await?;
    in_chunks(conn, &marks, |placeholders| {
        format!(
            "DELETE FROM search_stale_marks WHERE id IN ({})",
            placeholders.join(",")
        )
    })
    .await?;
    Ok(())
}

/// Runs the statement `sql` makes from a chunk's placeholders, chunk by
/// chunk, each value bound to its placeholder.
async fn in_chunks<T>(
    conn: &mut AnyConnection,
    values: &[T],
    sql: impl Fn(Vec<String>) -> String,
) -> Result<(), sqlx::Error>
where
    T: for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Clone + Send + 'static,
{
    for chunk in values.chunks(VALUES_PER_STATEMENT) {
        let placeholders = (1..=chunk.len()).map(|n| format!("${n}")).collect();
        // Only placeholders are spliced in; every value is bound.
        let mut statement = sqlx::query(sqlx::AssertSqlSafe(sql(placeholders)));
        for value in chunk {
            statement = statement.bind(value.clone());
        }
        statement.execute(&mut *conn).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_in_a_needle_are_literal() {
        assert_eq!(pattern(Backend::Sqlite, "a*b?[c"), "*a[*]b[?][[]c*");
        assert_eq!(pattern(Backend::Postgres, "50%_\\"), "%50\\%\\_\\\\%");
    }
}
