//! Accounts: signing up, confirming, signing in and out, resetting a
//! password, and the abuse protections around them.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{session_cookie, Backend, TestApp, STRONG_PASSWORD};

on_both_databases!(
    a_newcomer_signs_up_confirms_signs_in_and_out,
    sign_in_rotates_the_session_token,
    bad_sign_ups_are_refused_on_the_field,
    answers_never_reveal_whether_an_address_has_an_account,
    confirmation_links_work_once,
    a_forgotten_password_is_reset_from_the_link,
    sign_in_attempts_are_rate_limited,
    behind_a_proxy_each_client_has_its_own_limit,
    without_a_proxy_forwarded_addresses_are_ignored,
    cross_site_sign_in_is_refused,
    the_first_admin_is_created_from_the_command_line,
);

async fn a_newcomer_signs_up_confirms_signs_in_and_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let signed_up = app
        .sign_up("Ada Lovelace", "ada@example.org", STRONG_PASSWORD)
        .await;
    assert_eq!(signed_up.status, StatusCode::OK);
    assert_eq!(signed_up.headers["location"], "/account/sign-up?sent=1");
    let sent = app.visit("/account/sign-up?sent=1").await;
    assert!(sent.body.contains("Check your inbox"));

    let (early, none) = app.sign_in("ada@example.org", STRONG_PASSWORD, None).await;
    assert_eq!(early.status, StatusCode::BAD_REQUEST);
    assert!(early.body.contains("confirm your e-mail address first"));
    assert!(none.is_none());

    let token = app.link_token("ada@example.org", "/account/confirm").await;
    let confirm_page = app.visit(&format!("/account/confirm?token={token}")).await;
    assert!(
        confirm_page.body.contains("Confirm my address"),
        "opening the link changes nothing by itself"
    );
    let confirmed = app.call("confirm_email", &[("token", &token)], None).await;
    assert_eq!(confirmed.status, StatusCode::OK);
    assert_eq!(
        confirmed.headers["location"],
        "/account/sign-in?confirmed=1"
    );

    let (signed_in, session) = app.sign_in("ADA@example.org ", STRONG_PASSWORD, None).await;
    assert_eq!(signed_in.headers["location"], "/");
    let cookie = signed_in.headers["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain HTTP on loopback");
    let session = session.expect("session cookie");

    let home = app.visit_as("/", &session).await;
    assert!(home.body.contains("Ada Lovelace"));
    assert!(home.body.contains("Sign out"));

    let signed_out = app.call("sign_out", &[], Some(&session)).await;
    assert_eq!(signed_out.headers["location"], "/");
    assert!(signed_out.headers["set-cookie"]
        .to_str()
        .expect("ascii")
        .contains("Max-Age=0"));
    let after = app.visit_as("/", &session).await;
    assert!(
        !after.body.contains("Ada Lovelace"),
        "the old token is dead"
    );
    assert!(after.body.contains("Sign in"));
}

async fn sign_in_rotates_the_session_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app.member("Grace Hopper", "grace@example.org").await;
    let (_, second) = app
        .sign_in("grace@example.org", STRONG_PASSWORD, Some(&first))
        .await;
    let second = second.expect("new session");
    assert_ne!(first, second);
    assert!(!app
        .visit_as("/", &first)
        .await
        .body
        .contains("Grace Hopper"));
    assert!(app
        .visit_as("/", &second)
        .await
        .body
        .contains("Grace Hopper"));
}

async fn bad_sign_ups_are_refused_on_the_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let cases = [
        ("", "ok@example.org", STRONG_PASSWORD, "Tell us the name"),
        (
            "Ada",
            "not-an-address",
            STRONG_PASSWORD,
            "like name@example.org",
        ),
        ("Ada", "ada@example.org", "short", "at least 8 characters"),
        ("Ada", "ada@example.org", "password123", "too common"),
        ("Ada", "ada@example.org", &"x".repeat(200), "at most 128"),
    ];
    for (name, email, password, message) in cases {
        let page = app.sign_up(name, email, password).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(page.body.contains(message), "{message}: {}", page.body);
        assert!(
            !page.body.to_lowercase().contains("sql"),
            "no internals leak"
        );
    }
    let missing = app
        .call("sign_up", &[("form[email]", "x@example.org")], None)
        .await;
    assert_eq!(
        missing.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "missing fields get messages"
    );
    let garbage = app.post("/api/confirm_email", &[], "nothing=here").await;
    assert_eq!(
        garbage.status,
        StatusCode::BAD_REQUEST,
        "unreadable input is a 400: {}",
        garbage.body
    );
    let db = app.database.open().await;
    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE email IS NOT NULL")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    assert_eq!(accounts, 0, "nothing was written");
}

async fn answers_never_reveal_whether_an_address_has_an_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app.sign_up("Ada", "ada@example.org", STRONG_PASSWORD).await;
    let again = app
        .sign_up(
            "Someone Else",
            "Ada@Example.org",
            "another-long-passphrase-7",
        )
        .await;
    assert_eq!((first.status, &first.body), (again.status, &again.body));
    let forgot_known = app
        .call("forgot_password", &[("email", "ada@example.org")], None)
        .await;
    let forgot_unknown = app
        .call("forgot_password", &[("email", "nobody@example.org")], None)
        .await;
    assert_eq!(
        (forgot_known.status, &forgot_known.body),
        (forgot_unknown.status, &forgot_unknown.body)
    );
    let (wrong_password, _) = app
        .sign_in("ada@example.org", "not-the-password-1", None)
        .await;
    let (no_account, _) = app
        .sign_in("nobody@example.org", "not-the-password-1", None)
        .await;
    assert_eq!(
        (wrong_password.status, &wrong_password.body),
        (no_account.status, &no_account.body)
    );

    let db = app.database.open().await;
    let mails = app::store::outbox::messages_to(&db, "Ada@Example.org")
        .await
        .expect("outbox");
    assert!(
        mails.iter().any(|m| m.body.contains("already has one")),
        "the owner is told instead"
    );
}

