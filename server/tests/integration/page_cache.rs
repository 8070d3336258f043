//! The page cache: anonymous visitors get kept pages, and no kept page is
//! ever wrong: after an edit on this server, a write by another process or
//! another instance, a lost listener or a clock that passed a boundary.

use std::time::Duration;

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::documents::assert_scripts_allowed;
use crate::support::{main_content, roles, run_import, seed_path, write_temp_file};
use crate::support::{Backend, Page, TestApp};

on_both_databases!(
    kept_pages_answer_304_and_in_every_encoding,
    a_leads_edit_shows_on_the_next_anonymous_visit,
    a_write_by_another_process_shows_within_a_second,
    signed_in_and_anonymous_pages_never_cross,
    a_persons_pages_are_kept_for_them_alone_and_follow_their_changes,
    the_policy_allows_exactly_the_scripts_of_the_page,
    pages_that_tell_the_time_are_rendered_again_when_it_passes,
);

fn etag(page: &Page) -> String {
    page.headers
        .get("etag")
        .and_then(|value| value.to_str().ok())
        .expect("a kept page has an ETag")
        .to_owned()
}

async fn kept_pages_answer_304_and_in_every_encoding(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app.visit("/sigs/storage").await;
    let second = app.visit("/sigs/storage").await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(etag(&first), etag(&second));
    assert_eq!(main_content(&first.body), main_content(&second.body));
    // Request ids differ per answer even when the page is kept.
    assert_ne!(
        first.headers.get("x-request-id"),
        second.headers.get("x-request-id")
    );

    let unchanged = app
        .visit_with("/sigs/storage", &[("if-none-match", &etag(&first))])
        .await;
    assert_eq!(unchanged.status, StatusCode::NOT_MODIFIED);
    assert!(unchanged.body.is_empty());

    // A change elsewhere renders the page again, with a new nonce; the same
    // page keeps its tag, so browsers keep getting 304.
    for _ in 0..2 {
        app.page_cache
            .as_ref()
            .expect("the cache is on")
            .invalidate();
        let again = app
            .visit_with("/sigs/storage", &[("if-none-match", &etag(&first))])
            .await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    }

    for coding in ["br", "gzip"] {
        let response = app
            .client
            .get(format!("http://{}/sigs/storage", app.addr))
            .header("accept-encoding", coding)
            .send()
            .await
            .expect("answer");
        assert_eq!(response.headers()["content-encoding"], coding);
        let bytes = response.bytes().await.expect("body");
        let plain = match coding {
            "br" => {
                let mut out = Vec::new();
                brotli::BrotliDecompress(&mut &bytes[..], &mut out).expect("valid brotli");
                out
            }
            _ => {
                use std::io::Read;
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_end(&mut out)
                    .expect("valid gzip");
                out
            }
        };
        assert_eq!(
            main_content(&String::from_utf8(plain).expect("utf-8")),
            main_content(&first.body)
        );
    }
}

