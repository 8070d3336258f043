//! Newcomers join SIGs: double opt-in, idempotence, approval by leads,
//! leaving by link, rosters, bad input, anti-abuse and a burst of joins.

use app::store::Database;
use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{
    admin_session, assert_refused_on, count, roles, session_cookie, Backend, Page, TestApp,
    TestDatabase,
};

on_both_databases!(
    a_newcomer_joins_confirms_leaves_and_joins_again,
    joining_twice_is_harmless_and_the_link_works_once,
    approval_sigs_wait_for_a_lead_to_decide,
    leaving_by_the_emailed_link_needs_no_sign_in,
    bad_join_input_is_refused_and_nothing_is_written,
    answers_never_reveal_an_account_and_bots_get_nothing,
    a_visitors_join_is_queued_alike_for_every_address,
    joins_are_rate_limited_per_client,
    two_hundred_concurrent_joins_all_land,
    the_roster_and_its_csv_are_for_leads_only,
);

fn fields(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

fn join_form(sigs: &[&str], name: &str, email: &str) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = sigs
        .iter()
        .map(|slug| (format!("form[sigs][{slug}]"), "on".to_owned()))
        .collect();
    form.push(("form[display_name]".into(), name.into()));
    form.push(("form[email]".into(), email.into()));
    form.push(("form[github_handle]".into(), String::new()));
    form.push(("form[interest]".into(), "Docs and testing".into()));
    form.push(("form[website]".into(), String::new()));
    form
}

async fn visitor_joins(app: &TestApp, sigs: &[&str], name: &str, email: &str) -> Page {
    app.call("join_sigs", &fields(&join_form(sigs, name, email)), None)
        .await
}

async fn signed_in_joins(app: &TestApp, session: &str, sigs: &[&str]) -> Page {
    app.call(
        "join_sigs",
        &fields(&join_form(sigs, "", "")),
        Some(session),
    )
    .await
}

/// Follows the newest confirmation link mailed to `email`; the session it starts.
async fn confirm(app: &TestApp, email: &str) -> Page {
    let token = app.link_token(email, "/join/confirm").await;
    app.call("confirm_join", &[("token", &token)], None).await
}