async fn confirmation_links_work_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Ada", "ada@example.org", STRONG_PASSWORD).await;
    let token = app.link_token("ada@example.org", "/account/confirm").await;
    assert_eq!(
        app.call("confirm_email", &[("token", &token)], None)
            .await
            .status,
        StatusCode::OK
    );
    let second = app.call("confirm_email", &[("token", &token)], None).await;
    assert_eq!(second.status, StatusCode::BAD_REQUEST);
    assert!(second.body.contains("expired or was already used"));
    let forged = app
        .call(
            "confirm_email",
            &[("token", "0123456789abcdef0123456789abcdef")],
            None,
        )
        .await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
}

async fn a_forgotten_password_is_reset_from_the_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let session = app.member("Ada", "ada@example.org").await;
    app.call("forgot_password", &[("email", "ada@example.org")], None)
        .await;
    let token = app
        .link_token("ada@example.org", "/account/reset-password")
        .await;
    let weak = app
        .call(
            "reset_password",
            &[("form[token]", &token), ("form[password]", "qwerty123")],
            None,
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let new_password = "copper-lantern-meadow-9";
    let reset = app
        .call(
            "reset_password",
            &[("form[token]", &token), ("form[password]", new_password)],
            None,
        )
        .await;
    assert_eq!(reset.status, StatusCode::OK, "{}", reset.body);
    assert_eq!(reset.headers["location"], "/account/sign-in?reset=1");
    assert!(
        !app.visit_as("/", &session).await.body.contains("Sign out"),
        "old sessions end"
    );
    assert_eq!(
        app.sign_in("ada@example.org", STRONG_PASSWORD, None)
            .await
            .0
            .status,
        StatusCode::BAD_REQUEST
    );
    assert!(app
        .sign_in("ada@example.org", new_password, None)
        .await
        .1
        .is_some());
    let reused = app
        .call(
            "reset_password",
            &[
                ("form[token]", &token),
                ("form[password]", "another-fine-phrase-3"),
            ],
            None,
        )
        .await;
    assert_eq!(reused.status, StatusCode::BAD_REQUEST);
}

async fn sign_in_attempts_are_rate_limited(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for attempt in 1..=10 {
        let (page, _) = app
            .sign_in("ada@example.org", "wrong-password-1", None)
            .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "attempt {attempt}");
    }
    let (limited, _) = app
        .sign_in("ada@example.org", "wrong-password-1", None)
        .await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: i64 = limited.headers["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=300).contains(&retry_after));
    assert!(limited.body.contains("TooManyRequests"));
}

/// A failed sign-in from `client`, as a proxy would forward it.
async fn sign_in_from(app: &TestApp, client: &str) -> StatusCode {
    let body = "form%5Bemail%5D=ada%40example.org&form%5Bpassword%5D=wrong-password-1";
    app.post("/api/sign_in", &[("x-forwarded-for", client)], body)
        .await
        .status
}

async fn behind_a_proxy_each_client_has_its_own_limit(backend: Backend) {
    let app = TestApp::spawn_behind_proxy(backend).await;
    for _ in 0..10 {
        assert_eq!(
            sign_in_from(&app, "192.0.2.1").await,
            StatusCode::BAD_REQUEST
        );
    }
    assert_eq!(
        sign_in_from(&app, "192.0.2.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Whatever a client prepends, the proxy's last entry is the key.
    assert_eq!(
        sign_in_from(&app, "203.0.113.9, 192.0.2.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        sign_in_from(&app, "192.0.2.2").await,
        StatusCode::BAD_REQUEST
    );
}

async fn without_a_proxy_forwarded_addresses_are_ignored(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for n in 0..10 {
        let client = format!("192.0.2.{n}");
        assert_eq!(sign_in_from(&app, &client).await, StatusCode::BAD_REQUEST);
    }
    assert_eq!(
        sign_in_from(&app, "192.0.2.99").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

async fn cross_site_sign_in_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app
        .post(
            "/api/sign_in",
            &[("origin", "https://evil.example")],
            "form%5Bemail%5D=a%40b.org&form%5Bpassword%5D=x",
        )
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(session_cookie(&page).is_none());
}

async fn the_first_admin_is_created_from_the_command_line(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args([
            "admin",
            "create",
            "--email",
            "admin@example.org",
            "--name",
            "Site Admin",
        ])
        .env("DATABASE_URL", &app.database.url)
        .env("SIGPOST_ADMIN_PASSWORD", STRONG_PASSWORD)
        .output()
        .expect("server runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("created administrator admin@example.org")
    );
    let (_, session) = app
        .sign_in("admin@example.org", STRONG_PASSWORD, None)
        .await;
    let home = app.visit_as("/", &session.expect("admin signs in")).await;
    assert!(home.body.contains("Site Admin"));

    let weak = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args([
            "admin",
            "create",
            "--email",
            "second@example.org",
            "--name",
            "Second",
        ])
        .env("DATABASE_URL", &app.database.url)
        .env("SIGPOST_ADMIN_PASSWORD", "password")
        .output()
        .expect("server runs");
    assert!(!weak.status.success());
}
