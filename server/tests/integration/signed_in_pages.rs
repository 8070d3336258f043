//! Pages that need sign-in: a visitor is sent to sign in and comes back to
//! the page afterwards (this site's pages only); a signed-in person who may
//! not see the page is told so with 403.

use reqwest::StatusCode;

use crate::support::{roles, Backend, TestApp, STRONG_PASSWORD};

crate::on_both_databases!(
    a_visitor_is_sent_to_sign_in_and_back,
    a_member_may_not_open_a_lead_page,
    sign_in_returns_only_to_this_sites_pages,
    pages_show_where_the_viewer_stands_instead_of_join
);

async fn pages_show_where_the_viewer_stands_instead_of_join(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let joined = app
        .call(
            "join_sigs",
            &[
                ("form[sigs][storage]", "on"),
                ("form[interest]", ""),
                ("form[website]", ""),
            ],
            Some(&roles.member),
        )
        .await;
    assert_eq!(joined.status, StatusCode::OK, "{}", joined.body);
    let visitor = app.visit("/sigs/storage").await;
    assert!(visitor.body.contains("Join Storage"));
    for (who, session, badge) in [
        ("lead", &roles.lead, "Chair"),
        ("member", &roles.member, "Member"),
    ] {
        let page = app.visit_as("/sigs/storage", session).await;
        assert!(
            !page.body.contains("Join Storage"),
            "{who} is offered to join"
        );
        assert!(
            page.body.contains(&format!(
                r#"<span class="badge badge-standing">{badge}</span>"#
            )),
            "{who}: {}",
            page.body
        );
        let directory = app.visit_as("/sigs", session).await;
        assert!(directory.body.contains(&format!(r#"<span class="badge badge-standing">{badge}<span class="visually-hidden"> of <!>Storage"#)), "{who} in the directory");
    }
    let mine = app.visit_as("/my/sigs", &roles.lead).await;
    assert!(mine.body.contains("Groups you lead"));
    assert!(mine.body.contains(r#"href="/sigs/storage/members""#));
    assert!(!mine.body.contains("You have not joined a SIG yet"));
}

async fn a_visitor_is_sent_to_sign_in_and_back(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for (page, next) in [
        ("/sigs/storage/edit", "%2Fsigs%2Fstorage%2Fedit"),
        ("/sigs/storage/members", "%2Fsigs%2Fstorage%2Fmembers"),
        ("/my/sigs", "%2Fmy%2Fsigs"),
        ("/admin", "%2Fadmin"),
    ] {
        let answer = app.visit(page).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{page}");
        assert_eq!(
            answer.headers["location"],
            format!("/account/sign-in?next={next}"),
            "{page}"
        );
    }
    let form = app
        .visit("/account/sign-in?next=%2Fsigs%2Fstorage%2Fedit")
        .await;
    assert!(
        form.body
            .contains(r#"name="form[next]" value="/sigs/storage/edit""#),
        "{}",
        form.body
    );
}

async fn a_member_may_not_open_a_lead_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let page = app.visit_as("/sigs/storage/edit", &roles.member).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let page = app.visit_as("/sigs/storage/edit", &roles.lead).await;
    assert_eq!(page.status, StatusCode::OK);
}

async fn sign_in_returns_only_to_this_sites_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.member("Ada", "ada@example.org").await;
    for (next, lands) in [
        ("/sigs/storage/edit", "/sigs/storage/edit"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example/", "/"),
        ("", "/"),
    ] {
        let answer = app
            .client
            .post(format!("http://{}/api/sign_in", app.addr))
            .header("accept", "text/html")
            .header("referer", format!("http://{}/account/sign-in", app.addr))
            .form(&[
                ("form[email]", "ada@example.org"),
                ("form[password]", STRONG_PASSWORD),
                ("form[next]", next),
            ])
            .send()
            .await
            .expect("an answer");
        assert!(
            answer.status().is_redirection(),
            "{next}: {}",
            answer.status()
        );
        assert_eq!(answer.headers()["location"], lands, "{next}");
    }
}