async fn a_leads_edit_shows_on_the_next_anonymous_visit(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    for (who, session) in [("lead", &roles.lead), ("admin", &roles.admin)] {
        let before = app.visit("/sigs/storage").await;
        let before_again = app.visit("/sigs/storage").await;
        assert_eq!(etag(&before), etag(&before_again), "the page is kept");
        let description = format!("Volumes and snapshots, as the {who} put it");
        let saved = app
            .call(
                "update_sig",
                &[
                    ("form[slug]", "storage"),
                    ("form[description]", &description),
                ],
                Some(session),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
        let after = app.visit("/sigs/storage").await;
        assert!(after.body.contains(&description), "the edit shows at once");
        let directory = app.visit("/sigs").await;
        assert!(directory.body.contains(&description));
    }
}

async fn a_write_by_another_process_shows_within_a_second(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert!(!app
        .visit("/sigs/storage")
        .await
        .body
        .contains("volume snapshots"));
    app.visit("/sigs/storage").await;

    // The operator's import runs as its own process beside the server.
    let changed = std::fs::read_to_string(seed_path())
        .expect("seed")
        .replace("| CSI plugins |", "| CSI plugins and volume snapshots |");
    let (_dir, file) = write_temp_file(&changed);
    let output = run_import(&app.database.url, &file);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page = app
        .visit_until("/sigs/storage", |page| {
            page.body.contains("volume snapshots")
        })
        .await;
    assert!(page.body.contains("CSI plugins and volume snapshots"));

    // A write through another connection, as any other program would make.
    let db = app.database.open().await;
    sqlx::query("UPDATE sigs SET name = 'Storage and Volumes' WHERE slug = 'storage'")
        .execute(&db.pool)
        .await
        .expect("update");
    let page = app
        .visit_until("/sigs", |page| page.body.contains("Storage and Volumes"))
        .await;
    assert!(page.body.contains("Storage and Volumes"));
}

async fn signed_in_and_anonymous_pages_never_cross(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Mira Member", "mira@example.org").await;
    for path in ["/", "/sigs", "/sigs/storage", "/roadmap"] {
        // Anonymous first, then signed in, then anonymous again.
        let anonymous = app.visit(path).await;
        assert!(!anonymous.body.contains("Mira Member"));
        let signed_in = app.visit_as(path, &member).await;
        assert!(signed_in.body.contains("Mira Member"), "{path}");
        let signed_in_again = app.visit_as(path, &member).await;
        assert!(signed_in_again.body.contains("Mira Member"), "{path}");
        let anonymous = app.visit(path).await;
        assert!(!anonymous.body.contains("Mira Member"), "{path}");
    }
    // A cookie-setting answer is never kept: every sign-up page render
    // stays the server's own, and theme choices get their own pages.
    let dark = app
        .visit_with("/sigs", &[("cookie", "sigpost_theme=dark")])
        .await;
    let light = app
        .visit_with("/sigs", &[("cookie", "sigpost_theme=light")])
        .await;
    assert_ne!(etag(&dark), etag(&light));
    assert!(dark.body.contains("dark"));
}

async fn a_persons_pages_are_kept_for_them_alone_and_follow_their_changes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mira = app.member("Mira Member", "mira@example.org").await;
    let omar = app.member("Omar Other", "omar@example.org").await;
    let first = app.visit_as("/sigs/storage", &mira).await;
    let again = app.visit_as("/sigs/storage", &mira).await;
    assert_eq!(etag(&first), etag(&again), "kept for Mira");
    assert_eq!(
        again.headers["cache-control"], "private, no-store",
        "no one else may keep it"
    );
    let other = app.visit_as("/sigs/storage", &omar).await;
    assert!(other.body.contains("Omar Other") && !other.body.contains("Mira Member"));
    assert_ne!(etag(&first), etag(&other));

    // A change to the person (here by another program) shows on their next pages.
    let db = app.database.open().await;
    sqlx::query(
        "UPDATE people SET display_name = 'Mira Renamed' WHERE display_name = 'Mira Member'",
    )
    .execute(&db.pool)
    .await
    .expect("update");
    let mut seen = String::new();
    for _ in 0..50 {
        seen = app.visit_as("/sigs/storage", &mira).await.body;
        if seen.contains("Mira Renamed") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        seen.contains("Mira Renamed"),
        "the rename shows within a second"
    );

    // An ended session gets the page rendered for nobody in particular.
    let signed_out = app.call("sign_out", &[], Some(&mira)).await;
    assert_eq!(signed_out.status, StatusCode::OK);
    let after = app.visit_as("/sigs/storage", &mira).await;
    assert!(!after.body.contains("Mira Renamed"));

    // A person's own tools are rendered for every request.
    let mine = app.visit_as("/my/sigs", &omar).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(
        mine.headers.get("etag").is_none(),
        "/my/ pages are not kept"
    );
}

