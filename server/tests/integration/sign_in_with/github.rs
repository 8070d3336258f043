//! GitHub, through the stand-in: an imported lead edits their SIG at once,
//! a handle an account already names is never taken over.

use reqwest::StatusCode;
use serde_json::json;

use super::visitor::{location, with_param, Visitor};
use super::{landing, people, with_github};
use crate::on_both_databases;
use crate::support::Backend;

/// A lead of the demo data with their GitHub handle and SIG.
async fn an_imported_lead(app: &crate::support::TestApp) -> (String, String) {
    let db = app.database.open().await;
    sqlx::query_as(
        "SELECT p.github_handle, s.slug FROM leaderships l JOIN people p ON p.id = l.person_id \
         JOIN sigs s ON s.id = l.sig_id WHERE p.github_handle IS NOT NULL \
         AND p.password_hash IS NULL ORDER BY s.slug, l.position LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .expect("the demo data has leads")
}

async fn an_imported_lead_edits_their_sig_at_once(backend: Backend) {
    let (app, github) = with_github(backend).await;
    let (handle, slug) = an_imported_lead(&app).await;
    github
        .user(json!({
            "login": handle.to_uppercase(),
            "id": 4242,
            "name": "The Lead",
            "emails": [
                {"email": "lead@old.example.org", "verified": false, "primary": true},
                {"email": "lead@example.org", "verified": true, "primary": false},
            ],
        }))
        .await;
    let before = people(&app).await;
    let visitor = Visitor::new(&app);
    let edit = format!("/sigs/{slug}/edit");
    let start = visitor
        .press("/zh-CN/auth/github/start", &[("next", edit.as_str())])
        .await;
    let callback = visitor
        .through_github(start, &handle.to_uppercase(), true)
        .await;
    let answer = visitor.get_url(&callback).await;
    assert_eq!(landing(&location(&answer)), format!("/zh-CN{edit}"));
    assert_eq!(
        people(&app).await,
        before,
        "the imported profile, not a new one"
    );

    let page = visitor.open(&edit).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("update_sig"), "the edit form");
    let db = app.database.open().await;
    let (email, language): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT email_key, language FROM people WHERE github_key = $1")
            .bind(handle.to_lowercase())
            .fetch_one(&db.pool)
            .await
            .expect("the lead");
    assert_eq!(
        email.as_deref(),
        Some("lead@example.org"),
        "only a verified address"
    );
    assert_eq!(
        language.as_deref(),
        Some("zh-CN"),
        "later e-mails in their language"
    );
}

async fn a_handle_an_account_names_is_not_taken_over(backend: Backend) {
    let (app, github) = with_github(backend).await;
    let signed_up = app
        .call(
            "sign_up",
            &[
                ("form[display_name]", "Squatter"),
                ("form[email]", "squatter@example.org"),
                ("form[github_handle]", "octocat"),
                ("form[password]", crate::support::STRONG_PASSWORD),
            ],
            None,
        )
        .await;
    assert_eq!(signed_up.status, StatusCode::OK);
    github
        .user(json!({"login": "octocat", "id": 583231, "name": "The Octocat", "emails": []}))
        .await;
    let before = people(&app).await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/github/start", &[]).await;
    let callback = visitor.through_github(start, "octocat", true).await;
    let answer = visitor.get_url(&callback).await;
    assert!(landing(&location(&answer)).starts_with("/account/sign-in?problem=handle-taken"));
    assert_eq!(visitor.session(), None);
    assert_eq!(people(&app).await, before);
}

async fn saying_no_at_github_changes_nothing(backend: Backend) {
    let (app, _github) = with_github(backend).await;
    let before = people(&app).await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/github/start", &[]).await;
    let callback = visitor.through_github(start, "someone", false).await;
    let answer = visitor.get_url(&callback).await;
    let back = landing(&location(&answer));
    assert!(
        back.starts_with("/account/sign-in?problem=denied"),
        "{back}"
    );
    assert_eq!(app.visit(&back).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(visitor.session(), None);
    assert_eq!(people(&app).await, before);
}

async fn a_code_github_refuses_signs_nobody_in(backend: Backend) {
    let (app, _github) = with_github(backend).await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/github/start", &[]).await;
    let callback = visitor.through_github(start, "newcomer", true).await;
    let forged = with_param(&callback, "code", "0000");
    let answer = visitor.get_url(&forged).await;
    assert!(landing(&location(&answer)).starts_with("/account/sign-in?problem=stale"));
    assert_eq!(visitor.session(), None);
}

/// A newcomer's join form takes any handle they type: it never makes the
/// profile GitHub's to claim, and the one who joined keeps it.
async fn a_handle_typed_when_joining_is_not_taken_over(backend: Backend) {
    let (app, github) = with_github(backend).await;
    let joined = app
        .call(
            "join_sigs",
            &[
                ("form[sigs][storage]", "on"),
                ("form[display_name]", "Mallory"),
                ("form[email]", "mallory@example.org"),
                ("form[github_handle]", "victim-handle"),
                ("form[interest]", ""),
                ("form[website]", ""),
            ],
            None,
        )
        .await;
    assert!(joined.status.is_success(), "{}", joined.body);
    let token = app.link_token("mallory@example.org", "/join/confirm").await;
    app.call("confirm_join", &[("token", &token)], None).await;
    github
        .user(json!({"login": "victim-handle", "id": 7007, "name": "Victim", "emails": []}))
        .await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/github/start", &[]).await;
    let callback = visitor.through_github(start, "victim-handle", true).await;
    let answer = visitor.get_url(&callback).await;
    assert!(landing(&location(&answer)).starts_with("/account/sign-in?problem=handle-taken"));
    assert_eq!(visitor.session(), None);
}

/// The provider's answer is not a page: a browser that reads Chinese comes
/// back to the callback itself, not to a language-prefixed copy of it.
async fn a_chinese_browser_comes_back_signed_in(backend: Backend) {
    let (app, _github) = with_github(backend).await;
    let visitor = Visitor::speaking(&app, "zh-CN,zh;q=0.9");
    let start = visitor
        .press("/zh-CN/auth/github/start", &[("next", "/my/sigs")])
        .await;
    let callback = visitor.through_github(start, "lin-wei", true).await;
    let answer = visitor.get_url(&callback).await;
    assert_eq!(landing(&location(&answer)), "/zh-CN/my/sigs");
    assert!(visitor.session().is_some());
}

on_both_databases!(
    a_handle_typed_when_joining_is_not_taken_over,
    a_chinese_browser_comes_back_signed_in,
    an_imported_lead_edits_their_sig_at_once,
    a_handle_an_account_names_is_not_taken_over,
    saying_no_at_github_changes_nothing,
    a_code_github_refuses_signs_nobody_in,
);
