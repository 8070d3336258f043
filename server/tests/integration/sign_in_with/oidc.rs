//! The OpenID Connect provider: sign-up, sign-in, and every answer the
//! callback must refuse.

use reqwest::StatusCode;
use serde_json::json;

use super::visitor::{location, with_param, Visitor};
use super::{landing, people, with_oidc};
use crate::on_both_databases;
use crate::support::{Backend, TestApp};

fn ada() -> serde_json::Value {
    json!({
        "sub": "oidc-ada-1815",
        "email": "Ada@Example.org",
        "email_verified": true,
        "name": "Ada Lovelace",
        "preferred_username": "ada",
    })
}

async fn first_sign_in_asks_nothing_and_lands_where_they_were_going(backend: Backend) {
    let (app, client) = with_oidc(backend).await;
    client.next_account(ada()).await;
    let before = people(&app).await;

    let visitor = Visitor::new(&app);
    let start = visitor
        .press("/auth/oidc/start", &[("next", "/join?sig=storage")])
        .await;
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let callback = visitor.through_provider(start).await;
    let answer = visitor.get_url(&callback).await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    assert_eq!(landing(&location(&answer)), "/join?sig=storage");
    let session = visitor.session().expect("signed in");
    assert_eq!(people(&app).await, before + 1, "one new account");

    let account = app.visit_as("/account", &session).await;
    assert_eq!(account.status, StatusCode::OK);
    for shown in ["Ada Lovelace", "Ada@Example.org", "Community SSO (@ada)"] {
        assert!(account.body.contains(shown), "{shown} on the account page");
    }
    let db = app.database.open().await;
    let confirmed: Option<i64> = sqlx::query_scalar(
        "SELECT email_confirmed_at FROM people WHERE email_key = 'ada@example.org'",
    )
    .fetch_one(&db.pool)
    .await
    .expect("the verified address is the account's");
    assert!(confirmed.is_some());

    // Again, from another browser: the same account, a new token.
    let again = Visitor::new(&app);
    let start = again.press("/auth/oidc/start", &[("next", "/")]).await;
    let callback = again.through_provider(start).await;
    again.get_url(&callback).await;
    let second = again.session().expect("signed in again");
    assert_ne!(second, session);
    assert_eq!(people(&app).await, before + 1, "no second account");
}

async fn the_session_token_rotates_at_sign_in(backend: Backend) {
    let (app, client) = with_oidc(backend).await;
    let old = app.member("Grace Hopper", "grace@example.org").await;
    client
        .next_account(json!({"sub": "oidc-grace", "email": "grace@example.org", "email_verified": false, "name": "Grace"}))
        .await;
    let visitor = Visitor::signed_in(&app, &old);
    let start = visitor.press("/auth/oidc/start", &[("next", "/")]).await;
    let callback = visitor.through_provider(start).await;
    visitor.get_url(&callback).await;
    let new = visitor.session().expect("signed in");
    assert_ne!(new, old);
    let stale = app.visit_as("/my/sigs", &old).await;
    assert_ne!(stale.status, StatusCode::OK, "the old token is ended");
}

/// Expects the callback at `callback` to refuse with `problem`, signing
/// nobody in, and the page it leads to to say so with `status`.
async fn refused(
    app: &TestApp,
    visitor: &Visitor,
    callback: &str,
    problem: &str,
    status: StatusCode,
) {
    let answer = visitor.get_url(callback).await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    let back = landing(&location(&answer));
    assert!(
        back.starts_with(&format!("/account/sign-in?problem={problem}")),
        "{back}"
    );
    assert!(
        !answer
            .headers()
            .get_all("set-cookie")
            .iter()
            .any(|cookie| cookie
                .to_str()
                .unwrap_or("")
                .starts_with("sigpost_session=")),
        "nobody is signed in"
    );
    let page = app.visit(&back).await;
    assert_eq!(page.status, status, "{back}");
    assert!(page.body.contains("role=\"alert\""), "the page says why");
}

async fn a_wrong_state_is_refused_and_uses_the_attempt_up(backend: Backend) {
    let (app, client) = with_oidc(backend).await;
    client.next_account(ada()).await;
    let before = people(&app).await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/oidc/start", &[]).await;
    let callback = visitor.through_provider(start).await;
    let forged = with_param(&callback, "state", "forged");
    refused(&app, &visitor, &forged, "stale", StatusCode::BAD_REQUEST).await;
    // The real answer, after a forged one, finds no attempt left.
    refused(&app, &visitor, &callback, "stale", StatusCode::BAD_REQUEST).await;
    assert_eq!(visitor.session(), None);
    assert_eq!(people(&app).await, before);
}

