//! Operating the binary: `server backup` and `server restore` on SQLite (a
//! backup taken while the server runs restores the same content), and logs
//! as JSON lines.

use std::path::Path;
use std::process::Output;

use app::store::Database;
use reqwest::StatusCode;

use crate::support::{roles, Backend, TestApp, TestDatabase};

/// Runs the real `server` binary with `args` against `database_url`.
fn server(args: &[&str], file: &Path, database_url: &str) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .arg(file)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("server binary runs")
}

/// Every row that matters, as text, table by table.
async fn content(db: &Database) -> Vec<String> {
    let queries = [
        "SELECT slug || '|' || name || '|' || description || '|' || mission || '|' || status || '|' || join_policy FROM sigs ORDER BY id",
        "SELECT display_name || '|' || COALESCE(email, '') || '|' || COALESCE(github_key, '') || '|' || COALESCE(password_hash, '') FROM people ORDER BY id",
        "SELECT sig_id || '|' || person_id || '|' || role FROM leaderships ORDER BY sig_id, person_id",
        "SELECT sig_id || '|' || person_id || '|' || status || '|' || interest FROM memberships ORDER BY id",
        "SELECT title || '|' || description || '|' || status || '|' || target_month || '|' || version FROM roadmap_items ORDER BY id",
        "SELECT item_id || '|' || summary || '|' || version FROM roadmap_changes ORDER BY id",
        "SELECT slug || '|' || body_markdown FROM pages ORDER BY slug",
        "SELECT recipient || '|' || subject || '|' || body FROM outbox ORDER BY id",
        "SELECT token_hash || '|' || person_id FROM sessions ORDER BY token_hash",
    ];
    let mut rows = Vec::new();
    for query in queries {
        let table: Vec<String> = sqlx::query_scalar(query)
            .fetch_all(&db.pool)
            .await
            .unwrap_or_else(|error| panic!("{query}: {error}"));
        rows.push(format!("{} rows", table.len()));
        rows.extend(table);
    }
    rows
}

#[tokio::test]
async fn a_backup_taken_online_restores_the_same_content() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let roles = roles(&app).await;
    let item = app
        .call(
            "save_roadmap_item",
            &[
                ("form[sig]", "storage"),
                ("form[id]", "0"),
                ("form[title]", "Snapshots"),
                ("form[status]", "planned"),
                (
                    "form[target_month]",
                    &app::clock::Clock::default().this_month().key(),
                ),
            ],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(item.status, StatusCode::OK, "{}", item.body);
    let dir = tempfile::tempdir().expect("temporary directory");
    let backup = dir.path().join("sigpost-backup.db");

    let made = server(&["backup"], &backup, &app.database.url);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let again = server(&["backup"], &backup, &app.database.url);
    assert!(
        !again.status.success(),
        "an existing file is never overwritten"
    );

    let target = TestDatabase::create(Backend::Sqlite).await;
    let restored = server(&["restore"], &backup, &target.url);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let original = content(&app.database.open().await).await;
    assert!(original.iter().any(|row| row.starts_with("Snapshots|")));
    assert_eq!(content(&target.open().await).await, original);
}

#[tokio::test]
async fn a_file_that_is_not_a_backup_is_refused_and_changes_nothing() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let before = content(&app.database.open().await).await;
    let dir = tempfile::tempdir().expect("temporary directory");
    let garbage = dir.path().join("notes.db");
    std::fs::write(&garbage, "these are not the tables you are looking for").expect("write");
    let refused = server(&["restore"], &garbage, &app.database.url);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("damaged or not a SQLite database"));
    assert_eq!(content(&app.database.open().await).await, before);

    let postgres = server(
        &["backup"],
        &dir.path().join("x.db"),
        "postgres://postgres@127.0.0.1/postgres",
    );
    assert!(!postgres.status.success());
    assert!(String::from_utf8_lossy(&postgres.stderr).contains("pg_dump"));
}

#[tokio::test]
async fn json_logs_are_one_object_per_line() {
    use std::io::{BufRead, BufReader};
    let database = TestDatabase::create(Backend::Sqlite).await;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("DATABASE_URL", &database.url)
        .env("SIGPOST_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("server starts");
    let stderr = child.stderr.take().expect("stderr");
    let line = BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .find(|line| line.contains("serving"))
        .expect("a start-up line");
    let _ = child.kill();
    let _ = child.wait();
    let entry: serde_json::Value = serde_json::from_str(&line).expect("a JSON object");
    assert_eq!(entry["level"], "INFO");
    assert_eq!(entry["fields"]["message"], "serving");
    assert!(entry["fields"]["addr"]
        .as_str()
        .is_some_and(|addr| addr.starts_with("127.0.0.1:")));
}

crate::on_both_databases!(metrics_count_requests_by_route_and_status);

/// The value of the first sample line starting with `prefix`.
fn sample(metrics: &str, prefix: &str) -> Option<f64> {
    metrics
        .lines()
        .find(|line| line.starts_with(prefix))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|value| value.parse().ok())
}

async fn metrics_count_requests_by_route_and_status(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in ["/sigs", "/sigs", "/sigs/storage", "/sigs/no-such-sig"] {
        app.visit(path).await;
    }
    app.visit_with("/api/no_such_function", &[]).await;
    let brew = reqwest::Method::from_bytes(b"BREW").expect("method");
    app.client
        .request(brew, format!("http://{}/", app.addr))
        .send()
        .await
        .expect("answer");
    let page = app.visit("/metrics").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.headers["content-type"]
        .to_str()
        .unwrap_or("")
        .starts_with("application/openmetrics-text"));
    let body = page.body;
    let count = |route: &str, status: u16| {
        sample(&body, &format!("sigpost_http_requests_total{{route=\"{route}\",method=\"GET\",status=\"{status}\"}}"))
    };
    assert_eq!(count("/sigs", 200), Some(2.0), "{body}");
    assert_eq!(count("/sigs/{slug}", 200), Some(1.0), "{body}");
    assert_eq!(count("/sigs/{slug}", 404), Some(1.0), "{body}");
    assert!(
        body.contains("method=\"other\""),
        "made-up methods share one label"
    );
    assert!(!body.contains("BREW"));
    assert!(
        !body.contains("no_such_function"),
        "unknown paths add no label values"
    );
    assert_eq!(
        sample(
            &body,
            "sigpost_http_request_duration_seconds_count{route=\"/sigs\"}"
        ),
        Some(2.0)
    );
    assert!(sample(&body, "sigpost_db_pool_connections{state=\"idle\"}").is_some());
    assert!(sample(&body, "sigpost_db_pool_connections{state=\"in_use\"}").is_some());
    assert_eq!(sample(&body, "sigpost_outbox_backlog "), Some(0.0));
}
