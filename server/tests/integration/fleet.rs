//! Several instances and faults, with the real binary: two servers on one
//! PostgreSQL act as one site; a kill -9 under write load loses no write that
//! was answered; SIGTERM under load fails no request already taken, and a
//! stalled request cannot hold a stopping server past its grace.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use reqwest::{Client, StatusCode};

use crate::support::process::{admin_signed_in_on, call, ServerProcess};
use crate::support::{Backend, TestDatabase};

fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

fn series_fields(title: &str) -> Vec<(&'static str, String)> {
    [
        ("form[sig]", "storage"),
        ("form[id]", "0"),
        ("form[title]", title),
        ("form[weekday]", "2"),
        ("form[start_time]", "10:00"),
        ("form[end_time]", "11:00"),
        ("form[time_zone]", "Europe/Paris"),
        ("form[cadence]", "weekly"),
        ("form[week_of_month]", ""),
        ("form[starts_on]", "2027-01-01"),
        ("form[join_url]", ""),
        ("form[notes_url]", ""),
        ("form[recordings_url]", ""),
    ]
    .into_iter()
    .map(|(key, value)| (key, value.to_owned()))
    .collect()
}

fn borrowed<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields
        .iter()
        .map(|(key, value)| (*key, value.as_str()))
        .collect()
}

