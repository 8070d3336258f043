//! Two server processes on one PostgreSQL: the one that claimed the weekly
//! digest is killed with SIGKILL in the middle of its run (held inside the
//! run's transaction by a lock the test takes on the outbox), and the other
//! takes the job over once the lease ends: the digest goes out once.

use std::time::{Duration, Instant};

use sqlx::{Connection, Executor};

use crate::support::process::ServerProcess;
use crate::support::smtp::SmtpServer;
use crate::support::{Backend, TestDatabase};

async fn scalar(db: &app::store::Database, query: &'static str) -> i64 {
    sqlx::query_scalar(query)
        .fetch_one(&db.pool)
        .await
        .expect("a count")
}

#[tokio::test]
async fn a_digest_run_killed_midway_is_finished_once_by_the_other_instance() {
    let smtp = SmtpServer::start();
    let database = TestDatabase::create(Backend::Postgres).await;
    let url = smtp.url();
    let settings = [
        ("SIGPOST_SMTP_URL", url.as_str()),
        ("SIGPOST_JOB_POLL_SECONDS", "1"),
        ("SIGPOST_JOB_LEASE_SECONDS", "3"),
    ];
    let mut first = ServerProcess::start_with(&database.url, &settings);
    let mut second = ServerProcess::start_with(&database.url, &settings);
    let db = database.open().await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while scalar(&db, "SELECT COUNT(*) FROM jobs").await < app::jobs::Job::ALL.len() as i64 {
        assert!(
            Instant::now() < deadline,
            "the schedulers did not register their jobs"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // A lead of storage who reads the digest, with a request waiting.
    let now = db.now();
    let reader: i64 = sqlx::query_scalar(
        "INSERT INTO people (display_name, email, email_key, created_at) \
         VALUES ('Reader', 'reader@example.org', 'reader@example.org', $1) RETURNING id",
    )
    .bind(now)
    .fetch_one(&db.pool)
    .await
    .expect("reader");
    let newcomer: i64 = sqlx::query_scalar(
        "INSERT INTO people (display_name, created_at) VALUES ('Newcomer', $1) RETURNING id",
    )
    .bind(now)
    .fetch_one(&db.pool)
    .await
    .expect("newcomer");
    for statement in [
        "INSERT INTO leaderships (sig_id, person_id, role) SELECT id, $1, 'chair' FROM sigs WHERE slug = 'storage'",
        "INSERT INTO mail_preferences (person_id, weekly_digest, unsubscribe_token, updated_at) \
         VALUES ($1, 1, '0123456789abcdef0123456789abcdef', 0)",
    ] {
        sqlx::query(statement)
            .bind(reader)
            .execute(&db.pool)
            .await
            .expect("reader set up");
    }
    sqlx::query(
        "INSERT INTO memberships (sig_id, person_id, status, requested_at) \
         SELECT id, $1, 'awaiting_approval', $2 FROM sigs WHERE slug = 'storage'",
    )
    .bind(newcomer)
    .bind(now)
    .execute(&db.pool)
    .await
    .expect("a request");

    // Hold the outbox, then make the digest due: whoever claims it blocks
    // inside its run's transaction.
    let mut holder = sqlx::PgConnection::connect(&database.url)
        .await
        .expect("connect");
    holder.execute("BEGIN").await.expect("begin");
    holder
        .execute("LOCK TABLE outbox IN EXCLUSIVE MODE")
        .await
        .expect("lock");
    sqlx::query("UPDATE jobs SET next_run_at = 0 WHERE name = 'weekly-digest'")
        .execute(&db.pool)
        .await
        .expect("due");
    let deadline = Instant::now() + Duration::from_secs(30);
    let running = loop {
        let running: Option<String> = sqlx::query_scalar(
            "SELECT instance FROM job_runs WHERE job = 'weekly-digest' AND outcome = 'running'",
        )
        .fetch_optional(&db.pool)
        .await
        .expect("runs");
        if let Some(instance) = running {
            break instance;
        }
        assert!(Instant::now() < deadline, "nobody claimed the digest");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (killed, survivor) = if running.contains(&format!("-{}-", first.pid())) {
        (&mut first, &mut second)
    } else {
        (&mut second, &mut first)
    };
    killed.kill_hard();
    holder.execute("ROLLBACK").await.expect("release");

    let received = smtp
        .wait_until(|received| received.iter().any(|mail| mail.to == "reader@example.org"))
        .await;
    let digests: Vec<_> = received
        .iter()
        .filter(|mail| mail.to == "reader@example.org")
        .collect();
    assert_eq!(digests.len(), 1, "{digests:#?}");
    assert!(digests[0].text.contains("1 request") || digests[0].text.contains("one request"));
    let outcomes: Vec<(String, String)> = sqlx::query_as(
        "SELECT instance, outcome FROM job_runs WHERE job = 'weekly-digest' ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await
    .expect("runs");
    assert_eq!(outcomes.len(), 2, "{outcomes:?}");
    assert_eq!(outcomes[0], (running.clone(), "lost".to_owned()));
    assert_eq!(outcomes[1].1, "done");
    assert!(
        outcomes[1].0.contains(&format!("-{}-", survivor.pid())),
        "{outcomes:?}"
    );
    survivor.assert_no_panic();
}
