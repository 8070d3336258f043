//! Community data as code: the Kubernetes `sigs.yaml` imported whole (counts
//! checked against the file), exported and imported again to the same
//! database, leads' e-mail addresses on no page or API answer, and bad
//! files refused with their path or line, changing nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use app::store::Database;
use serde_yaml_ng::Value;

use crate::on_both_databases;
use crate::support::{count, main_content, Backend, TestApp, TestDatabase};

on_both_databases!(
    the_kubernetes_file_is_imported_whole,
    import_export_import_leaves_the_database_identical,
    no_lead_email_appears_on_any_page_or_api_answer,
    bad_files_exit_non_zero_and_change_nothing,
);

/// What the file says beyond a group's page shows where a reader looks:
/// leads' companies, the liaison, the GitHub label, the groups a working
/// group answers to, and a subproject's leads and channel.
#[tokio::test]
async fn the_file_s_other_fields_show_on_the_group_pages() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let output = import(&app.database.url, &kubernetes_file(), &[]);
    assert!(output.status.success(), "{}", stdout(&output));
    let machinery = main_content(&app.visit("/sigs/api-machinery").await.body);
    for shown in ["Red Hat", "api-machinery", "Liaison"] {
        assert!(
            machinery.contains(shown),
            "{shown} on the API Machinery page"
        );
    }
    let architecture = main_content(&app.visit("/sigs/architecture").await.body);
    for shown in ["Janet Kuo (@janetkuo, Google)", "#k8s-ai-conformance"] {
        assert!(
            architecture.contains(shown),
            "{shown} on the Architecture page"
        );
    }
    assert!(
        !architecture.contains("chiachenk@google.com"),
        "never a lead's address"
    );
    let gateway = main_content(&app.visit("/sigs/ai-gateway").await.body);
    assert!(
        gateway.contains("Multicluster, Network"),
        "the groups it answers to"
    );
}

fn kubernetes_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/kubernetes-sigs.yaml")
}

use crate::support::server_command as server;

fn import(database_url: &str, file: &Path, extra: &[&str]) -> Output {
    let path = file.to_str().expect("path");
    let mut args = vec!["import", "--format", "sigs-yaml", path];
    args.extend_from_slice(extra);
    server(database_url, &args)
}

