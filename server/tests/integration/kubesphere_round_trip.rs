//! The KubeSphere README round trip: the seed imported, exported as one
//! KubeSphere-style README and imported into a second database gives the
//! same groups, people, leads, channels and pages, compared table by table;
//! the second export is the first, byte for byte.

use crate::on_both_databases;
use crate::support::{seed_path, server_command, write_temp_file, Backend, TestDatabase};

on_both_databases!(import_export_import_gives_the_same_database,);

/// Every table the KubeSphere README fills, as rows of text: no ids or
/// times, references by slug and name, so two databases compare.
const TABLES: [(&str, &str); 5] = [
    (
        "sigs",
        "SELECT slug, name, kind, description, mission, chat_channel_name, chat_channel_url, \
         mailing_list_url, meeting_notes_url, recordings_url, status, position, join_policy, \
         charter_url FROM sigs",
    ),
    (
        "people",
        "SELECT display_name, github_handle, github_key, email FROM people",
    ),
    (
        "leaderships",
        "SELECT s.slug, p.display_name, l.role, l.position FROM leaderships l \
         JOIN sigs s ON s.id = l.sig_id JOIN people p ON p.id = l.person_id",
    ),
    (
        "channels",
        "SELECT purpose, name, url, kind, position FROM channels",
    ),
    (
        "pages",
        "SELECT slug, title, body_markdown, position FROM pages",
    ),
];

async fn rows(database: &TestDatabase, query: &str) -> Vec<String> {
    // Each column as text (or a mark for NULL), joined: the same on both
    // databases whatever the column's type.
    let select = query.strip_prefix("SELECT ").expect("a select");
    let (columns, rest) = select.split_once(" FROM ").expect("a from");
    let text = columns
        .split(", ")
        .map(|column| format!("COALESCE(CAST({column} AS TEXT), '<null>')"))
        .collect::<Vec<_>>()
        .join(" || '|' || ");
    let db = database.open().await;
    let mut rows: Vec<String> =
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT {text} FROM {rest}")))
            .fetch_all(&db.pool)
            .await
            .expect("rows");
    rows.sort();
    rows
}

fn export(database: &TestDatabase) -> String {
    let output = server_command(&database.url, &["export", "--format", "kubesphere-md"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn import(database: &TestDatabase, file: &std::path::Path) {
    let path = file.to_str().expect("path");
    let output = server_command(
        &database.url,
        &["import", "--format", "kubesphere-md", path],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

async fn import_export_import_gives_the_same_database(backend: Backend) {
    let first = TestDatabase::create(backend).await;
    import(&first, &seed_path());
    let exported = export(&first);
    let second = TestDatabase::create(backend).await;
    let (_dir, file) = write_temp_file(&exported);
    import(&second, &file);

    for (table, query) in TABLES {
        let (before, after) = (rows(&first, query).await, rows(&second, query).await);
        assert!(!before.is_empty(), "{table} is filled by the seed");
        assert_eq!(before, after, "{table}");
    }
    assert_eq!(export(&second), exported);
}
