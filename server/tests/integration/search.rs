//! `/search`: every kind of record found by a word of its text, right after
//! a change and not after a delete; Chinese, short forms, plurals and typos;
//! hostile queries answered, never failed; private people never found.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{main_content, roles, run_import, seed_path, write_temp_file};
use crate::support::{Backend, TestApp};

on_both_databases!(
    every_kind_of_record_is_found_by_a_word_of_its_text,
    an_edit_shows_at_once_and_a_delete_is_gone_at_once,
    chinese_short_forms_plurals_and_typos_are_found,
    hostile_queries_get_an_answer_never_a_failure,
    members_and_private_text_are_never_found,
);

/// Percent-encodes a query value.
fn encoded(query: &str) -> String {
    query
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The links of the results, in the order shown.
async fn found(app: &TestApp, query: &str) -> Vec<String> {
    let page = app.visit(&format!("/search?q={}", encoded(query))).await;
    assert_eq!(page.status, StatusCode::OK, "{query}: {}", page.body);
    hits(&page.body)
}

fn hits(html: &str) -> Vec<String> {
    let main = main_content(html);
    let pieces: Vec<&str> = main.split("\" class=\"search-hit-link\"").collect();
    pieces[..pieces.len() - 1]
        .iter()
        .map(|before| {
            let start = before.rfind("href=\"").expect("the link's href") + "href=\"".len();
            before[start..].to_owned()
        })
        .collect()
}

async fn save_item(app: &TestApp, lead: &str, id: i64, version: i64, title: &str) -> i64 {
    let (id, version) = (id.to_string(), version.to_string());
    let month = crate::roadmap::this_month().key();
    let fields = [
        ("form[sig]", "storage"),
        ("form[id]", id.as_str()),
        ("form[version]", version.as_str()),
        ("form[title]", title),
        (
            "form[description]",
            "Replace the **volume** snapshot controller.",
        ),
        ("form[status]", "planned"),
        ("form[target_month]", month.as_str()),
        ("form[owner]", ""),
        ("form[link_url]", ""),
        ("form[exit_criterion]", ""),
    ];
    let page = app.call("save_roadmap_item", &fields, Some(lead)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.body.trim().parse().unwrap_or(0)
}

async fn save_record(app: &TestApp, lead: &str, title: &str, notes: &str) -> i64 {
    let fields = [
        ("form[sig]", "storage"),
        ("form[id]", "0"),
        ("form[held_on]", "2026-11-20"),
        ("form[title]", title),
        ("form[agenda]", "1. Roadmap review"),
        ("form[notes]", notes),
        ("form[recording_url]", ""),
    ];
    let page = app.call("save_meeting_record", &fields, Some(lead)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.body.trim().parse().expect("the record's id")
}

async fn describe_storage(app: &TestApp, lead: &str, description: &str, chinese: &str) {
    let fields = [
        ("form[slug]", "storage"),
        ("form[description]", description),
        ("form[mission]", "We own **storage**."),
        ("form[translations][zh-CN][description]", chinese),
        ("form[translations][zh-CN][mission]", ""),
    ];
    let saved = app.call("update_sig", &fields, Some(lead)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
}

async fn every_kind_of_record_is_found_by_a_word_of_its_text(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lead = roles(&app).await.lead;
    let item = save_item(&app, &lead, 0, 0, "Zeppelin snapshot support").await;
    let record = save_record(
        &app,
        &lead,
        "Storage sync",
        "We agreed on the quokka format.",
    )
    .await;
    describe_storage(&app, &lead, "Volumes, snapshots and the CSI drivers.", "").await;

    assert_eq!(found(&app, "CSI drivers").await, ["/sigs/storage"]);
    assert_eq!(
        found(&app, "zeppelin").await,
        [format!("/sigs/storage/roadmap/{item}")]
    );
    assert_eq!(
        found(&app, "quokka").await,
        [format!("/sigs/storage/meetings/{record}")]
    );
    // A guidance page of the seed, by a word of its text.
    let guidance = found(&app, "technologies").await;
    assert!(
        guidance.iter().any(|path| path.starts_with("/guidance/")),
        "{guidance:?}"
    );
    // A lead, by name and by the SIG they lead; a Chinese page links in Chinese.
    assert!(found(&app, "New Lead")
        .await
        .contains(&"/sigs/storage#leads-heading".to_owned()));
    let storage = found(&app, "storage").await;
    assert!(
        storage.contains(&"/sigs/storage#leads-heading".to_owned()),
        "{storage:?}"
    );
    assert_eq!(storage.first().map(String::as_str), Some("/sigs/storage"));
    let chinese = app.visit("/zh-CN/search?q=zeppelin").await;
    assert_eq!(
        hits(&chinese.body),
        [format!("/zh-CN/sigs/storage/roadmap/{item}")]
    );
    assert!(chinese.body.contains("路线图事项"), "{}", chinese.body);
}

async fn an_edit_shows_at_once_and_a_delete_is_gone_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lead = roles(&app).await.lead;
    let id = save_item(&app, &lead, 0, 0, "Frobnicate the quasar <b>now</b>").await;
    let page = app.visit("/search?q=quasar").await;
    assert_eq!(hits(&page.body).len(), 1);
    // The title is escaped, the match marked.
    let results = main_content(&page.body);
    assert!(results.contains("<mark>quasar</mark>"), "{results}");
    assert!(results.contains("&lt;b&gt;now&lt;/b&gt;"), "{results}");
    assert!(!results.contains("<b>now"), "{results}");

    save_item(&app, &lead, id, 1, "Frobnicate the pulsar").await;
    assert!(found(&app, "quasar").await.is_empty());
    assert_eq!(found(&app, "pulsar").await.len(), 1);

    let (id_text, version) = (id.to_string(), "2".to_owned());
    let deleted = app
        .call(
            "delete_roadmap_item",
            &[
                ("sig", "storage"),
                ("id", id_text.as_str()),
                ("version", version.as_str()),
                ("confirm", "yes"),
            ],
            Some(&lead),
        )
        .await;
    assert_eq!(deleted.status, StatusCode::OK, "{}", deleted.body);
    assert!(found(&app, "pulsar").await.is_empty());

    // A change made by another process (a CLI import) shows too.
    let changed = std::fs::read_to_string(seed_path())
        .expect("seed")
        .replace("| CSI plugins |", "| CSI plugins and frobnication |");
    let (_dir, file) = write_temp_file(&changed);
    let output = run_import(&app.database.url, &file);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(found(&app, "frobnication").await, ["/sigs/storage"]);
}

async fn chinese_short_forms_plurals_and_typos_are_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lead = roles(&app).await.lead;
    describe_storage(
        &app,
        &lead,
        "Storage for KubeSphere: CI/CD pipelines for Kubernetes volumes.",
        "KubeSphere 的存储。",
    )
    .await;
    let record = save_record(&app, &lead, "Weekly meeting", "Short one.").await;

    assert_eq!(found(&app, "存储").await, ["/sigs/storage"]);
    assert_eq!(found(&app, "ci/cd").await, ["/sigs/storage"]);
    assert!(found(&app, "k8s")
        .await
        .contains(&"/sigs/storage".to_owned()));
    assert!(found(&app, "meetings")
        .await
        .contains(&format!("/sigs/storage/meetings/{record}")));
    // One wrong letter in a word of five or more.
    assert!(found(&app, "pipelnes")
        .await
        .contains(&"/sigs/storage".to_owned()));
    assert!(found(&app, "kubesphera")
        .await
        .contains(&"/sigs/storage".to_owned()));
    // Two wrong letters, or one in a short word, find nothing.
    assert!(found(&app, "pipelnez").await.is_empty());
    assert!(found(&app, "cst")
        .await
        .iter()
        .all(|path| path != "/sigs/storage"));
}

async fn hostile_queries_get_an_answer_never_a_failure(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let long = "storage ".repeat(1250);
    let queries = [
        long.as_str(),
        "\"",
        "*",
        "NEAR",
        "storage NEAR network",
        "OR",
        "storage OR -network",
        "-",
        "!!! ??? ...",
        "%",
        "_",
        "[",
        "\\",
        "'; DROP TABLE sigs; --",
        "\"storage\"*",
        "^storage",
        "{storage}",
        "",
    ];
    for query in queries {
        let page = app.visit(&format!("/search?q={}", encoded(query))).await;
        assert_eq!(page.status, StatusCode::OK, "{query:.40}: {}", page.body);
        assert!(page.body.contains("id=\"search-summary\""), "{query:.40}");
    }
    // Control characters are refused with a clear message, like in every
    // other field.
    for query in ["storage\0network", "\u{7}\u{1b}[31m"] {
        let page = app.visit(&format!("/search?q={}", encoded(query))).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{query:?}");
        assert!(page.body.contains("control character"), "{}", page.body);
    }
    // Bytes that are not UTF-8 are answered too.
    let page = app.visit("/search?q=%FF%FEstorage").await;
    assert!(
        page.status.is_success() || page.status.is_client_error(),
        "{}",
        page.status
    );
    // The long query was read as its first words, and found.
    assert!(found(&app, &long)
        .await
        .contains(&"/sigs/storage".to_owned()));
    assert!(found(&app, "%").await.is_empty());
}

async fn members_and_private_text_are_never_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.member("Quillon Member", "quillon@example.org").await;
    assert!(found(&app, "quillon").await.is_empty());
    assert!(found(&app, "example.org").await.is_empty());
    assert!(found(&app, "@").await.is_empty());
}
