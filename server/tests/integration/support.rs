//! `TestApp`: one running server with its own database, and the actions a
//! visitor or an operator takes against it.

pub mod browse;
pub mod documents;
pub mod process;
pub mod providers;
pub mod site_corpus;
pub mod smtp;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicU32, Ordering};

use app::store::Database;
use reqwest::StatusCode;
use server::config::{DatabaseArgs, JobArgs, ServeArgs, SignInArgs};
use server::startup::Application;
use sqlx::Connection;

/// Which database a test runs against.
#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates one `#[tokio::test]` per scenario and backend, in modules
/// `sqlite` and `postgres`, so every scenario runs on both databases.
#[macro_export]
macro_rules! on_both_databases {
    ($($scenario:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $scenario() {
                super::$scenario($crate::support::Backend::Sqlite).await
            })*
        }
        mod postgres {
            $(#[tokio::test]
            async fn $scenario() {
                super::$scenario($crate::support::Backend::Postgres).await
            })*
        }
    };
}

/// A database of its own: a file in a temporary directory, or a freshly
/// created PostgreSQL database.
pub struct TestDatabase {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

static DATABASE_COUNTER: AtomicU32 = AtomicU32::new(0);

impl TestDatabase {
    pub async fn create(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("sigpost.db").display()
                );
                TestDatabase {
                    url,
                    _dir: Some(dir),
                }
            }
            Backend::Postgres => {
                let admin_url = std::env::var("SIGPOST_TEST_POSTGRES_URL")
                    .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
                let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap_or_else(|error| {
                    panic!("PostgreSQL tests need a server at {admin_url} ({error}); set SIGPOST_TEST_POSTGRES_URL")
                });
                let name = format!(
                    "sigpost_test_{}_{}_{}",
                    app::clock::Clock::default().unix_seconds(),
                    std::process::id(),
                    DATABASE_COUNTER.fetch_add(1, Ordering::Relaxed)
                );
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut admin)
                    .await
                    .expect("create test database");
                drop_stale_databases(&mut admin).await;
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(base, _)| base)
                    .unwrap_or(&admin_url);
                TestDatabase {
                    url: format!("{base}/{name}"),
                    _dir: None,
                }
            }
        }
    }

    pub async fn open(&self) -> Database {
        Database::connect(&self.url, 2)
            .await
            .expect("open test database")
    }
}

/// Waits until a join worker has carried out every join queued in `db`.
pub async fn joins_carried_out_in(db: &Database) {
    for _ in 0..1000 {
        let waiting = app::store::join_queue::waiting(db)
            .await
            .expect("queued joins");
        if waiting == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("queued joins were not carried out within 10 s");
}

/// Test databases older than a day are left-overs of killed runs.
async fn drop_stale_databases(admin: &mut sqlx::PgConnection) {
    let cutoff = app::clock::Clock::default().unix_seconds() - 86_400;
    let names: Vec<String> =
        sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'sigpost_test_%'")
            .fetch_all(&mut *admin)
            .await
            .unwrap_or_default();
    for name in names {
        let created: i64 = name
            .split('_')
            .nth(2)
            .and_then(|s| s.parse().ok())
            .unwrap_or(i64::MAX);
        if created < cutoff {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut *admin)
            .await;
        }
    }
}

/// A running server seeded with the KubeSphere demo data.
pub struct TestApp {
    pub addr: SocketAddr,
    pub database: TestDatabase,
    pub client: reqwest::Client,
    /// The server's clock, which a test may move ahead.
    pub clock: app::clock::Clock,
    pub page_cache: Option<std::sync::Arc<server::page_cache::PageCache>>,
    /// One pool for the waits on the join queue, however many joins are sent.
    queue_watch: tokio::sync::OnceCell<Database>,
}

/// How a test's server differs from the usual one.
struct Settings {
    trust_forwarded_for: bool,
    page_cache_bytes: usize,
    listen: Option<SocketAddr>,
    sign_in: SignInArgs,
    smtp_url: Option<String>,
    jobs: JobArgs,
    git: server::git_sync::config::GitSyncArgs,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            trust_forwarded_for: false,
            page_cache_bytes: 64 * 1024 * 1024,
            listen: None,
            sign_in: SignInArgs::default(),
            smtp_url: None,
            // Scheduled jobs stay out of the way of tests that move the
            // clock: one look at start, when nothing is due yet.
            jobs: JobArgs {
                job_poll_seconds: 24 * 3600,
                ..JobArgs::default()
            },
            git: Default::default(),
        }
    }
}

