//! A lead's home (`/my/leading`) and the e-mails leads get when someone
//! joins their SIG or asks to.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::roadmap::{create, this_month, Item};
use crate::support::{main_content, roles, session_cookie, Backend, TestApp};

on_both_databases!(
    leads_hear_of_newcomers_once,
    a_leads_home_shows_what_waits_for_them,
);

async fn join(app: &TestApp, session: Option<&str>, name: &str, email: &str) {
    let page = app
        .call(
            "join_sigs",
            &[
                ("form[sigs][storage]", "on"),
                ("form[display_name]", name),
                ("form[email]", email),
                ("form[github_handle]", ""),
                ("form[interest]", "CSI <drivers> & docs"),
                ("form[website]", ""),
            ],
            session,
        )
        .await;
    assert!(
        page.status.is_success() || page.status.is_redirection(),
        "{}",
        page.body
    );
}

/// The subjects of the mails to `email` that name `newcomer`.
async fn notices(app: &TestApp, email: &str, newcomer: &str) -> Vec<app::store::outbox::Mail> {
    let db = app.database.open().await;
    app::store::outbox::messages_to(&db, email)
        .await
        .expect("outbox")
        .into_iter()
        .filter(|mail| mail.subject.starts_with(newcomer))
        .collect()
}

async fn leads_hear_of_newcomers_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;

    // A visitor's membership starts when they confirm: the lead hears then.
    join(&app, None, "Ada", "ada@example.org").await;
    assert!(notices(&app, "lead@example.org", "Ada").await.is_empty());
    let token = app.link_token("ada@example.org", "/join/confirm").await;
    let confirmed = app.call("confirm_join", &[("token", &token)], None).await;
    assert!(session_cookie(&confirmed).is_some(), "{}", confirmed.body);
    let told = notices(&app, "lead@example.org", "Ada").await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].subject.contains("joined"), "{}", told[0].subject);
    assert!(
        told[0].body.contains("CSI <drivers> & docs"),
        "{}",
        told[0].body
    );
    assert!(
        told[0].body.contains("/sigs/storage/members"),
        "{}",
        told[0].body
    );
    assert!(
        notices(&app, "old@example.org", "Ada").await.is_empty(),
        "emeritus leads are not told"
    );

    // Asking again while a member is harmless and tells nobody twice.
    let ada = session_cookie(&confirmed).expect("signed in by the link");
    join(&app, Some(&ada), "", "").await;
    assert_eq!(notices(&app, "lead@example.org", "Ada").await.len(), 1);

    // A SIG that approves each member: the lead is asked to answer.
    let approval = app
        .call(
            "update_sig",
            &[("form[slug]", "storage"), ("form[join_policy]", "approval")],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(approval.status, StatusCode::OK, "{}", approval.body);
    join(&app, Some(&roles.member), "", "").await;
    let asked = notices(&app, "lead@example.org", "Member").await;
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(
        asked[0].subject.contains("asks to join"),
        "{}",
        asked[0].subject
    );
    assert!(
        asked[0].body.contains("Accept or decline"),
        "{}",
        asked[0].body
    );
}

async fn a_leads_home_shows_what_waits_for_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    join(&app, Some(&roles.member), "", "").await;
    let mut late = Item::new("Write the <CSI> guide", "in_progress");
    late.month = this_month().plus(-1).key();
    create(&app, &roles.lead, &late).await;

    let home = app.visit_as("/my/leading", &roles.lead).await;
    assert_eq!(home.status, StatusCode::OK);
    let home = main_content(&home.body);
    for expected in [
        "Joined since you last looked (1)",
        "Member",
        "CSI &lt;drivers&gt; &amp; docs",
        "Overdue items (1)",
        "Items without an owner (1)",
        "Write the &lt;CSI&gt; guide",
        "href=\"/sigs/storage/members\"",
    ] {
        assert!(home.contains(expected), "{expected} missing: {home}");
    }
    // Looking counts: the same newcomer is not new on the next visit.
    let again = main_content(&app.visit_as("/my/leading", &roles.lead).await.body);
    assert!(!again.contains("Joined since you last looked"), "{again}");
    assert!(again.contains("Overdue items (1)"));

    // Members who lead nothing, emeritus leads and visitors.
    let member = main_content(&app.visit_as("/my/leading", &roles.member).await.body);
    assert!(member.contains("You do not lead a SIG"), "{member}");
    let emeritus = main_content(&app.visit_as("/my/leading", &roles.emeritus).await.body);
    assert!(emeritus.contains("You do not lead a SIG"), "{emeritus}");
    let visitor = app.visit("/my/leading").await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    assert_eq!(
        visitor.headers["location"],
        "/account/sign-in?next=%2Fmy%2Fleading"
    );
}