async fn the_policy_allows_exactly_the_scripts_of_the_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Mira Member", "mira@example.org").await;
    for path in ["/sigs", "/sigs/storage", "/sigs/storage/roadmap"] {
        let first = app.visit(path).await;
        let kept = app.visit(path).await;
        assert_scripts_allowed(&first);
        assert_scripts_allowed(&kept);
        let policy = |page: &Page| page.headers["content-security-policy"].clone();
        assert!(!policy(&kept).to_str().expect("text").contains("'nonce-"));
        // A person's kept page is allowed by hash too: a nonce is never sent twice.
        let signed_in = app.visit_as(path, &member).await;
        let signed_in_again = app.visit_as(path, &member).await;
        assert_scripts_allowed(&signed_in);
        assert_scripts_allowed(&signed_in_again);
        assert!(!policy(&signed_in_again)
            .to_str()
            .expect("text")
            .contains("'nonce-"));
    }
    // Pages rendered per request (a person's own tools) carry a fresh nonce.
    let policy = |page: &Page| page.headers["content-security-policy"].clone();
    let mine = app.visit_as("/my/sigs", &member).await;
    let mine_again = app.visit_as("/my/sigs", &member).await;
    assert_scripts_allowed(&mine);
    assert_scripts_allowed(&mine_again);
    assert_ne!(policy(&mine), policy(&mine_again));
}

async fn pages_that_tell_the_time_are_rendered_again_when_it_passes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let now = main_content(&app.visit("/meetings").await.body);
    assert_eq!(now, main_content(&app.visit("/meetings").await.body));
    // Eight days on, every weekly meeting has a new next date.
    app.clock.advance(8 * 86_400);
    let later = main_content(&app.visit("/meetings").await.body);
    assert_ne!(now, later, "the next meetings moved on");
    let fresh = TestApp::spawn(backend).await;
    fresh.clock.advance(8 * 86_400);
    assert_eq!(later, main_content(&fresh.visit("/meetings").await.body));
}

#[tokio::test]
async fn a_flood_of_distinct_queries_stays_within_the_bound() {
    const BOUND: usize = 256 * 1024;
    let app = TestApp::spawn_with_page_cache(Backend::Sqlite, BOUND).await;
    let cache = app.page_cache.clone().expect("the cache is on");
    let client = app.client.clone();
    let addr = app.addr;
    use futures::StreamExt;
    let mut largest = 0;
    let mut answers = futures::stream::iter(0..100_000)
        .map(|n| {
            let client = client.clone();
            async move {
                client
                    .get(format!("http://{addr}/robots.txt?q={n}"))
                    .send()
                    .await
                    .map(|response| response.status())
            }
        })
        .buffer_unordered(16);
    while let Some(status) = answers.next().await {
        assert_eq!(status.expect("answer"), StatusCode::OK);
        largest = largest.max(cache.bytes());
    }
    assert!(largest <= BOUND, "{largest} bytes kept, bound {BOUND}");
    assert!(largest > BOUND / 2, "the cache was used: {largest} bytes");
}

#[tokio::test]
async fn two_instances_see_each_others_edits_even_after_losing_the_listener() {
    let first = TestApp::spawn(Backend::Postgres).await;
    let second = first.beside().await;
    let roles = roles(&first).await;
    let db = first.database.open().await;
    for round in 0..2 {
        second.visit("/sigs/storage").await;
        second.visit("/sigs/storage").await;
        if round == 1 {
            // Every listener loses its connection, as in a failover.
            let database = first
                .database
                .url
                .rsplit('/')
                .next()
                .expect("name")
                .to_owned();
            sqlx::query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = $1 AND query LIKE 'LISTEN%'",
            )
            .bind(database)
            .execute(&db.pool)
            .await
            .expect("terminate the listeners");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let description = format!("Round {round} of storage work");
        let saved = first
            .call(
                "update_sig",
                &[
                    ("form[slug]", "storage"),
                    ("form[description]", &description),
                ],
                Some(&roles.lead),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
        let page = second
            .visit_until("/sigs/storage", |page| page.body.contains(&description))
            .await;
        assert!(page.body.contains(&description), "round {round}");
    }
}