impl Settings {
    fn scheduling(smtp_url: String, lease_seconds: i64) -> Self {
        Settings {
            smtp_url: Some(smtp_url),
            jobs: JobArgs {
                job_poll_seconds: 1,
                job_lease_seconds: lease_seconds,
                ..JobArgs::default()
            },
            ..Settings::default()
        }
    }
}

/// A page as the visitor received it.
pub struct Page {
    pub status: StatusCode,
    pub body: String,
    pub headers: reqwest::header::HeaderMap,
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, false).await
    }

    /// A server on a database the test filled first (the demo data only
    /// goes into an empty one).
    pub async fn spawn_on_database(database: TestDatabase) -> Self {
        Self::spawn_on(database, Settings::default()).await
    }

    /// A server that believes `X-Forwarded-For`, as behind a load balancer.
    pub async fn spawn_behind_proxy(backend: Backend) -> Self {
        Self::spawn_with(backend, true).await
    }

    async fn spawn_with(backend: Backend, trust_forwarded_for: bool) -> Self {
        let database = TestDatabase::create(backend).await;
        Self::spawn_on(
            database,
            Settings {
                trust_forwarded_for,
                ..Settings::default()
            },
        )
        .await
    }

    /// A server whose page cache may hold at most `page_cache_bytes`.
    pub async fn spawn_with_page_cache(backend: Backend, page_cache_bytes: usize) -> Self {
        let database = TestDatabase::create(backend).await;
        Self::spawn_on(
            database,
            Settings {
                page_cache_bytes,
                ..Settings::default()
            },
        )
        .await
    }

    /// A server offering sign-in through the providers `configure` sets
    /// up; it is told the server's address first (callbacks go there).
    pub async fn spawn_signing_in<F, Fut>(backend: Backend, configure: F) -> Self
    where
        F: FnOnce(String) -> Fut,
        Fut: std::future::Future<Output = SignInArgs>,
    {
        // A free port, known before the server starts: providers must
        // know the callback address before the server knows them.
        let listen = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port");
        let sign_in = configure(format!("http://{listen}")).await;
        let database = TestDatabase::create(backend).await;
        Self::spawn_on(
            database,
            Settings {
                listen: Some(listen),
                sign_in,
                ..Settings::default()
            },
        )
        .await
    }

    /// A server that delivers its mail through the SMTP relay at `smtp_url`.
    pub async fn spawn_with_smtp(backend: Backend, smtp_url: String) -> Self {
        let database = TestDatabase::create(backend).await;
        Self::spawn_on(
            database,
            Settings {
                smtp_url: Some(smtp_url),
                ..Settings::default()
            },
        )
        .await
    }

    /// A server delivering mail to `smtp_url` whose scheduler looks for due
    /// jobs every second and holds a claim for `lease_seconds`.
    pub async fn spawn_scheduling(backend: Backend, smtp_url: String, lease_seconds: i64) -> Self {
        let database = TestDatabase::create(backend).await;
        Self::spawn_on(database, Settings::scheduling(smtp_url, lease_seconds)).await
    }

    /// A server keeping its data in step with a git repository.
    pub async fn spawn_syncing(
        backend: Backend,
        git: server::git_sync::config::GitSyncArgs,
    ) -> Self {
        let database = TestDatabase::create(backend).await;
        Self::spawn_on(
            database,
            Settings {
                git,
                ..Settings::default()
            },
        )
        .await
    }

    /// Another scheduling server on this one's database, as in a fleet.
    pub async fn scheduling_beside(&self, smtp_url: String, lease_seconds: i64) -> Self {
        let database = TestDatabase {
            url: self.database.url.clone(),
            _dir: None,
        };
        Self::spawn_on(database, Settings::scheduling(smtp_url, lease_seconds)).await
    }

    /// A second server on this one's (PostgreSQL) database, as in a fleet.
    pub async fn beside(&self) -> Self {
        let database = TestDatabase {
            url: self.database.url.clone(),
            _dir: None,
        };
        Self::spawn_on(database, Settings::default()).await
    }

    async fn spawn_on(database: TestDatabase, settings: Settings) -> Self {
        let args = ServeArgs {
            listen: Some(
                settings
                    .listen
                    .unwrap_or_else(|| "127.0.0.1:0".parse().expect("address")),
            ),
            database: DatabaseArgs {
                database_url: database.url.clone(),
            },
            site_name: "Test Community".to_owned(),
            demo_data: true,
            trust_forwarded_for: settings.trust_forwarded_for,
            db_connections: 4,
            public_url: None,
            smtp_url: settings.smtp_url.map(server::config::Secret),
            mail_from: "sigpost <noreply@localhost>".to_owned(),
            shutdown_grace_seconds: 20,
            connections: Default::default(),
            page_cache_bytes: settings.page_cache_bytes,
            sign_in: settings.sign_in,
            jobs: settings.jobs,
            git: settings.git,
        };
        let application = Application::build(&args).await.expect("server starts");
        let addr = application.local_addr();
        let clock = application.clock();
        let page_cache = application.page_cache();
        tokio::spawn(application.run_until_stopped(std::future::pending()));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            // A stalled response fails the test instead of hanging the run.
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("http client");
        TestApp {
            addr,
            database,
            client,
            clock,
            page_cache,
            queue_watch: tokio::sync::OnceCell::new(),
        }
    }

    /// A visitor opens `path` (with its query string) in a browser without JavaScript.
    pub async fn visit(&self, path: &str) -> Page {
        self.visit_with(path, &[]).await
    }

    /// Opens `path` until `check` holds, for at most a second: how long a
    /// write made outside this server (another process, another
    /// connection) may take to show on a page kept in memory.
    pub async fn visit_until(&self, path: &str, check: impl Fn(&Page) -> bool) -> Page {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
        loop {
            let page = self.visit(path).await;
            if check(&page) || std::time::Instant::now() > deadline {
                return page;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// Opens `path` sending extra request headers.
    pub async fn visit_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(format!("http://{}{path}", self.addr));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Page::from_response(request.send().await.expect("request reaches the server")).await
    }

    /// Posts a form body to `path` with extra request headers.
    pub async fn post(&self, path: &str, headers: &[(&str, &str)], body: &str) -> Page {
        let mut request = self
            .client
            .post(format!("http://{}{path}", self.addr))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let page =
            Page::from_response(request.send().await.expect("request reaches the server")).await;
        self.settle(path).await;
        page
    }

    /// Posts form fields to a server function, as a script would (no
    /// `Accept: text/html`), optionally with a session cookie.
    pub async fn call(
        &self,
        function: &str,
        fields: &[(&str, &str)],
        session: Option<&str>,
    ) -> Page {
        let mut request = self
            .client
            .post(format!("http://{}/api/{function}", self.addr))
            .form(fields);
        if let Some(token) = session {
            request = request.header("cookie", format!("sigpost_session={token}"));
        }
        let page =
            Page::from_response(request.send().await.expect("request reaches the server")).await;
        self.settle(&format!("/api/{function}")).await;
        page
    }

    /// Sends a server function's form as a browser without JavaScript does
    /// from the page at `page` (a path): accepting HTML, with that page as
    /// the Referer, and a session if given. The answer is the redirect back.
    pub async fn submit_from(
        &self,
        page: &str,
        function: &str,
        fields: &[(&str, &str)],
        session: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(format!("http://{}/api/{function}", self.addr))
            .header("accept", "text/html")
            .header("referer", format!("http://{}{page}", self.addr))
            .form(fields);
        if let Some(token) = session {
            request = request.header("cookie", format!("sigpost_session={token}"));
        }
        let response = request.send().await.expect("an answer");
        self.settle(&format!("/api/{function}")).await;
        response
    }

    /// After a request to `path`: a visitor's join is carried out by the
    /// join worker a moment after the answer, so wait for it as the visitor
    /// waits for the e-mail.
    async fn settle(&self, path: &str) {
        if path.starts_with("/api/join_sigs") {
            self.joins_carried_out().await;
        }
    }

    /// Waits until the join worker has carried out every queued join.
    pub async fn joins_carried_out(&self) {
        let db = self.queue_watch.get_or_init(|| self.database.open()).await;
        joins_carried_out_in(db).await;
    }

    /// Opens `path` with a session cookie.
    pub async fn visit_as(&self, path: &str, session: &str) -> Page {
        let cookie = format!("sigpost_session={session}");
        self.visit_with(path, &[("cookie", cookie.as_str())]).await
    }

    /// A newcomer signs up.
    pub async fn sign_up(&self, name: &str, email: &str, password: &str) -> Page {
        self.call(
            "sign_up",
            &[
                ("form[display_name]", name),
                ("form[email]", email),
                ("form[github_handle]", ""),
                ("form[password]", password),
            ],
            None,
        )
        .await
    }

    /// Signs in; the session token from the cookie when it worked.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        session: Option<&str>,
    ) -> (Page, Option<String>) {
        let page = self
            .call(
                "sign_in",
                &[("form[email]", email), ("form[password]", password)],
                session,
            )
            .await;
        let token = session_cookie(&page);
        (page, token)
    }

    /// The token of the newest e-mailed link to `email` of the given path.
    pub async fn link_token(&self, email: &str, path: &str) -> String {
        self.joins_carried_out().await;
        let db = self.database.open().await;
        let mails = app::store::outbox::messages_to(&db, email)
            .await
            .expect("outbox");
        let marker = format!("{path}?token=");
        mails
            .iter()
            .find_map(|mail| {
                let start = mail.body.find(&marker)? + marker.len();
                Some(mail.body[start..start + 32].to_owned())
            })
            .unwrap_or_else(|| panic!("no {path} link mailed to {email}: {mails:?}"))
    }

    /// Signs up, confirms from the e-mail and signs in: a member's session.
    pub async fn member(&self, name: &str, email: &str) -> String {
        assert_eq!(
            self.sign_up(name, email, STRONG_PASSWORD).await.status,
            StatusCode::OK
        );
        let token = self.link_token(email, "/account/confirm").await;
        self.call("confirm_email", &[("token", &token)], None).await;
        self.sign_in(email, STRONG_PASSWORD, None)
            .await
            .1
            .expect("signed in")
    }

    /// A new member of storage (signed up, confirmed, joined) who saved
    /// the e-mail choices `preferences` (`form[…]` fields): their session.
    pub async fn storage_member(
        &self,
        name: &str,
        email: &str,
        preferences: &[(&str, &str)],
    ) -> String {
        let session = self.member(name, email).await;
        let joined = self
            .call(
                "join_sigs",
                &[
                    ("form[sigs][storage]", "on"),
                    ("form[display_name]", ""),
                    ("form[email]", ""),
                    ("form[github_handle]", ""),
                    ("form[interest]", ""),
                    ("form[website]", ""),
                ],
                Some(&session),
            )
            .await;
        assert_eq!(joined.status, StatusCode::OK, "{}", joined.body);
        let saved = self
            .call("save_mail_preferences", preferences, Some(&session))
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
        session
    }

    /// An operator runs `server import FILE` against this app's database.
    pub fn import_file(&self, file: &Path) -> Output {
        run_import(&self.database.url, file)
    }
}

