//! The account page: linking and unlinking providers, seeing and ending
//! sessions, and the buttons only where a provider is configured.

use reqwest::StatusCode;
use serde_json::json;

use super::visitor::{location, Visitor};
use super::{landing, with_github, with_oidc};
use crate::on_both_databases;
use crate::support::{Backend, TestApp};

async fn a_member_links_and_unlinks_a_provider(backend: Backend) {
    let (app, client) = with_oidc(backend).await;
    let session = app.member("Grace Hopper", "grace@example.org").await;
    client
        .next_account(json!({"sub": "oidc-grace", "email": "grace@navy.example", "email_verified": true, "name": "Grace", "preferred_username": "grace"}))
        .await;
    let visitor = Visitor::signed_in(&app, &session);
    let start = visitor
        .press("/auth/oidc/start", &[("link", "1"), ("next", "/account")])
        .await;
    let callback = visitor.through_provider(start).await;
    let answer = visitor.get_url(&callback).await;
    assert_eq!(landing(&location(&answer)), "/account?linked=oidc");
    let page = visitor.open("/account").await;
    assert!(
        page.body.contains("Community SSO (@grace)"),
        "listed as a way in"
    );
    assert!(page.body.contains("unlink_provider"));

    // From now on the provider signs in to the same account.
    let elsewhere = Visitor::new(&app);
    let start = elsewhere.press("/auth/oidc/start", &[]).await;
    let callback = elsewhere.through_provider(start).await;
    elsewhere.get_url(&callback).await;
    let theirs = elsewhere.open("/account").await;
    assert!(
        theirs.body.contains("grace@example.org"),
        "Grace's own account"
    );

    // Another account cannot link the same provider account.
    let other = app.member("Someone Else", "else@example.org").await;
    let visitor = Visitor::signed_in(&app, &other);
    let start = visitor
        .press("/auth/oidc/start", &[("link", "1"), ("next", "/account")])
        .await;
    let callback = visitor.through_provider(start).await;
    let answer = visitor.get_url(&callback).await;
    let back = landing(&location(&answer));
    assert_eq!(back, "/account?problem=linked-elsewhere");
    assert_eq!(
        app.visit_as(&back, &other).await.status,
        StatusCode::CONFLICT
    );

    // Grace has a password too, so the provider may go.
    let unlinked = app
        .call("unlink_provider", &[("provider", "oidc")], Some(&session))
        .await;
    assert!(
        unlinked.status.is_success() || unlinked.status.is_redirection(),
        "{}",
        unlinked.body
    );
    let page = app.visit_as("/account", &session).await;
    assert!(!page.body.contains("(@grace)"));
}

async fn the_last_way_in_cannot_be_unlinked(backend: Backend) {
    let (app, client) = with_oidc(backend).await;
    client
        .next_account(json!({"sub": "oidc-only", "email": "only@example.org", "email_verified": true, "name": "Only SSO"}))
        .await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/oidc/start", &[]).await;
    let callback = visitor.through_provider(start).await;
    visitor.get_url(&callback).await;
    let session = visitor.session().expect("signed in");
    let page = app.visit_as("/account", &session).await;
    assert!(
        !page.body.contains("unlink_provider"),
        "no button for the last way in"
    );
    let refused = app
        .call("unlink_provider", &[("provider", "oidc")], Some(&session))
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert_eq!(
        app.visit_as("/account", &session).await.status,
        StatusCode::OK
    );
}

async fn a_person_ends_their_other_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app.member("Linus", "linus@example.org").await;
    let (_, second) = app
        .sign_in("linus@example.org", crate::support::STRONG_PASSWORD, None)
        .await;
    let second = second.expect("a second session");
    let page = app.visit_as("/account", &first).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.body.matches("name=\"key\"").count(),
        1,
        "the other session can be ended"
    );
    assert!(page.body.contains("end_other_sessions"));

    app.call("end_other_sessions", &[], Some(&first)).await;
    assert_ne!(
        app.visit_as("/account", &second).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.visit_as("/account", &first).await.status,
        StatusCode::OK
    );
}

async fn buttons_show_only_for_configured_providers(backend: Backend) {
    let plain = TestApp::spawn(backend).await;
    let page = plain.visit("/account/sign-in").await;
    assert!(!page.body.contains("/auth/"), "no provider, no button");
    assert_eq!(
        plain
            .post("/auth/github/start", &[], "next=%2F")
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let (app, github) = with_github(backend).await;
    for path in ["/account/sign-in", "/account/sign-up", "/join"] {
        let page = app.visit(path).await;
        assert!(
            page.body.contains("action=\"/auth/github/start\""),
            "{path}"
        );
        assert!(!page.body.contains("/auth/oidc/start"), "{path}");
        let policy = page.headers["content-security-policy"]
            .to_str()
            .expect("csp");
        assert!(
            policy.contains(&format!("form-action 'self' {}", github.url)),
            "the form may lead to GitHub: {policy}"
        );
    }
}

async fn admins_see_how_each_person_signs_in(backend: Backend) {
    let (app, github) = with_github(backend).await;
    github
        .user(json!({"login": "octo-ada", "id": 31337, "name": "Ada Octo", "emails": []}))
        .await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/github/start", &[]).await;
    let callback = visitor.through_github(start, "octo-ada", true).await;
    visitor.get_url(&callback).await;
    let member = app.member("Grace Hopper", "grace@example.org").await;

    let admin = crate::support::admin_session(&app).await;
    let page = app.visit_as("/admin/people?q=octo", &admin).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Ada Octo"));
    assert!(page.body.contains("GitHub (@octo-ada)"));
    assert!(
        !page.body.contains("Grace Hopper"),
        "the search narrows the list"
    );
    let page = app
        .visit_as("/admin/people?q=GRACE%40example", &admin)
        .await;
    assert!(page.body.contains("Grace Hopper") && page.body.contains("signs in with password"));
    // Wildcards are text: "%" finds nobody here.
    let page = app.visit_as("/admin/people?q=%25", &admin).await;
    assert!(!page.body.contains("Grace Hopper"));

    assert_eq!(
        app.visit_as("/admin/people", &member).await.status,
        StatusCode::FORBIDDEN
    );
    assert_ne!(app.visit("/admin/people").await.status, StatusCode::OK);
}

on_both_databases!(
    a_member_links_and_unlinks_a_provider,
    the_last_way_in_cannot_be_unlinked,
    a_person_ends_their_other_sessions,
    buttons_show_only_for_configured_providers,
    admins_see_how_each_person_signs_in,
);
