//! Protections every response and every write goes through.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::documents::assert_scripts_allowed;
use crate::support::{Backend, TestApp};

on_both_databases!(
    pages_carry_a_strict_content_security_policy,
    cross_site_writes_are_refused,
    oversized_bodies_are_refused,
    hsts_is_sent_behind_tls,
    every_response_carries_a_request_id,
);

async fn pages_carry_a_strict_content_security_policy(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in ["/", "/sigs", "/sigs/storage", "/no/such/page"] {
        // Rendered for this answer, then kept in memory.
        for page in [app.visit(path).await, app.visit(path).await] {
            assert_eq!(page.headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(page.headers["x-frame-options"], "DENY", "{path}");
            assert!(page.headers.contains_key("referrer-policy"), "{path}");
            let policy = page.headers["content-security-policy"]
                .to_str()
                .expect("ascii");
            assert!(policy.contains("frame-ancestors 'none'"), "{path}");
            assert_scripts_allowed(&page);
        }
    }
    // A page rendered per answer (never kept: a 404) has a fresh nonce each time.
    let other = app.visit("/no/such/page").await.headers["content-security-policy"].clone();
    let again = app.visit("/no/such/page").await.headers["content-security-policy"].clone();
    assert!(other.to_str().expect("ascii").contains("'nonce-"));
    assert_ne!(other, again, "a fresh nonce per response");
}

async fn cross_site_writes_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let foreign = app
        .post("/sigs", &[("origin", "https://evil.example")], "q=x")
        .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    let fetch = app
        .post("/sigs", &[("sec-fetch-site", "cross-site")], "q=x")
        .await;
    assert_eq!(fetch.status, StatusCode::FORBIDDEN);
    let reading = app.visit("/sigs").await;
    assert_eq!(
        reading.status,
        StatusCode::OK,
        "reads from anywhere are fine"
    );
}

async fn oversized_bodies_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let body = "x".repeat(server::security::MAX_BODY_BYTES + 1);
    let page = app.post("/api/anything", &[], &body).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
}

async fn hsts_is_sent_behind_tls(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let plain = app.visit("/").await;
    assert!(!plain.headers.contains_key("strict-transport-security"));
    let behind_proxy = app.visit_with("/", &[("x-forwarded-proto", "https")]).await;
    assert!(behind_proxy.headers["strict-transport-security"]
        .to_str()
        .expect("ascii")
        .starts_with("max-age="));
}

async fn every_response_carries_a_request_id(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app.visit("/sigs").await;
    let second = app.visit("/no/such/page").await;
    let id = |page: &crate::support::Page| {
        page.headers["x-request-id"]
            .to_str()
            .expect("ascii")
            .to_owned()
    };
    assert_eq!(id(&first).len(), 36, "shaped like a UUID");
    assert_ne!(id(&first), id(&second));
    let from_proxy = app.visit_with("/", &[("x-request-id", "proxy-42")]).await;
    assert_eq!(id(&from_proxy), "proxy-42", "a proxy's id is kept");
}
