//! The read-only JSON API: the data of the pages as JSON, with ETags, CORS
//! for reading from other sites, an OpenAPI document, and no e-mail address
//! anywhere.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{roles, Backend, TestApp};

on_both_databases!(
    the_api_serves_the_directory_as_json,
    answers_carry_etags_and_cors_headers,
    no_email_address_appears_in_any_answer,
);

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}: {body}"))
}

async fn the_api_serves_the_directory_as_json(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let sigs = app.visit("/api/v1/sigs").await;
    assert_eq!(sigs.status, StatusCode::OK);
    assert_eq!(sigs.headers["content-type"], "application/json");
    let sigs = json(&sigs.body);
    let list = sigs.as_array().expect("a list");
    let db = app.database.open().await;
    let active: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sigs WHERE status = 'active'")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    assert_eq!(list.len() as i64, active);
    let storage = list
        .iter()
        .find(|sig| sig["slug"] == "storage")
        .expect("storage");
    assert_eq!(storage["kind"], "sig");
    assert!(storage["leads"][0]["name"].is_string());

    let detail = json(&app.visit("/api/v1/sigs/storage").await.body);
    assert_eq!(detail["name"], "Storage");
    assert_eq!(detail["meetings"][0]["title"], "SIG Storage meeting");
    assert!(detail["meetings"][0]["next"]["starts_iso"]
        .as_str()
        .is_some_and(|t| t.ends_with("T07:00:00Z")));
    let missing = app.visit("/api/v1/sigs/no-such-sig").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(json(&missing.body)["error"].is_string());

    let people = json(&app.visit("/api/v1/people").await.body);
    assert!(people.as_array().is_some_and(|people| !people.is_empty()));
    let meetings = json(&app.visit("/api/v1/meetings").await.body);
    assert_eq!(
        meetings.as_array().map(Vec::len),
        Some(4),
        "the demo series"
    );
    assert!(json(&app.visit("/api/v1/roadmap").await.body).is_array());

    let openapi = json(&app.visit("/api/v1/openapi.json").await.body);
    assert_eq!(openapi["openapi"], "3.1.0");
    for path in [
        "/api/v1/sigs",
        "/api/v1/sigs/{slug}",
        "/api/v1/people",
        "/api/v1/roadmap",
        "/api/v1/meetings",
    ] {
        assert!(openapi["paths"][path]["get"].is_object(), "{path}");
    }
}

async fn answers_carry_etags_and_cors_headers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app
        .visit_with("/api/v1/sigs", &[("origin", "https://elsewhere.example")])
        .await;
    assert_eq!(first.headers["access-control-allow-origin"], "*");
    let etag = first.headers["etag"].to_str().expect("an ETag").to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
    let again = app
        .visit_with("/api/v1/sigs", &[("if-none-match", etag.as_str())])
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    let stale = app
        .visit_with("/api/v1/sigs", &[("if-none-match", "\"something-else\"")])
        .await;
    assert_eq!(stale.status, StatusCode::OK);
    // A browser's preflight for a cross-site GET with If-None-Match.
    let preflight = app
        .client
        .request(
            reqwest::Method::OPTIONS,
            format!("http://{}/api/v1/sigs", app.addr),
        )
        .header("origin", "https://elsewhere.example")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "if-none-match")
        .send()
        .await
        .expect("an answer");
    assert!(preflight.status().is_success(), "{}", preflight.status());
    // Changing the directory changes the ETag.
    let admin = crate::support::admin_session(&app).await;
    crate::support::invited_lead(&app, &admin, "storage", "new-lead@example.org", "tech_lead")
        .await;
    let changed = app
        .visit_with("/api/v1/sigs", &[("if-none-match", etag.as_str())])
        .await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_ne!(changed.headers["etag"].to_str().expect("an ETag"), etag);
}

async fn no_email_address_appears_in_any_answer(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let _roles = roles(&app).await;
    for path in [
        "/api/v1/sigs",
        "/api/v1/sigs/storage",
        "/api/v1/people",
        "/api/v1/roadmap",
        "/api/v1/meetings",
    ] {
        let page = app.visit(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(!page.body.contains("@example.org"), "{path}: {}", page.body);
    }
}
