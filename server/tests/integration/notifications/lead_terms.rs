//! A chair appointed with a term: the SIG page says until when; the day
//! after it ends the daily job makes them emeritus, with the day and the
//! role they held, and their tools close. A term already over or not a
//! day is refused on its field.

use chrono::{TimeZone, Utc};
use reqwest::StatusCode;

use super::{move_to, wait_for_jobs};
use crate::on_both_databases;
use crate::support::smtp::SmtpServer;
use crate::support::{admin_session, assert_refused_on, main_content, Backend, TestApp};

/// The SIG page's main text, without the markers between text nodes.
async fn sig_page(app: &TestApp) -> String {
    main_content(&app.visit("/sigs/storage").await.body).replace("<!>", "")
}

on_both_databases!(a_lead_whose_term_ends_becomes_emeritus_the_day_after,);

async fn appoint(app: &TestApp, admin: &str, email: &str, term: &str) -> crate::support::Page {
    app.call(
        "appoint_lead",
        &[
            ("form[slug]", "storage"),
            ("form[display_name]", "Termed Chair"),
            ("form[email]", email),
            ("form[github_handle]", ""),
            ("form[role]", "chair"),
            ("form[term_ends_on]", term),
        ],
        Some(admin),
    )
    .await
}

async fn a_lead_whose_term_ends_becomes_emeritus_the_day_after(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_scheduling(backend, smtp.url(), 3).await;
    wait_for_jobs(&app).await;
    let at = |y, m, d, h| {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("a time")
    };
    move_to(&[&app], at(2027, 6, 1, 12)).await;
    let admin = admin_session(&app).await;

    for bad in ["2027-05-31", "2027-06-01", "end of June"] {
        assert_refused_on(
            &appoint(&app, &admin, "termed@example.org", bad).await,
            "term_ends_on",
        );
    }
    let appointed = appoint(&app, &admin, "termed@example.org", "2027-06-30").await;
    assert_eq!(appointed.status, StatusCode::OK, "{}", appointed.body);
    let token = app
        .link_token("termed@example.org", "/account/invitation")
        .await;
    let accepted = app
        .call(
            "accept_invitation",
            &[
                ("form[token]", &token),
                ("form[password]", crate::support::STRONG_PASSWORD),
            ],
            None,
        )
        .await;
    let session = crate::support::session_cookie(&accepted).expect("signed in");
    let page = sig_page(&app).await;
    assert!(page.contains("Termed Chair"), "{page}");
    assert!(page.contains("Chair until 30 June 2027"), "{page}");
    assert_eq!(
        app.visit_as("/sigs/storage/edit", &session).await.status,
        StatusCode::OK
    );

    // Appointing them again edits the term.
    for (term, shown) in [
        ("2027-07-31", "31 July 2027"),
        ("2027-06-30", "30 June 2027"),
    ] {
        let edited = appoint(&app, &admin, "termed@example.org", term).await;
        assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
        let page = sig_page(&app).await;
        assert!(page.contains(&format!("Chair until {shown}")), "{page}");
    }

    // The last day of the term: still chair.
    move_to(&[&app], at(2027, 6, 30, 12)).await;
    let page = sig_page(&app).await;
    assert!(page.contains("Chair until 30 June 2027"), "{page}");

    // The day after: emeritus, since that day, and no longer a lead's tools.
    move_to(&[&app], at(2027, 7, 1, 1)).await;
    let page = sig_page(&app).await;
    assert!(
        page.contains("Emeritus since 1 July 2027, was Chair"),
        "{page}"
    );
    assert_eq!(
        app.visit_as("/sigs/storage/edit", &session).await.status,
        StatusCode::FORBIDDEN
    );
}