async fn a_replayed_answer_signs_nobody_in(backend: Backend) {
    let (app, client) = with_oidc(backend).await;
    client.next_account(ada()).await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/oidc/start", &[]).await;
    let callback = visitor.through_provider(start).await;
    visitor.get_url(&callback).await;
    assert!(visitor.session().is_some());
    // The same answer again, in the same browser and in another one.
    refused(&app, &visitor, &callback, "stale", StatusCode::BAD_REQUEST).await;
    let stranger = Visitor::new(&app);
    refused(&app, &stranger, &callback, "stale", StatusCode::BAD_REQUEST).await;
    assert_eq!(stranger.session(), None);
}

/// The provider's next ID token is re-signed with `forgery` (a wrong
/// nonce, a past expiry): refused, and nothing written.
async fn a_forged_id_token_is_refused(backend: Backend, forgery: serde_json::Value) {
    let (app, client) = with_oidc(backend).await;
    client.next_account(ada()).await;
    client.tamper_next_token(forgery).await;
    let before = people(&app).await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/oidc/start", &[]).await;
    let callback = visitor.through_provider(start).await;
    refused(
        &app,
        &visitor,
        &callback,
        "untrusted",
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(people(&app).await, before, "nothing written");
}

async fn a_forged_nonce_is_refused(backend: Backend) {
    a_forged_id_token_is_refused(backend, json!({"nonce": "not-the-one-we-sent"})).await;
}

async fn an_expired_id_token_is_refused(backend: Backend) {
    a_forged_id_token_is_refused(backend, json!({"expired": true})).await;
}

async fn an_unverified_address_is_never_taken(backend: Backend) {
    let (app, client) = with_oidc(backend).await;
    app.member("Ada (password)", "ada@example.org").await;
    // Unverified: a new account without the address; the owner's untouched.
    client
        .next_account(json!({"sub": "oidc-mallory", "email": "ada@example.org", "email_verified": false, "name": "Mallory"}))
        .await;
    let visitor = Visitor::new(&app);
    let start = visitor.press("/auth/oidc/start", &[]).await;
    let callback = visitor.through_provider(start).await;
    visitor.get_url(&callback).await;
    let session = visitor.session().expect("a new account");
    let account = app.visit_as("/account", &session).await;
    assert!(account.body.contains("Mallory"));
    assert!(
        !account.body.contains("ada@example.org"),
        "the address stays Ada's"
    );

    // Verified: the address has an account, which is never taken over.
    client
        .next_account(json!({"sub": "oidc-ada-2", "email": "ada@example.org", "email_verified": true, "name": "Ada"}))
        .await;
    let before = people(&app).await;
    let other = Visitor::new(&app);
    let start = other.press("/auth/oidc/start", &[]).await;
    let callback = other.through_provider(start).await;
    refused(&app, &other, &callback, "email-taken", StatusCode::CONFLICT).await;
    assert_eq!(people(&app).await, before);
}

async fn a_provider_that_is_down_gets_a_clear_message(backend: Backend) {
    let app = TestApp::spawn_signing_in(backend, |_| async {
        server::config::SignInArgs {
            // Nothing listens on port 9 of loopback.
            oidc_issuer: Some("http://127.0.0.1:9".to_owned()),
            oidc_client_id: Some("sigpost".to_owned()),
            oidc_client_secret: Some(server::config::Secret("secret".to_owned())),
            ..server::config::SignInArgs::default()
        }
    })
    .await;
    let visitor = Visitor::new(&app);
    let start = visitor
        .press("/auth/oidc/start", &[("next", "/sigs")])
        .await;
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let back = landing(&location(&start));
    assert_eq!(back, "/account/sign-in?problem=unreachable&next=%2Fsigs");
    let page = app.visit(&back).await;
    assert_eq!(page.status, StatusCode::BAD_GATEWAY);
    assert!(page.body.contains("cannot be reached"));
}

on_both_databases!(
    first_sign_in_asks_nothing_and_lands_where_they_were_going,
    the_session_token_rotates_at_sign_in,
    a_wrong_state_is_refused_and_uses_the_attempt_up,
    a_replayed_answer_signs_nobody_in,
    a_forged_nonce_is_refused,
    an_expired_id_token_is_refused,
    an_unverified_address_is_never_taken,
    a_provider_that_is_down_gets_a_clear_message,
);