/// `email`'s memberships as (slug, status), by slug.
async fn statuses(db: &Database, email: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT s.slug, m.status FROM memberships m JOIN sigs s ON s.id = m.sig_id \
         JOIN people p ON p.id = m.person_id WHERE p.email_key = $1 ORDER BY s.slug",
    )
    .bind(email)
    .fetch_all(&db.pool)
    .await
    .expect("memberships")
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn location(page: &Page) -> &str {
    page.headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

async fn a_newcomer_joins_confirms_leaves_and_joins_again(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.open().await;
    let asked = visitor_joins(&app, &["storage", "docs"], "Ada", "ada@example.org").await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert_eq!(location(&asked), "/join?sent=1");
    assert_eq!(
        statuses(&db, "ada@example.org").await,
        pairs(&[("docs", "unconfirmed"), ("storage", "unconfirmed")])
    );

    let confirmed = confirm(&app, "ada@example.org").await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
    assert_eq!(location(&confirmed), "/sigs/docs/welcome?joined=1");
    let session = session_cookie(&confirmed).expect("the link signs the newcomer in");
    assert_eq!(
        statuses(&db, "ada@example.org").await,
        pairs(&[("docs", "active"), ("storage", "active")])
    );
    let welcome = app.visit_as("/sigs/storage/welcome", &session).await;
    assert_eq!(welcome.status, StatusCode::OK);
    assert!(welcome.body.contains("Welcome to Storage"));
    let mine = app.visit_as("/my/sigs", &session).await.body;
    assert!(mine.contains("Leave Storage") && mine.contains("Leave Docs"));

    let left = app
        .call("leave_sig", &[("sig", "storage")], Some(&session))
        .await;
    assert_eq!(left.status, StatusCode::OK);
    assert_eq!(
        statuses(&db, "ada@example.org").await,
        pairs(&[("docs", "active"), ("storage", "left")])
    );
    assert!(app
        .visit_as("/my/sigs", &session)
        .await
        .body
        .contains("Join Storage again"));

    let again = signed_in_joins(&app, &session, &["storage"]).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(location(&again), "/my/sigs?joined=1");
    assert_eq!(
        statuses(&db, "ada@example.org").await,
        pairs(&[("docs", "active"), ("storage", "active")]),
        "a signed-in member joins again without a link"
    );
}

async fn joining_twice_is_harmless_and_the_link_works_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.open().await;
    for _ in 0..2 {
        let page = visitor_joins(&app, &["storage"], "Ada", "Ada@Example.org").await;
        assert_eq!(page.status, StatusCode::OK);
    }
    assert_eq!(count(&db, "people").await, demo_people(&app).await + 1);
    assert_eq!(
        statuses(&db, "ada@example.org").await,
        pairs(&[("storage", "unconfirmed")])
    );
    let token = app.link_token("ada@example.org", "/join/confirm").await;
    let first = app.call("confirm_join", &[("token", &token)], None).await;
    assert_eq!(first.status, StatusCode::OK);
    let second = app.call("confirm_join", &[("token", &token)], None).await;
    assert_eq!(second.status, StatusCode::BAD_REQUEST, "a link works once");
    assert!(second.body.contains("expired or was already used"));
    let session = session_cookie(&first).expect("signed in");
    for _ in 0..2 {
        assert_eq!(
            signed_in_joins(&app, &session, &["storage"]).await.status,
            StatusCode::OK
        );
    }
    assert_eq!(
        statuses(&db, "ada@example.org").await,
        pairs(&[("storage", "active")])
    );
    let memberships: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM memberships")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    assert_eq!(memberships, 1);

    // An expired link is refused like a used one.
    visitor_joins(&app, &["docs"], "Bob", "bob@example.org").await;
    sqlx::query("UPDATE join_requests SET expires_at = 0")
        .execute(&db.pool)
        .await
        .expect("expire");
    assert_eq!(
        confirm(&app, "bob@example.org").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        statuses(&db, "bob@example.org").await,
        pairs(&[("docs", "unconfirmed")])
    );
}

/// How many people the demo data holds (imported leads have no address).
async fn demo_people(app: &TestApp) -> i64 {
    let db = app.database.open().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE email_key IS NULL")
        .fetch_one(&db.pool)
        .await
        .expect("count")
}

async fn decide(
    app: &TestApp,
    session: &str,
    membership_id: i64,
    decision: &str,
    message: &str,
) -> Page {
    let id = membership_id.to_string();
    app.call(
        "decide_join_request",
        &[
            ("form[sig]", "storage"),
            ("form[membership_id]", id.as_str()),
            ("form[decision]", decision),
            ("form[message]", message),
        ],
        Some(session),
    )
    .await
}

async fn membership_id(db: &Database, email: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT m.id FROM memberships m JOIN people p ON p.id = m.person_id WHERE p.email_key = $1",
    )
    .bind(email)
    .fetch_one(&db.pool)
    .await
    .expect("membership")
}