impl Page {
    pub async fn from_response(response: reqwest::Response) -> Page {
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.text().await.expect("body");
        Page {
            status,
            body,
            headers,
        }
    }
}

/// A password zxcvbn accepts.
pub const STRONG_PASSWORD: &str = "violet-kettle-orbit-42";

/// The session token a response's `Set-Cookie` carries, if any.
pub fn session_cookie(page: &Page) -> Option<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|cookie| cookie.strip_prefix("sigpost_session="))
        .map(|rest| rest.split(';').next().unwrap_or("").to_owned())
        .filter(|token| !token.is_empty())
}

/// Runs the real `server import` binary.
pub fn run_import(database_url: &str, file: &Path) -> Output {
    let path = file.to_str().expect("path");
    server_command(database_url, &["import", "--format", "kubesphere-md", path])
}

/// An operator runs `server ARGS…` against the database at `database_url`.
pub fn server_command(database_url: &str, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("server binary runs")
}

/// Writes `content` to a file in a fresh temporary directory.
pub fn write_temp_file(content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("SIGs.md");
    std::fs::write(&path, content).expect("write file");
    (dir, path)
}

/// The bundled seed file.
pub fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seed/kubesphere-SIGs.md")
}

/// The `<main>` element of a page: what changes with data, without per-request nonces.
pub fn main_content(html: &str) -> String {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page closes <main>");
    html[start..end].to_owned()
}

