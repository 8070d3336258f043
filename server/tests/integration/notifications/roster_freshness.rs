//! A roster that stays fresh, through a simulated year and a month: quiet
//! members are asked once whether they still take part (through the real
//! SMTP server), one who signed in meanwhile and the SIG's lead are not;
//! an answer from the e-mailed link keeps a member active; no answer in 30
//! days shows them apart as inactive, until a lead or they themselves
//! restore them with one click.

use chrono::{TimeZone, Utc};
use reqwest::StatusCode;

use super::{move_to, wait_for_jobs};
use crate::on_both_databases;
use crate::support::smtp::SmtpServer;
use crate::support::{main_content, roles, Backend, TestApp, STRONG_PASSWORD};

on_both_databases!(quiet_members_are_asked_once_and_shown_apart_when_silent,);

const ASK: &str = "Do you still take part";

async fn membership_id(app: &TestApp, email: &str) -> i64 {
    let db = app.database.open().await;
    sqlx::query_scalar(
        "SELECT m.id FROM memberships m JOIN people p ON p.id = m.person_id \
         JOIN sigs s ON s.id = m.sig_id WHERE p.email = $1 AND s.slug = 'storage'",
    )
    .bind(email)
    .fetch_one(&db.pool)
    .await
    .expect("a membership")
}

async fn roster_runs(app: &TestApp) -> i64 {
    let db = app.database.open().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM job_runs WHERE job = 'roster-check'")
        .fetch_one(&db.pool)
        .await
        .expect("runs")
}