async fn approval_sigs_wait_for_a_lead_to_decide(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.open().await;
    let roles = roles(&app).await;
    let set_policy = app
        .call(
            "update_sig",
            &[("form[slug]", "storage"), ("form[join_policy]", "approval")],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(set_policy.status, StatusCode::OK, "{}", set_policy.body);

    for (name, email) in [("Ada", "ada@example.org"), ("Bob", "bob@example.org")] {
        visitor_joins(&app, &["storage"], name, email).await;
        assert_eq!(confirm(&app, email).await.status, StatusCode::OK);
        assert_eq!(
            statuses(&db, email).await,
            pairs(&[("storage", "awaiting_approval")])
        );
    }
    // The queue is for leads: it shows addresses.
    let queue = app
        .visit_as("/sigs/storage/members", &roles.lead)
        .await
        .body;
    assert!(
        queue.contains("Accept Ada") && queue.contains("ada@example.org"),
        "{queue}"
    );
    assert_eq!(
        app.call("load_roster", &[("slug", "storage")], Some(&roles.member))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let ada = membership_id(&db, "ada@example.org").await;
    assert_eq!(
        decide(&app, &roles.member, ada, "accept", "").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        decide(&app, &roles.lead, ada, "maybe", "").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    assert_eq!(
        decide(&app, &roles.lead, ada, "accept", "Welcome aboard!")
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        statuses(&db, "ada@example.org").await,
        pairs(&[("storage", "active")])
    );
    let again = decide(&app, &roles.lead, ada, "decline", "").await;
    assert_eq!(
        again.status,
        StatusCode::BAD_REQUEST,
        "a request is answered once"
    );
    let bob = membership_id(&db, "bob@example.org").await;
    assert_eq!(
        decide(
            &app,
            &roles.lead,
            bob,
            "decline",
            "We are full this quarter."
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        statuses(&db, "bob@example.org").await,
        pairs(&[("storage", "declined")])
    );

    let mails = app::store::outbox::messages_to(&db, "bob@example.org")
        .await
        .expect("outbox");
    let decision = mails
        .iter()
        .find(|m| m.subject.contains("declined"))
        .expect("decision mail");
    assert!(
        decision.body.contains("We are full this quarter.")
            && decision.body.contains("/leave?token=")
    );
    let mails = app::store::outbox::messages_to(&db, "ada@example.org")
        .await
        .expect("outbox");
    assert!(mails.iter().any(|m| m.subject.contains("accepted")));
}

async fn leaving_by_the_emailed_link_needs_no_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.open().await;
    visitor_joins(&app, &["storage"], "Ada", "ada@example.org").await;
    confirm(&app, "ada@example.org").await;
    let token = app.link_token("ada@example.org", "/leave").await;
    let page = app.visit(&format!("/leave?token={token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Leave Storage?"));
    assert_eq!(
        statuses(&db, "ada@example.org").await,
        pairs(&[("storage", "active")]),
        "opening the link changes nothing"
    );
    let left = app.call("leave_by_link", &[("token", &token)], None).await;
    assert_eq!(left.status, StatusCode::OK);
    assert_eq!(
        statuses(&db, "ada@example.org").await,
        pairs(&[("storage", "left")])
    );
    assert!(app
        .visit(&format!("/leave?token={token}"))
        .await
        .body
        .contains("Join Storage again"));
    assert_eq!(
        app.call("leave_by_link", &[("token", &token)], None)
            .await
            .status,
        StatusCode::OK,
        "leaving twice is harmless"
    );
    let unknown = "0".repeat(32);
    assert_eq!(
        app.visit(&format!("/leave?token={unknown}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.call("leave_by_link", &[("token", &unknown)], None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn bad_join_input_is_refused_and_nothing_is_written(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.open().await;
    let admin = admin_session(&app).await;
    app.call(
        "set_sig_archived",
        &[("slug", "testing"), ("archived", "true")],
        Some(&admin),
    )
    .await;
    let tables = ["people", "memberships", "join_requests", "outbox"];
    let mut before = Vec::new();
    for table in tables {
        before.push(count(&db, table).await);
    }
    let long_name = "x".repeat(81);
    let long_interest = "x".repeat(1_001);
    let cases: Vec<(&str, Vec<(String, String)>)> = vec![
        ("email", join_form(&["storage"], "Ada", "not-an-address")),
        (
            "display_name",
            join_form(&["storage"], &long_name, "ada@example.org"),
        ),
        (
            "display_name",
            join_form(&["storage"], "   ", "ada@example.org"),
        ),
        ("sigs", join_form(&[], "Ada", "ada@example.org")),
        (
            "sigs",
            join_form(&["no-such-sig"], "Ada", "ada@example.org"),
        ),
        (
            "sigs",
            join_form(&["storage", "testing"], "Ada", "ada@example.org"),
        ),
        ("interest", {
            let mut form = join_form(&["storage"], "Ada", "ada@example.org");
            form[4].1 = long_interest.clone();
            form
        }),
    ];
    for (field, form) in cases {
        let page = app.call("join_sigs", &fields(&form), None).await;
        assert_refused_on(&page, field);
    }
    let mut after = Vec::new();
    for table in tables {
        after.push(count(&db, table).await);
    }
    assert_eq!(after, before, "refused joins wrote nothing");
}

async fn answers_never_reveal_an_account_and_bots_get_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let db = app.database.open().await;
    app.member("Ada", "ada@example.org").await;
    let known = visitor_joins(&app, &["storage"], "Ada", "ada@example.org").await;
    let unknown = visitor_joins(&app, &["storage"], "Bob", "bob@example.org").await;
    assert_eq!(
        (known.status, location(&known)),
        (unknown.status, location(&unknown))
    );
    assert_eq!(known.body, unknown.body);

    let before = count(&db, "memberships").await;
    let mut bot = join_form(&["storage"], "Bot", "bot@example.org");
    bot[5].1 = "http://spam.example".into();
    let page = app.call("join_sigs", &fields(&bot), None).await;
    assert_eq!(
        (page.status, location(&page)),
        (unknown.status, location(&unknown))
    );
    assert_eq!(
        count(&db, "memberships").await,
        before,
        "the honeypot wrote nothing"
    );
    assert!(app::store::outbox::messages_to(&db, "bot@example.org")
        .await
        .expect("outbox")
        .is_empty());
}

/// What a join can change, counted: people, memberships, join links,
/// e-mails and queued joins.
async fn join_footprint(db: &Database) -> [i64; 5] {
    [
        count(db, "people").await,
        count(db, "memberships").await,
        count(db, "join_requests").await,
        count(db, "outbox").await,
        app::store::join_queue::waiting(db).await.expect("queued"),
    ]
}

/// A visitor's answer waits only for one queued row, the same for an
/// address with an account and one without, so its timing cannot tell them
/// apart; the worker's part then carries each request out exactly once.
async fn a_visitors_join_is_queued_alike_for_every_address(backend: Backend) {
    use app::models::membership::Joiner;
    use app::store::join_queue;
    use app::store::joining::Wishes;
    let database = TestDatabase::create(backend).await;
    let db = database.open().await;
    db.migrate().await.expect("migrate");
    server::demo_data::load_if_empty(&db)
        .await
        .expect("demo data");
    sqlx::query(
        "INSERT INTO people (display_name, email, email_key, created_at) \
         VALUES ('Ada', 'ada@example.org', 'ada@example.org', 0)",
    )
    .execute(&db.pool)
    .await
    .expect("an account");
    let wishes = Wishes {
        interest: "Docs",
        weekly_digest: false,
    };
    let joiner = |name: &str, email: &str| Joiner::Visitor {
        display_name: name.to_owned(),
        email: email.to_owned(),
        github_handle: None,
    };
    let storage = ["storage".to_owned()];
    for (name, email) in [("Ada", "ada@example.org"), ("Bob", "bob@example.org")] {
        let before = join_footprint(&db).await;
        let unknown = join_queue::enqueue(
            &db,
            &joiner(name, email),
            &storage,
            &wishes,
            Default::default(),
        )
        .await
        .expect("queued");
        assert!(unknown.is_empty());
        let after = join_footprint(&db).await;
        let changed: Vec<i64> = after.iter().zip(before).map(|(a, b)| a - b).collect();
        assert_eq!(changed, [0, 0, 0, 0, 1], "{email}: only the queued row");
    }
    let unknown = join_queue::enqueue(
        &db,
        &joiner("Cy", "cy@example.org"),
        &["storage".to_owned(), "no-such-sig".to_owned()],
        &wishes,
        Default::default(),
    )
    .await
    .expect("checked");
    assert_eq!(unknown, ["no-such-sig"]);

    let site = app::state::SiteConfig::new("Test".into(), "http://sigpost.test", false);
    let mut carried = Vec::new();
    while let Some(queued) = join_queue::next(&db).await.expect("next") {
        join_queue::carry_out(
            &db,
            &queued,
            |letter| app::mail::join_request(&site, letter),
            |notice| app::mail::newcomer_for_lead(&site, notice),
        )
        .await
        .expect("carried out");
        carried.push(queued);
    }
    assert_eq!(carried.len(), 2, "Cy's refused request was never queued");
    for email in ["ada@example.org", "bob@example.org"] {
        assert_eq!(
            statuses(&db, email).await,
            pairs(&[("storage", "unconfirmed")])
        );
    }
    // A second instance holding the same request does nothing with it.
    let done = join_footprint(&db).await;
    join_queue::carry_out(
        &db,
        &carried[0],
        |letter| app::mail::join_request(&site, letter),
        |notice| app::mail::newcomer_for_lead(&site, notice),
    )
    .await
    .expect("nothing to do");
    assert_eq!(join_footprint(&db).await, done);
    assert_eq!(done[4], 0);
}

async fn joins_are_rate_limited_per_client(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for n in 0..20 {
        let page = visitor_joins(&app, &["storage"], "Ada", &format!("ada{n}@example.org")).await;
        assert_eq!(page.status, StatusCode::OK, "join {n}");
    }
    let limited = visitor_joins(&app, &["storage"], "Ada", "late@example.org").await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.headers.contains_key("retry-after"));
}

async fn two_hundred_concurrent_joins_all_land(backend: Backend) {
    const PEOPLE: usize = 200;
    let app = TestApp::spawn_behind_proxy(backend).await;
    let app = &app;
    let joins = (0..PEOPLE).map(|n| async move {
        let form = join_form(
            &["storage"],
            &format!("Newcomer {n}"),
            &format!("n{n}@example.org"),
        );
        // Each from its own address, as many people behind a proxy.
        let client = format!("10.0.{}.{}", n / 250, n % 250 + 1);
        let body: String = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        // Sent raw: the queue is waited for once, when all are answered.
        let response = app
            .client
            .post(format!("http://{}/api/join_sigs", app.addr))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-forwarded-for", client)
            .body(body)
            .send()
            .await
            .expect("an answer");
        Page::from_response(response).await
    });
    let pages = futures::future::join_all(joins).await;
    app.joins_carried_out().await;
    let failed: Vec<_> = pages
        .iter()
        .filter(|page| page.status.is_server_error())
        .map(|p| p.body.clone())
        .collect();
    assert!(failed.is_empty(), "5xx answers: {failed:?}");
    assert!(pages.iter().all(|page| page.status == StatusCode::OK));
    let db = app.database.open().await;
    let pending: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE status = 'unconfirmed'")
            .fetch_one(&db.pool)
            .await
            .expect("count");
    assert_eq!(pending, PEOPLE as i64);
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

async fn the_roster_and_its_csv_are_for_leads_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    visitor_joins(&app, &["storage"], "=HYPERLINK(\"x\")", "ada@example.org").await;
    confirm(&app, "ada@example.org").await;
    let csv_as = |session: Option<String>| {
        let app = &app;
        async move {
            match session {
                Some(session) => app.visit_as("/sigs/storage/members.csv", &session).await,
                None => app.visit("/sigs/storage/members.csv").await,
            }
        }
    };
    assert_eq!(csv_as(None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        csv_as(Some(roles.member.clone())).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        csv_as(Some(roles.emeritus.clone())).await.status,
        StatusCode::FORBIDDEN
    );
    let csv = csv_as(Some(roles.lead.clone())).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-type"]
        .to_str()
        .unwrap_or("")
        .starts_with("text/csv"));
    assert!(csv
        .body
        .starts_with("name,github,email,status,asked,joined,left,interest"));
    assert!(csv.body.contains("ada@example.org") && csv.body.contains("active"));
    assert!(
        csv.body.contains("'=HYPERLINK"),
        "formulas stay text: {}",
        csv.body
    );
    assert_eq!(
        csv_as(Some(roles.admin.clone())).await.status,
        StatusCode::OK
    );
    // A lead of storage is nobody on another SIG's roster.
    let other = app.visit_as("/sigs/network/members.csv", &roles.lead).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);

    // Addresses stay off every public page.
    for path in [
        "/sigs/storage",
        "/sigs/storage/welcome",
        "/join",
        "/roadmap",
        "/sigs",
    ] {
        assert!(
            !app.visit(path).await.body.contains("ada@example.org"),
            "{path}"
        );
    }
}