/// Counts rows of a table.
pub async fn count(db: &Database, table: &'static str) -> i64 {
    let sql = match table {
        "sigs" => "SELECT COUNT(*) FROM sigs",
        "people" => "SELECT COUNT(*) FROM people",
        "leaderships" => "SELECT COUNT(*) FROM leaderships",
        "channels" => "SELECT COUNT(*) FROM channels",
        "pages" => "SELECT COUNT(*) FROM pages",
        "roadmap_items" => "SELECT COUNT(*) FROM roadmap_items",
        "roadmap_changes" => "SELECT COUNT(*) FROM roadmap_changes",
        "memberships" => "SELECT COUNT(*) FROM memberships",
        "join_requests" => "SELECT COUNT(*) FROM join_requests",
        "outbox" => "SELECT COUNT(*) FROM outbox",
        "meeting_series" => "SELECT COUNT(*) FROM meeting_series",
        "meetings" => "SELECT COUNT(*) FROM meetings",
        "sig_teams" => "SELECT COUNT(*) FROM sig_teams",
        "subprojects" => "SELECT COUNT(*) FROM subprojects",
        "sig_reports" => "SELECT COUNT(*) FROM sig_reports",
        other => panic!("no count query for {other}"),
    };
    sqlx::query_scalar(sql)
        .fetch_one(&db.pool)
        .await
        .expect("count")
}

