//! The CNCF TOC's layout: technical advisory groups under `tags:` import as
//! groups of kind TAG with their leads and meetings, the TOC's subprojects
//! under `toc_subprojects:` as working groups; counts are checked against
//! a walk of the file of the test's own, and an export imports again to
//! the same groups.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_yaml_ng::Value;

use crate::on_both_databases;
use crate::support::{count, main_content, Backend, TestApp, TestDatabase};

on_both_databases!(the_toc_layout_imports_its_tags_with_their_leads,);

fn tags_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cncf-toc-tags.yaml")
}

use crate::support::server_command as server;

fn import(database_url: &str, path: &Path) -> String {
    let output = server(
        database_url,
        &[
            "import",
            "--format",
            "sigs-yaml",
            path.to_str().expect("path"),
        ],
    );
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{text}");
    text
}

/// Groups, distinct leads per group and meetings of one list of the file.
fn walk(file: &Value, key: &str) -> (usize, usize, usize) {
    let groups = file[key].as_sequence().cloned().unwrap_or_default();
    let mut leads = 0;
    let mut meetings = 0;
    for group in &groups {
        let mut people = BTreeSet::new();
        for role in ["chairs", "tech_leads", "emeritus_leads"] {
            for person in group["leadership"][role]
                .as_sequence()
                .into_iter()
                .flatten()
            {
                people.insert(person["github"].as_str().expect("a handle").to_lowercase());
            }
        }
        leads += people.len();
        meetings += group["meetings"].as_sequence().map_or(0, Vec::len);
    }
    (groups.len(), leads, meetings)
}

async fn kind_count(app: &TestApp, kind: &str) -> i64 {
    let db = app.database.open().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM sigs WHERE kind = $1")
        .bind(kind)
        .fetch_one(&db.pool)
        .await
        .expect("count")
}

async fn the_toc_layout_imports_its_tags_with_their_leads(backend: Backend) {
    let file: Value =
        serde_yaml_ng::from_str(&std::fs::read_to_string(tags_file()).expect("the file"))
            .expect("valid YAML");
    let (tags, tag_leads, tag_meetings) = walk(&file, "tags");
    let (subprojects, subproject_leads, subproject_meetings) = walk(&file, "toc_subprojects");
    assert!(tags >= 3 && subprojects >= 1, "a file worth testing");

    // The file first, into an empty database: the site shows only it.
    let database = TestDatabase::create(backend).await;
    let report = import(&database.url, &tags_file());
    let app = TestApp::spawn_on_database(database).await;
    let db = app.database.open().await;
    assert!(!report.contains("unknown key"), "{report}");
    assert_eq!(kind_count(&app, "tag").await as usize, tags);
    assert_eq!(count(&db, "sigs").await as usize, tags + subprojects);
    assert_eq!(
        count(&db, "leaderships").await as usize,
        tag_leads + subproject_leads
    );
    assert_eq!(
        count(&db, "meeting_series").await as usize,
        tag_meetings + subproject_meetings,
        "{report}"
    );

    // A TAG's page: its kind, chairs, tech leads and emeritus leads.
    let page = main_content(&app.visit("/sigs/security").await.body).replace("<!>", "");
    for text in [
        "TAG",
        "Dana Diaz",
        "Erin Evans",
        "Frank Fischer",
        "Grace Green",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    let directory = app.visit("/sigs").await.body;
    assert!(directory.contains("App Delivery") && directory.contains("Project Reviews"));

    // Exported, the TAGs come back under `tags:`; imported again, nothing
    // changes.
    let exported = server(&app.database.url, &["export", "--format", "sigs-yaml"]);
    assert!(exported.status.success());
    let text = String::from_utf8_lossy(&exported.stdout).into_owned();
    let again: Value = serde_yaml_ng::from_str(&text).expect("valid YAML");
    assert_eq!(walk(&again, "tags"), (tags, tag_leads, tag_meetings));
    let dir = tempfile::tempdir().expect("a directory");
    let path = dir.path().join("sigs.yaml");
    std::fs::write(&path, &text).expect("written");
    let report = import(&app.database.url, &path);
    assert!(
        report.contains(&format!(
            "0 created, 0 updated, {} unchanged",
            tags + subprojects
        )),
        "{report}"
    );
    assert_eq!(kind_count(&app, "tag").await as usize, tags);
}