/// Moves the clock to noon of a later day and waits for that day's run of
/// the roster check (a busy machine can take longer than `move_to` waits).
async fn move_to_noon(app: &TestApp, at: chrono::DateTime<Utc>) {
    let before = roster_runs(app).await;
    move_to(&[app], at).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while roster_runs(app).await <= before {
        assert!(std::time::Instant::now() < deadline, "no roster check ran");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A fresh session of `email`'s (sessions end within the simulated year).
async fn signed_in(app: &TestApp, email: &str) -> String {
    app.sign_in(email, STRONG_PASSWORD, None)
        .await
        .1
        .unwrap_or_else(|| panic!("{email} signed in"))
}

/// The members page as the lead sees it, without the markers between text
/// nodes, split at the inactive members' section.
async fn members_page(app: &TestApp) -> (String, String) {
    let lead = signed_in(app, "lead@example.org").await;
    let page = app.visit_as("/sigs/storage/members", &lead).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = main_content(&page.body).replace("<!>", "");
    let split = text
        .find("id=\"inactive-heading\"")
        .expect("an inactive members section");
    (text[..split].to_owned(), text[split..].to_owned())
}

async fn quiet_members_are_asked_once_and_shown_apart_when_silent(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_scheduling(backend, smtp.url(), 3).await;
    wait_for_jobs(&app).await;
    let at = |y, m, d| {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0)
            .single()
            .expect("a time")
    };
    move_to_noon(&app, at(2027, 1, 10)).await;
    roles(&app).await;
    for (name, email) in [
        ("Quiet Quinn", "quinn@example.org"),
        ("Answering Ana", "ana@example.org"),
        ("Sleepy Sam", "sam@example.org"),
        ("Busy Bo", "bo@example.org"),
    ] {
        app.storage_member(name, email, &[("form[time_zone]", "UTC")])
            .await;
    }

    // Bo signs in again during the year: a sign of life.
    move_to_noon(&app, at(2027, 8, 1)).await;
    app.sign_in("bo@example.org", STRONG_PASSWORD, None).await;

    // A year and a day after joining, the three quiet ones are asked once.
    move_to_noon(&app, at(2028, 1, 11)).await;
    let received = smtp
        .wait_until(|mails| mails.iter().filter(|m| m.subject.contains(ASK)).count() >= 3)
        .await;
    for email in ["quinn@example.org", "ana@example.org", "sam@example.org"] {
        let asked: Vec<_> = received
            .iter()
            .filter(|m| m.to == email && m.subject.contains(ASK))
            .collect();
        assert_eq!(asked.len(), 1, "{email}: {asked:#?}");
        let text = &asked[0].text;
        assert!(text.contains("/still-active?token="), "{text}");
        assert!(text.contains("/leave?token="), "{text}");
        assert!(text.contains("10 January 2027"), "{text}");
        assert!(text.contains("9 February 2028"), "{text}");
    }
    for email in ["bo@example.org", "lead@example.org"] {
        assert!(
            !received
                .iter()
                .any(|m| m.to == email && m.subject.contains(ASK)),
            "{email} was asked"
        );
    }
    let (roster, inactive) = members_page(&app).await;
    assert!(
        roster.contains("asked on 11 January 2028 whether still taking part"),
        "{roster}"
    );
    assert!(inactive.contains("Nobody is inactive."), "{inactive}");

    // Ana answers from the link, without signing in; a made-up link is 404.
    let token = app.link_token("ana@example.org", "/still-active").await;
    let page = main_content(
        &app.visit(&format!("/still-active?token={token}"))
            .await
            .body,
    )
    .replace("<!>", "");
    assert!(page.contains(ASK), "{page}");
    let answered = app
        .call("still_active_by_link", &[("token", &token)], None)
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);
    let page = main_content(
        &app.visit(&format!("/still-active?token={token}"))
            .await
            .body,
    )
    .replace("<!>", "");
    assert!(
        page.contains("you are listed as an active member"),
        "{page}"
    );
    for made_up in ["0".repeat(32), "<script>".to_owned()] {
        let refused = app
            .call("still_active_by_link", &[("token", &made_up)], None)
            .await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{made_up}");
    }

    // The 29th day: nobody inactive yet. The 30th: the two silent ones.
    move_to_noon(&app, at(2028, 2, 9)).await;
    let (_, inactive) = members_page(&app).await;
    assert!(inactive.contains("Nobody is inactive."), "{inactive}");
    move_to_noon(&app, at(2028, 2, 10)).await;
    let (roster, inactive) = members_page(&app).await;
    for name in ["Quiet Quinn", "Sleepy Sam"] {
        assert!(inactive.contains(name), "{inactive}");
        assert!(!roster.contains(name), "{roster}");
    }
    assert!(
        inactive.contains("inactive since 10 February 2028"),
        "{inactive}"
    );
    assert!(!inactive.contains("Answering Ana"), "{inactive}");
    assert!(roster.contains("Answering Ana") && roster.contains("Busy Bo"));
    let lead = signed_in(&app, "lead@example.org").await;
    let csv = app.visit_as("/sigs/storage/members.csv", &lead).await;
    assert!(csv.body.contains("10 February 2028"), "{}", csv.body);

    // The lead restores Quinn; nobody else may.
    let quinn = membership_id(&app, "quinn@example.org").await.to_string();
    let restore = [("sig", "storage"), ("membership_id", quinn.as_str())];
    let member = signed_in(&app, "member@example.org").await;
    let admin = signed_in(&app, "admin@example.org").await;
    for (session, status) in [
        (Some(member.as_str()), StatusCode::FORBIDDEN),
        (None, StatusCode::UNAUTHORIZED),
    ] {
        assert_eq!(
            app.call("restore_member", &restore, session).await.status,
            status
        );
    }
    let elsewhere = [("sig", "network"), ("membership_id", quinn.as_str())];
    assert_eq!(
        app.call("restore_member", &elsewhere, Some(&admin))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let restored = app.call("restore_member", &restore, Some(&lead)).await;
    assert_eq!(restored.status, StatusCode::OK, "{}", restored.body);

    // Sam says so himself from his SIGs page.
    let sam = signed_in(&app, "sam@example.org").await;
    let mine = main_content(&app.visit_as("/my/sigs", &sam).await.body).replace("<!>", "");
    assert!(
        mine.contains("We asked whether you still take part"),
        "{mine}"
    );
    let answered = app
        .call("still_active", &[("sig", "storage")], Some(&sam))
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);

    let (roster, inactive) = members_page(&app).await;
    assert!(inactive.contains("Nobody is inactive."), "{inactive}");
    assert!(roster.contains("Quiet Quinn") && roster.contains("Sleepy Sam"));

    // Nobody is asked twice in the year that follows.
    move_to_noon(&app, at(2028, 3, 1)).await;
    let asked = smtp
        .received()
        .iter()
        .filter(|m| m.subject.contains(ASK) && m.to.ends_with("@example.org"))
        .filter(|m| {
            ["quinn", "ana", "sam", "bo"]
                .iter()
                .any(|n| m.to.starts_with(n))
        })
        .count();
    assert_eq!(asked, 3);
}