/// Signed-in sessions for each role.
pub struct Roles {
    pub member: String,
    pub lead: String,
    pub emeritus: String,
    pub admin: String,
}

/// An administrator, created from the command line's store call, signed in.
pub async fn admin_session(app: &TestApp) -> String {
    let db = app.database.open().await;
    let hash = app::auth::hash_password(STRONG_PASSWORD).expect("hash");
    app::store::accounts::create_admin(&db, "Site Admin", "admin@example.org", &hash)
        .await
        .expect("admin");
    app.sign_in("admin@example.org", STRONG_PASSWORD, None)
        .await
        .1
        .expect("admin signs in")
}

/// The admin appoints someone lead of `slug` with `role`; they accept the
/// e-mailed invitation and are signed in by it.
pub async fn invited_lead(
    app: &TestApp,
    admin: &str,
    slug: &str,
    email: &str,
    role: &str,
) -> String {
    let appointed = app
        .call(
            "appoint_lead",
            &[
                ("form[slug]", slug),
                ("form[display_name]", "New Lead"),
                ("form[email]", email),
                ("form[github_handle]", ""),
                ("form[role]", role),
            ],
            Some(admin),
        )
        .await;
    assert_eq!(appointed.status, StatusCode::OK, "{}", appointed.body);
    let token = app.link_token(email, "/account/invitation").await;
    let accepted = app
        .call(
            "accept_invitation",
            &[("form[token]", &token), ("form[password]", STRONG_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
    session_cookie(&accepted).expect("the invitation signs the lead in")
}

/// A member, a chair and an emeritus lead of `storage`, and an admin.
pub async fn roles(app: &TestApp) -> Roles {
    let admin = admin_session(app).await;
    Roles {
        member: app.member("Member", "member@example.org").await,
        lead: invited_lead(app, &admin, "storage", "lead@example.org", "chair").await,
        emeritus: invited_lead(app, &admin, "storage", "old@example.org", "emeritus").await,
        admin,
    }
}

/// Asserts a refusal of bad input: 422 with the message on `field`.
pub fn assert_refused_on(page: &Page, field: &str) {
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{field}: {}",
        page.body
    );
    assert!(
        page.body.contains(&format!("\"{field}\"")),
        "{field}: {}",
        page.body
    );
}