fn stdout(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// What the file holds, counted with a YAML reader of its own.
struct FileCounts {
    groups: [usize; 4],
    /// Distinct people per group across chairs, tech leads and emeritus.
    leads: usize,
    /// The groups' meetings and their subprojects' meetings.
    meetings: usize,
    subprojects: usize,
    emails: BTreeSet<String>,
}

fn count_file(path: &Path) -> FileCounts {
    let text = std::fs::read_to_string(path).expect("the Kubernetes file");
    let file: Value = serde_yaml_ng::from_str(&text).expect("valid YAML");
    let mut counts = FileCounts {
        groups: [0; 4],
        leads: 0,
        meetings: 0,
        subprojects: 0,
        emails: BTreeSet::new(),
    };
    for (index, key) in ["sigs", "workinggroups", "committees", "usergroups"]
        .iter()
        .enumerate()
    {
        let groups = file[*key].as_sequence().cloned().unwrap_or_default();
        counts.groups[index] = groups.len();
        for group in groups {
            let mut people = BTreeSet::new();
            for role in ["chairs", "tech_leads", "emeritus_leads"] {
                for person in group["leadership"][role]
                    .as_sequence()
                    .cloned()
                    .unwrap_or_default()
                {
                    people.insert(person["github"].as_str().unwrap_or_default().to_lowercase());
                }
            }
            counts.leads += people.len();
            counts.meetings += group["meetings"].as_sequence().map_or(0, Vec::len);
            let subprojects = group["subprojects"]
                .as_sequence()
                .cloned()
                .unwrap_or_default();
            counts.subprojects += subprojects.len();
            // Subprojects' meetings become their group's series.
            counts.meetings += subprojects
                .iter()
                .map(|sub| sub["meetings"].as_sequence().map_or(0, Vec::len))
                .sum::<usize>();
        }
    }
    for line in text.lines() {
        if let Some(email) = line.trim().strip_prefix("email:") {
            counts.emails.insert(email.trim().to_lowercase());
        }
    }
    counts
}

async fn kinds(db: &Database) -> [i64; 4] {
    let mut found = [0; 4];
    for (index, kind) in ["sig", "working_group", "committee", "user_group"]
        .iter()
        .enumerate()
    {
        found[index] = sqlx::query_scalar("SELECT COUNT(*) FROM sigs WHERE kind = $1")
            .bind(*kind)
            .fetch_one(&db.pool)
            .await
            .expect("count");
    }
    found
}

async fn the_kubernetes_file_is_imported_whole(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let file = kubernetes_file();
    let expected = count_file(&file);
    let output = import(&database.url, &file, &[]);
    let printed = stdout(&output);
    assert!(output.status.success(), "{printed}");

    let db = database.open().await;
    let groups = expected.groups.map(|n| n as i64);
    assert_eq!(kinds(&db).await, groups);
    assert_eq!(groups, [24, 8, 3, 0], "the file's own figures");
    assert_eq!(count(&db, "leaderships").await, expected.leads as i64);
    assert_eq!(count(&db, "subprojects").await, expected.subprojects as i64);
    // Every meeting is imported or reported with its path as left out.
    let left_out = printed
        .lines()
        .filter(|line| line.starts_with("warning: ") && line.contains("meeting left out"))
        .count() as i64;
    let kept_once = printed
        .lines()
        .filter(|line| line.ends_with("kept once"))
        .count() as i64;
    assert_eq!(
        count(&db, "meeting_series").await + left_out + kept_once,
        expected.meetings as i64,
        "{printed}"
    );
    assert!(left_out <= 8, "most meetings are understood: {printed}");
    let distinct_people: i64 =
        sqlx::query_scalar("SELECT COUNT(DISTINCT person_id) FROM leaderships")
            .fetch_one(&db.pool)
            .await
            .expect("count");
    assert_eq!(
        count(&db, "people").await,
        distinct_people,
        "one person per GitHub handle"
    );

    // Again: nothing new, nothing duplicated.
    let again = import(&database.url, &file, &[]);
    let printed = stdout(&again);
    assert!(printed.contains(" 0 created, 0 updated,"), "{printed}");
    assert_eq!(kinds(&db).await, groups);
    assert_eq!(count(&db, "leaderships").await, expected.leads as i64);
}

/// The content of every table an import writes, without ids and times.
async fn snapshot(db: &Database) -> Vec<String> {
    let queries = [
        "SELECT slug || '|' || name || '|' || kind || '|' || description || '|' || mission || '|' || \
         COALESCE(charter_url, '~') || '|' || COALESCE(chat_channel_name, '~') || '|' || \
         COALESCE(chat_channel_url, '~') || '|' || COALESCE(mailing_list_url, '~') || '|' || \
         COALESCE(meeting_notes_url, '~') || '|' || status || '|' || CAST(position AS TEXT) || '|' || \
         COALESCE(label, '~') || '|' || stakeholder_sigs || '|' || COALESCE(liaison_name, '~') || '|' || \
         COALESCE(liaison_github, '~') FROM sigs",
        "SELECT display_name || '|' || COALESCE(github_handle, '~') || '|' || COALESCE(email, '~') || '|' || \
         COALESCE(company, '~') FROM people",
        "SELECT s.slug || '|' || p.display_name || '|' || l.role || '|' || CAST(l.position AS TEXT) \
         FROM leaderships l JOIN sigs s ON s.id = l.sig_id JOIN people p ON p.id = l.person_id",
        "SELECT s.slug || '|' || m.title || '|' || CAST(m.weekday AS TEXT) || '|' || m.start_time || '|' || \
         m.end_time || '|' || m.time_zone || '|' || m.cadence || '|' || \
         COALESCE(CAST(m.week_of_month AS TEXT), '~') || '|' || m.starts_on || '|' || \
         COALESCE(m.join_url, '~') || '|' || COALESCE(m.notes_url, '~') || '|' || \
         COALESCE(m.recordings_url, '~') FROM meeting_series m JOIN sigs s ON s.id = m.sig_id",
        "SELECT s.slug || '|' || t.name || '|' || t.description || '|' || CAST(t.position AS TEXT) \
         FROM sig_teams t JOIN sigs s ON s.id = t.sig_id",
        "SELECT s.slug || '|' || p.name || '|' || p.description || '|' || p.owners || '|' || \
         CAST(p.position AS TEXT) || '|' || COALESCE(p.slack, '~') || '|' || \
         COALESCE(p.mailing_list_url, '~') || '|' || p.leads \
         FROM subprojects p JOIN sigs s ON s.id = p.sig_id",
    ];
    let mut rows = Vec::new();
    for query in queries {
        let mut found: Vec<String> = sqlx::query_scalar(query)
            .fetch_all(&db.pool)
            .await
            .expect("snapshot");
        found.sort();
        rows.push(format!("-- {} rows", found.len()));
        rows.extend(found);
    }
    rows
}

async fn import_export_import_leaves_the_database_identical(backend: Backend) {
    let first = TestDatabase::create(backend).await;
    let output = import(&first.url, &kubernetes_file(), &[]);
    assert!(output.status.success(), "{}", stdout(&output));

    let dir = tempfile::tempdir().expect("temporary directory");
    let exported = dir.path().join("sigs.yaml");
    let out = exported.to_str().expect("path");
    let output = server(
        &first.url,
        &[
            "export",
            "--format",
            "sigs-yaml",
            "--include-private",
            "--out",
            out,
        ],
    );
    assert!(output.status.success(), "{}", stdout(&output));

    let second = TestDatabase::create(backend).await;
    let output = import(&second.url, &exported, &["--strict"]);
    assert!(
        output.status.success(),
        "the export reads back without a warning: {}",
        stdout(&output)
    );
    let (a, b) = (
        snapshot(&first.open().await).await,
        snapshot(&second.open().await).await,
    );
    assert!(a.len() > 500, "{} rows", a.len());
    // The fields beyond a group's page are stored, not dropped.
    for stored in [
        "|api-machinery|",
        "Google",
        "Sascha Grunert",
        "Multicluster\nNetwork",
        "Janet Kuo",
    ] {
        assert!(
            a.iter().any(|row| row.contains(stored)),
            "{stored} is stored"
        );
    }
    let differences: Vec<_> = a.iter().zip(&b).filter(|(x, y)| x != y).take(5).collect();
    assert_eq!(a.len(), b.len());
    assert!(differences.is_empty(), "{differences:#?}");

    // The export read into the first database changes nothing there.
    let output = import(&first.url, &exported, &[]);
    assert!(
        stdout(&output).contains(" 0 created, 0 updated,"),
        "{}",
        stdout(&output)
    );

    // Without --include-private, no address from the file is written.
    let public = server(&first.url, &["export", "--format", "sigs-yaml"]);
    let text = String::from_utf8_lossy(&public.stdout).to_lowercase();
    assert!(text.contains("api machinery"));
    let emails = count_file(&kubernetes_file()).emails;
    assert!(emails.iter().all(|email| !text.contains(email.as_str())));
    let readmes = dir.path().join("readmes");
    let output = server(
        &first.url,
        &[
            "export",
            "--format",
            "readme",
            "--out",
            readmes.to_str().expect("path"),
        ],
    );
    assert!(output.status.success(), "{}", stdout(&output));
    let table = std::fs::read_to_string(readmes.join("README.md")).expect("table");
    assert!(
        table.contains("| [API Machinery](./sig-api-machinery/) |"),
        "{table}"
    );
    let page = std::fs::read_to_string(readmes.join("sig-api-machinery/README.md")).expect("page");
    assert!(
        page.contains("## Meetings") && page.contains("## Subprojects"),
        "{page}"
    );
    for email in &emails {
        assert!(
            !table.to_lowercase().contains(email.as_str())
                && !page.to_lowercase().contains(email.as_str())
        );
    }
}

async fn no_lead_email_appears_on_any_page_or_api_answer(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let output = import(&app.database.url, &kubernetes_file(), &[]);
    assert!(output.status.success(), "{}", stdout(&output));
    let emails = count_file(&kubernetes_file()).emails;
    assert!(emails.len() > 100, "{} addresses in the file", emails.len());
    let db = app.database.open().await;
    let slugs: Vec<String> = sqlx::query_scalar("SELECT slug FROM sigs ORDER BY slug")
        .fetch_all(&db.pool)
        .await
        .expect("slugs");
    let mut paths: Vec<String> = [
        "/",
        "/sigs",
        "/roadmap",
        "/join",
        "/meetings.ics",
        "/sitemap.xml",
        "/api/v1/sigs",
        "/api/v1/people",
        "/api/v1/meetings",
        "/api/v1/roadmap",
        "/roadmap.atom",
    ]
    .map(str::to_owned)
    .to_vec();
    for slug in &slugs {
        for page in ["", "/meetings", "/roadmap", "/meetings.ics"] {
            paths.push(format!("/sigs/{slug}{page}"));
        }
        paths.push(format!("/api/v1/sigs/{slug}"));
    }
    // Search: by the words of every address, and by the signs they share.
    let mut queries: BTreeSet<String> = ["@", ".com", "gmail", "kubernetes", "sig", "lead"]
        .map(str::to_owned)
        .into();
    for email in &emails {
        queries.extend(email.split(['@', '.']).map(str::to_owned));
        queries.insert(email.clone());
    }
    paths.extend(
        queries
            .iter()
            .filter(|query| query.len() > 1)
            .map(|query| format!("/search?q={}", query.replace('+', "%2B"))),
    );
    for path in &paths {
        let page = app.visit(path).await;
        assert!(page.status.is_success(), "{path}: {}", page.status);
        let mut body = page.body.to_lowercase();
        if path.starts_with("/search") {
            // The results, without the query the page repeats back.
            let summary = body
                .find("id=\"search-summary\"")
                .expect("the result count");
            let results_start = summary + body[summary..].find("</p>").expect("its end");
            body = body[results_start..].to_owned();
        }
        if let Some(email) = emails.iter().find(|email| body.contains(email.as_str())) {
            panic!("{path} shows {email}");
        }
    }
    assert!(app
        .visit("/sigs/api-machinery")
        .await
        .body
        .contains("David Eads"));
}

async fn bad_files_exit_non_zero_and_change_nothing(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let output = import(&database.url, &kubernetes_file(), &[]);
    assert!(output.status.success());
    let db = database.open().await;
    let before = snapshot(&db).await;
    let dir = tempfile::tempdir().expect("temporary directory");
    let cases = [
        ("sigs:\n  - name: Storage\n    dir: [unclosed\n", "line 3"),
        ("sigs:\n  name: Storage\n", "sigs: expected a list, found a map"),
        ("sigs:\n  - dir: sig-nameless\n    mission_statement: x\n", "sigs[0]: a group without a name"),
        (
            "sigs:\n  - dir: sig-storage\n    name: Storage\n  - dir: sig-storage\n    name: Storage 2\n",
            "sigs[1]: duplicate group “storage” (also at sigs[0])",
        ),
    ];
    for (index, (text, message)) in cases.iter().enumerate() {
        let file = dir.path().join(format!("bad-{index}.yaml"));
        std::fs::write(&file, text).expect("write");
        let output = import(&database.url, &file, &[]);
        assert!(!output.status.success(), "case {index} is refused");
        assert!(
            stdout(&output).contains(message),
            "case {index}: {}",
            stdout(&output)
        );
    }
    // Unknown keys are warnings with their path; the import goes on. A dry
    // run reports the change and keeps nothing.
    let file = dir.path().join("extra.yaml");
    std::fs::write(
        &file,
        "sigs:\n  - dir: sig-new\n    name: New\n    colour: blue\nextras: 1\n",
    )
    .expect("write");
    let output = import(&database.url, &file, &["--dry-run"]);
    let printed = stdout(&output);
    assert!(output.status.success(), "{printed}");
    assert!(
        printed.contains("warning: sigs[0].colour: unknown key “colour” ignored"),
        "{printed}"
    );
    assert!(
        printed.contains("warning: extras: unknown key “extras” ignored"),
        "{printed}"
    );
    assert!(
        printed.contains("created SIG new") && printed.contains("dry run: nothing was changed")
    );
    assert_eq!(snapshot(&db).await, before, "nothing changed");
    let strict = import(&database.url, &file, &["--strict"]);
    assert!(!strict.status.success());
    assert_eq!(snapshot(&db).await, before, "nothing changed");
    let applied = import(&database.url, &file, &[]);
    assert!(applied.status.success());
    assert_eq!(count(&db, "sigs").await, 36);
}
