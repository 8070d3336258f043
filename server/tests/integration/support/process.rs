//! The real `server` binary as a child process, for the tests that need
//! several instances, signals or a kill -9. Its standard error is collected
//! so a test can check that nothing panicked.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use reqwest::{Client, StatusCode};

use super::{TestDatabase, STRONG_PASSWORD};

pub struct ServerProcess {
    child: Child,
    pub addr: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl ServerProcess {
    /// Starts `server serve` with the demo data on a free loopback port and
    /// waits until it serves.
    pub fn start(database_url: &str) -> Self {
        Self::start_with(database_url, &[])
    }

    /// Like `start`, with more environment settings.
    pub fn start_with(database_url: &str, settings: &[(&str, &str)]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["serve", "--listen", "127.0.0.1:0", "--demo-data"])
            .env("DATABASE_URL", database_url)
            .env("SIGPOST_LOG_FORMAT", "json")
            .env("SIGPOST_TRUST_FORWARDED_FOR", "true")
            .env("RUST_LOG", "info")
            .envs(settings.iter().copied())
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("server starts");
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (found, address) = mpsc::channel();
        let lines = Arc::clone(&log);
        // Read until the process ends, so a full pipe never blocks it.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Ok(entry) = serde_json::from_str::<serde_json::Value>(&line) {
                    if entry["fields"]["message"] == "serving" {
                        let addr = entry["fields"]["addr"].as_str().unwrap_or_default();
                        let _ = found.send(addr.to_owned());
                    }
                }
                lines.lock().expect("log").push(line);
            }
        });
        let addr = address
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| {
                panic!(
                    "the server did not start: {:?}",
                    log.lock().map(|l| l.clone())
                )
            });
        ServerProcess { child, addr, log }
    }

    /// The process id (the scheduler names its instance after it).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL: the process stops at once, mid-request or mid-job.
    pub fn kill_hard(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The process's resident memory, in KiB.
    pub fn resident_kib(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("process status")
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Sends a signal (`TERM`, `KILL`) and waits for the process to end.
    pub fn signal_and_wait(&mut self, signal: &str) -> std::process::ExitStatus {
        let sent = Command::new("kill")
            .args([format!("-{signal}"), self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "kill -{signal}");
        self.child.wait().expect("the server ends")
    }

    /// Sends a signal and waits at most `limit` for the process to end:
    /// `None` if it is still running then.
    pub fn signal_and_wait_at_most(
        &mut self,
        signal: &str,
        limit: Duration,
    ) -> Option<std::process::ExitStatus> {
        let sent = Command::new("kill")
            .args([format!("-{signal}"), self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "kill -{signal}");
        let deadline = std::time::Instant::now() + limit;
        while std::time::Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("the process") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// Whether the log has a line containing `text`.
    pub fn logged(&self, text: &str) -> bool {
        self.log
            .lock()
            .expect("log")
            .iter()
            .any(|line| line.contains(text))
    }

    /// Fails the test if the server logged a panic or an internal error.
    pub fn assert_no_panic(&self) {
        let bad: Vec<String> = self
            .log
            .lock()
            .expect("log")
            .iter()
            .filter(|line| line.contains("panicked") || line.contains("\"level\":\"ERROR\""))
            .cloned()
            .collect();
        assert!(bad.is_empty(), "the server logged: {bad:#?}");
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Posts form fields to a server function; (status, body, session cookie).
pub async fn call(
    client: &Client,
    server: &ServerProcess,
    function: &str,
    fields: &[(&str, &str)],
    session: Option<&str>,
    client_address: &str,
) -> (StatusCode, String, Option<String>) {
    let mut request = client
        .post(server.url(&format!("/api/{function}")))
        .header("x-forwarded-for", client_address)
        .form(fields);
    if let Some(token) = session {
        request = request.header("cookie", format!("sigpost_session={token}"));
    }
    let response = request.send().await.expect("the server answers");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|value| value.strip_prefix("sigpost_session="))
        .and_then(|rest| rest.split(';').next())
        .filter(|token| !token.is_empty())
        .map(str::to_owned);
    (
        response.status(),
        response.text().await.unwrap_or_default(),
        cookie,
    )
}

/// An admin made in the database, signed in on `server`: the session.
pub async fn admin_signed_in_on(
    client: &Client,
    server: &ServerProcess,
    database: &TestDatabase,
) -> String {
    let db = database.open().await;
    let hash = app::auth::hash_password(STRONG_PASSWORD).expect("hash");
    app::store::accounts::create_admin(&db, "Site Admin", "admin@example.org", &hash)
        .await
        .expect("admin");
    let fields = [
        ("form[email]", "admin@example.org"),
        ("form[password]", STRONG_PASSWORD),
    ];
    let (status, body, cookie) = call(client, server, "sign_in", &fields, None, "10.0.0.1").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    cookie.expect("a session")
}