#[tokio::test]
async fn two_instances_on_one_postgresql_act_as_one_site() {
    let database = TestDatabase::create(Backend::Postgres).await;
    let first = ServerProcess::start(&database.url);
    let second = ServerProcess::start(&database.url);
    let client = client();

    // Signed in on the first, the admin changes the site on the second.
    let session = admin_signed_in_on(&client, &first, &database).await;
    let fields = series_fields("Cross-instance meeting");
    let (status, body, _) = call(
        &client,
        &second,
        "save_meeting_series",
        &borrowed(&fields),
        Some(&session),
        "10.0.0.1",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for server in [&first, &second] {
        let page = client
            .get(server.url("/sigs/storage/meetings"))
            .send()
            .await
            .expect("page");
        assert!(page
            .text()
            .await
            .unwrap_or_default()
            .contains("Cross-instance meeting"));
    }

    // Signed out on the second, the session is gone on the first too.
    let (status, _, _) = call(
        &client,
        &second,
        "sign_out",
        &[],
        Some(&session),
        "10.0.0.1",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = call(
        &client,
        &first,
        "save_meeting_series",
        &borrowed(&fields),
        Some(&session),
        "10.0.0.1",
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The sign-in limit (10 in 5 minutes per client) counts on both.
    let wrong = [
        ("form[email]", "admin@example.org"),
        ("form[password]", "not-the-password-1"),
    ];
    for attempt in 0..10 {
        let server = if attempt % 2 == 0 { &first } else { &second };
        let (status, _, _) = call(&client, server, "sign_in", &wrong, None, "10.9.9.9").await;
        assert_ne!(status, StatusCode::TOO_MANY_REQUESTS, "attempt {attempt}");
    }
    let (status, _, _) = call(&client, &first, "sign_in", &wrong, None, "10.9.9.9").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    first.assert_no_panic();
    second.assert_no_panic();
}

crate::on_both_databases!(a_kill_9_under_write_load_loses_no_answered_write);

/// 64 clients write joins and roadmap items until the server is killed; the
/// writes it answered with success are all there after a restart.
async fn a_kill_9_under_write_load_loses_no_answered_write(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let mut server = ServerProcess::start(&database.url);
    let client = client();
    let session = admin_signed_in_on(&client, &server, &database).await;
    let stop = Arc::new(AtomicBool::new(false));
    let server_ref = Arc::new(server.url(""));
    let month = Arc::new(app::clock::Clock::default().this_month().key());
    let mut writers = Vec::new();
    for writer in 0..64_usize {
        let (client, stop, base, session) = (
            client.clone(),
            Arc::clone(&stop),
            Arc::clone(&server_ref),
            session.clone(),
        );
        let month = Arc::clone(&month);
        writers.push(tokio::spawn(async move {
            let mut answered: Vec<String> = Vec::new();
            for round in 0.. {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let key = format!("w{writer}r{round}");
                let address = format!("10.{}.{}.{}", writer, round % 250, 7);
                let request = if writer % 2 == 0 {
                    let email = format!("{key}@example.org");
                    client.post(format!("{base}/api/join_sigs")).form(&[
                        ("form[sigs][storage]", "on"),
                        ("form[display_name]", key.as_str()),
                        ("form[email]", email.as_str()),
                        ("form[github_handle]", ""),
                        ("form[interest]", ""),
                        ("form[website]", ""),
                    ])
                } else {
                    client
                        .post(format!("{base}/api/save_roadmap_item"))
                        .header("cookie", format!("sigpost_session={session}"))
                        .form(&[
                            ("form[sig]", "storage"),
                            ("form[id]", "0"),
                            ("form[version]", "0"),
                            ("form[title]", key.as_str()),
                            ("form[description]", ""),
                            ("form[status]", "planned"),
                            ("form[target_month]", month.as_str()),
                            ("form[owner]", ""),
                            ("form[link_url]", ""),
                            ("form[exit_criterion]", ""),
                        ])
                };
                match request.header("x-forwarded-for", address).send().await {
                    Ok(response) if response.status() == StatusCode::OK => answered.push(key),
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
            answered
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.signal_and_wait("KILL");
    stop.store(true, Ordering::Relaxed);
    let mut answered = Vec::new();
    for writer in writers {
        answered.extend(writer.await.expect("writer"));
    }
    assert!(
        answered.len() > 50,
        "the load wrote something: {}",
        answered.len()
    );

    let restarted = ServerProcess::start(&database.url);
    let db = database.open().await;
    // Joins answered before the kill were queued; the restarted worker
    // carries them out.
    crate::support::joins_carried_out_in(&db).await;
    if matches!(backend, Backend::Sqlite) {
        let check: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&db.pool)
            .await
            .expect("integrity check");
        assert_eq!(check, "ok");
    }
    let names: Vec<String> = sqlx::query_scalar("SELECT display_name FROM people")
        .fetch_all(&db.pool)
        .await
        .expect("people");
    let titles: Vec<String> = sqlx::query_scalar("SELECT title FROM roadmap_items")
        .fetch_all(&db.pool)
        .await
        .expect("items");
    let missing: Vec<&String> = answered
        .iter()
        .filter(|key| !names.contains(key) && !titles.contains(key))
        .collect();
    assert!(missing.is_empty(), "answered but lost: {missing:?}");
    let page = client
        .get(restarted.url("/sigs/storage"))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
}

/// SIGTERM while 32 clients read and write: every request the server took
/// is answered with success; the rest are refused at connect.
#[tokio::test]
async fn sigterm_under_load_fails_no_request_in_flight() {
    let database = TestDatabase::create(Backend::Sqlite).await;
    let mut server = ServerProcess::start(&database.url);
    // A new connection per request: a request is either taken whole or its
    // connection is refused once the listener has closed.
    let client = Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    let stop = Arc::new(AtomicBool::new(false));
    let (answered, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let base = Arc::new(server.url(""));
    let failures = Arc::new(std::sync::Mutex::new(Vec::new()));
    let unread = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let mut clients = Vec::new();
    for worker in 0..32_usize {
        let (client, stop, base) = (client.clone(), Arc::clone(&stop), Arc::clone(&base));
        let (answered, failed, failures) = (
            Arc::clone(&answered),
            Arc::clone(&failed),
            Arc::clone(&failures),
        );
        let unread = Arc::clone(&unread);
        clients.push(tokio::spawn(async move {
            for round in 0.. {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let email = format!("t{worker}r{round}@example.org");
                let request = if worker % 4 == 0 {
                    client.post(format!("{base}/api/join_sigs")).form(&[
                        ("form[sigs][storage]", "on"),
                        ("form[display_name]", "Term"),
                        ("form[email]", email.as_str()),
                        ("form[github_handle]", ""),
                        ("form[interest]", ""),
                        ("form[website]", ""),
                    ])
                } else {
                    client.get(format!("{base}/sigs/storage"))
                };
                let address = format!("10.{worker}.{}.1", round % 250);
                match request.header("x-forwarded-for", address).send().await {
                    Ok(response) if response.status().is_success() => {
                        answered.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok(response) => {
                        failed.fetch_add(1, Ordering::Relaxed);
                        failures
                            .lock()
                            .expect("failures")
                            .push(format!("status {}", response.status()));
                    }
                    // Refused at the door: the listener is closed, or the
                    // kernel reset a connection still waiting in its backlog
                    // (the application never read that request).
                    Err(error) if error.is_connect() || reset_before_answer(&error) => break,
                    // Closed without an answer: a connection accepted just as
                    // the server stopped, whose request it never read. The
                    // join it carried must then be absent (checked below).
                    Err(error) if format!("{error:?}").contains("IncompleteMessage") => {
                        if worker % 4 == 0 {
                            unread.lock().expect("unread").push(email);
                        }
                        break;
                    }
                    Err(error) => {
                        failed.fetch_add(1, Ordering::Relaxed);
                        failures
                            .lock()
                            .expect("failures")
                            .push(format!("{error:?}"));
                    }
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let status = server.signal_and_wait("TERM");
    stop.store(true, Ordering::Relaxed);
    for worker in clients {
        worker.await.expect("client");
    }
    assert!(status.success(), "a clean exit: {status:?}");
    assert!(answered.load(Ordering::Relaxed) > 50);
    assert_eq!(
        failed.load(Ordering::Relaxed),
        0,
        "{:?}",
        failures.lock().expect("failures")
    );
    let db = database.open().await;
    let unread: Vec<String> = unread.lock().expect("unread").clone();
    for email in &unread {
        let written: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM people WHERE email_key = $1) \
             + (SELECT COUNT(*) FROM queued_joins WHERE email = $1)",
        )
        .bind(email)
        .fetch_one(&db.pool)
        .await
        .expect("count");
        assert_eq!(
            written, 0,
            "{email} got no answer, yet its join was written"
        );
    }
    server.assert_no_panic();
}

/// A client that never finishes its request cannot keep a stopping server
/// alive: after the shutdown grace the process ends anyway.
#[tokio::test]
async fn sigterm_stops_within_the_grace_despite_a_stalled_request() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let database = TestDatabase::create(Backend::Sqlite).await;
    let mut server =
        ServerProcess::start_with(&database.url, &[("SIGPOST_SHUTDOWN_GRACE_SECONDS", "1")]);
    let mut stream = tokio::net::TcpStream::connect(&server.addr)
        .await
        .expect("connect");
    // One whole request first, so the connection is known to be served.
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: sigpost\r\n\r\n")
        .await
        .expect("write");
    let mut answer = [0_u8; 512];
    let read = stream.read(&mut answer).await.expect("read");
    assert!(
        answer[..read].starts_with(b"HTTP/1.1 200"),
        "{:?}",
        String::from_utf8_lossy(&answer[..read])
    );
    // Then a request whose body never arrives in full.
    stream
        .write_all(
            b"POST /api/join_sigs HTTP/1.1\r\nHost: sigpost\r\n\
              Content-Type: application/x-www-form-urlencoded\r\n\
              Content-Length: 1000\r\n\r\nform",
        )
        .await
        .expect("write");
    // Let the server take the request before it is told to stop.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let status = server.signal_and_wait_at_most("TERM", Duration::from_secs(20));
    let status =
        status.expect("the server ended within the grace, not held by the stalled request");
    assert!(status.success(), "{status:?}");
    assert!(server.logged("still running after the shutdown grace"));
    drop(stream);
}

/// Whether a request died by a TCP reset before any answer came.
fn reset_before_answer(error: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return io.kind() == std::io::ErrorKind::ConnectionReset;
        }
        source = cause.source();
    }
    false
}
