//! The sync with a community repository, against a real bare repository
//! the test makes and reaches over the file protocol: a site edit becomes
//! one commit by its editor with a diff of just that change, a commit to the
//! repository becomes the site, a conflict waits for an admin with both
//! sides kept, groups a commit drops are archived only when an admin says
//! so, and the webhook wakes the sync only when it is signed.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use server::config::Secret;
use server::git_sync::config::GitSyncArgs;
use sha2::Sha256;
use tempfile::TempDir;

use crate::on_both_databases;

mod ssh;
use crate::support::{admin_session, roles, Backend, TestApp};

on_both_databases!(a_lead_edit_becomes_one_commit_by_the_lead,);

const HOOK_SECRET: &str = "a-shared-webhook-secret";

/// A bare repository on disk and the sync's own folder beside it.
struct Remote {
    dir: TempDir,
}

impl Remote {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        git(
            dir.path(),
            &[
                "init",
                "--quiet",
                "--bare",
                "--initial-branch=main",
                "remote.git",
            ],
        );
        Remote { dir }
    }

    fn url(&self) -> String {
        format!("file://{}", self.dir.path().join("remote.git").display())
    }

    fn args(&self) -> GitSyncArgs {
        GitSyncArgs {
            git_remote: Some(self.url()),
            git_webhook_secret: Some(Secret(HOOK_SECRET.to_owned())),
            // Only site edits and the webhook start a sync in these tests.
            git_pull_seconds: 3600,
            git_workdir: self.dir.path().join("sync"),
            ..GitSyncArgs::default()
        }
    }

    /// `git` in the bare repository.
    fn git(&self, args: &[&str]) -> String {
        git(&self.dir.path().join("remote.git"), args)
    }

    fn commits(&self) -> usize {
        if self.git(&["branch", "--list", "main"]).trim().is_empty() {
            return 0;
        }
        self.git(&["rev-list", "--count", "main"])
            .trim()
            .parse()
            .expect("a count")
    }

    /// A contributor's clone, changed by `change` to sigs.yaml and pushed.
    fn push_change(&self, change: impl FnOnce(String) -> String) -> String {
        let clone = tempfile::tempdir().expect("temp dir");
        git(clone.path(), &["clone", "--quiet", &self.url(), "work"]);
        let work = clone.path().join("work");
        let file = work.join("sigs.yaml");
        let text = std::fs::read_to_string(&file).expect("sigs.yaml in the repository");
        std::fs::write(&file, change(text)).expect("write sigs.yaml");
        git(
            &work,
            &["commit", "--quiet", "-am", "A contributor's change"],
        );
        git(&work, &["push", "--quiet", "origin", "main"]);
        git(&work, &["rev-parse", "HEAD"]).trim().to_owned()
    }
}

fn git(dir: &Path, args: &[&str]) -> String {
    std::fs::create_dir_all(dir).expect("folder");
    let output = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Contributor")
        .env("GIT_AUTHOR_EMAIL", "contributor@example.org")
        .env("GIT_COMMITTER_NAME", "Contributor")
        .env("GIT_COMMITTER_EMAIL", "contributor@example.org")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

/// `text` (an exported sigs.yaml) with storage's description set to
/// `description`: its own line, in place or after the name.
fn with_storage_description(text: &str, description: &str) -> String {
    with_description(text, "sig-storage", description)
}

/// `text` with the description of the group in folder `dir` set.
fn with_description(text: &str, dir: &str, description: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|line| *line == format!("- dir: {dir}"))
        .expect("the group");
    let end = lines[start + 1..]
        .iter()
        .position(|line| line.starts_with("- ") || !line.starts_with(' '))
        .map_or(lines.len(), |offset| start + 1 + offset);
    let mut out: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
    let new_line = format!("  description: {description}");
    match (start..end).find(|&i| lines[i].starts_with("  description: ")) {
        Some(at) => out[at] = new_line,
        None => {
            let name = (start..end)
                .find(|&i| lines[i].starts_with("  name: "))
                .expect("a name");
            out.insert(name + 1, new_line);
        }
    }
    out.join("\n") + "\n"
}

/// `text` without the storage group.
fn without_storage(text: &str) -> String {
    let mut in_storage = false;
    text.lines()
        .filter(|line| {
            if line.starts_with("- ") || !line.starts_with(' ') {
                in_storage = *line == "- dir: sig-storage";
            }
            !in_storage
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Waits up to 30 seconds for `check`.
async fn eventually(what: &str, mut check: impl AsyncFnMut() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while !check().await {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting: {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the site has no edit left to commit and its first commit is out.
async fn settled(app: &TestApp, remote: &Remote) {
    let db = app.database.open().await;
    eventually("the site's edits are committed", async || {
        remote.commits() > 0
            && app::store::git_sync::waiting_edits(&db)
                .await
                .expect("edits")
                .is_empty()
    })
    .await;
    db.pool.close().await;
}

async fn open_hold(app: &TestApp) -> Option<app::models::git_sync::GitSyncHold> {
    let db = app.database.open().await;
    let hold = app::store::git_sync::open_hold(&db).await.expect("hold");
    db.pool.close().await;
    hold
}

/// Saves storage's page with only its description changed.
async fn edit_description(app: &TestApp, session: &str, description: &str) {
    edit_description_of(app, session, "storage", description).await;
}

/// Saves the page of group `slug` with only its description changed.
async fn edit_description_of(app: &TestApp, session: &str, slug: &str, description: &str) {
    let db = app.database.open().await;
    let form = app::store::sig_changes::edit_form(&db, slug)
        .await
        .expect("form")
        .expect("the group");
    db.pool.close().await;
    let fields = [
        ("form[slug]", slug),
        ("form[description]", description),
        ("form[mission]", form.mission.as_str()),
        ("form[chat_label]", form.chat_label.as_str()),
        ("form[chat_url]", form.chat_url.as_str()),
        ("form[mailing_list_url]", form.mailing_list_url.as_str()),
        ("form[meeting_notes_url]", form.meeting_notes_url.as_str()),
        ("form[recordings_url]", form.recordings_url.as_str()),
        ("form[join_policy]", form.join_policy.as_str()),
    ];
    let saved = app.call("update_sig", &fields, Some(session)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
}

async fn call_hook(app: &TestApp, signature: Option<String>) -> StatusCode {
    let body = r#"{"ref":"refs/heads/main"}"#;
    let mut request = app
        .client
        .post(format!("http://{}/hooks/git", app.addr))
        .header("content-type", "application/json")
        .body(body);
    if let Some(signature) = signature {
        request = request.header("x-hub-signature-256", signature);
    }
    request.send().await.expect("an answer").status()
}

fn signature(secret: &str, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(body.as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

async fn a_lead_edit_becomes_one_commit_by_the_lead(backend: Backend) {
    let remote = Remote::new();
    let app = TestApp::spawn_syncing(backend, remote.args()).await;
    let roles = roles(&app).await;
    settled(&app, &remote).await;
    let before = remote.commits();
    let old = remote.git(&["show", "main:sigs.yaml"]);
    assert!(old.contains("- dir: sig-storage\n"), "{old}");

    edit_description(
        &app,
        &roles.lead,
        "Volumes, snapshots and CSI drivers for KubeSphere.",
    )
    .await;
    eventually("the lead's edit is pushed", async || {
        remote.commits() > before
    })
    .await;
    // One commit, not one per look.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(remote.commits(), before + 1);

    let people = remote.git(&["log", "-1", "--format=%an|%ae|%cn|%s", "main"]);
    let [author, email, committer, subject] = people.trim().split('|').collect::<Vec<_>>()[..]
    else {
        panic!("{people}")
    };
    assert_eq!(author, "New Lead");
    assert!(
        email.starts_with("person-") && email.ends_with("@127.0.0.1"),
        "{email}: never their private address"
    );
    assert_eq!(committer, "Test Community");
    assert_eq!(subject, "storage: details edited");
    let numstat = remote.git(&["diff", "--numstat", "main~1", "main"]);
    // One line in, at most one out: the description, nothing else.
    assert!(
        ["1\t1\tsigs.yaml", "1\t0\tsigs.yaml"].contains(&numstat.trim()),
        "just that change: {numstat}"
    );
    let diff = remote.git(&["diff", "-U0", "main~1", "main"]);
    assert!(
        diff.contains("+  description: Volumes, snapshots and CSI drivers for KubeSphere."),
        "{diff}"
    );
}

#[tokio::test]
async fn a_commit_to_the_repository_becomes_the_site() {
    let remote = Remote::new();
    let app = TestApp::spawn_syncing(Backend::Sqlite, remote.args()).await;
    settled(&app, &remote).await;
    let storage = app.visit("/sigs/storage").await.body;
    assert!(!storage.contains("Block and file storage, reviewed in git."));

    remote.push_change(|text| {
        with_storage_description(&text, "Block and file storage, reviewed in git.")
    });
    let body = r#"{"ref":"refs/heads/main"}"#;
    assert_eq!(
        call_hook(&app, Some(signature(HOOK_SECRET, body))).await,
        StatusCode::ACCEPTED
    );
    eventually("the site shows the repository's change", async || {
        app.visit("/sigs/storage")
            .await
            .body
            .contains("Block and file storage, reviewed in git.")
    })
    .await;
}

#[tokio::test]
async fn the_webhook_refuses_what_is_not_signed_with_its_secret() {
    let remote = Remote::new();
    let app = TestApp::spawn_syncing(Backend::Sqlite, remote.args()).await;
    let body = r#"{"ref":"refs/heads/main"}"#;
    assert_eq!(call_hook(&app, None).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        call_hook(&app, Some(signature("another-secret", body))).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call_hook(&app, Some("sha256=zz".to_owned())).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call_hook(&app, Some(signature(HOOK_SECRET, body))).await,
        StatusCode::ACCEPTED
    );

    let unsynced = TestApp::spawn(Backend::Sqlite).await;
    assert_eq!(
        call_hook(&unsynced, Some(signature(HOOK_SECRET, body))).await,
        StatusCode::NOT_FOUND,
        "no sync, no webhook"
    );
}

#[tokio::test]
async fn a_conflict_waits_for_an_admin_and_loses_nothing() {
    let remote = Remote::new();
    let app = TestApp::spawn_syncing(Backend::Sqlite, remote.args()).await;
    let admin = admin_session(&app).await;
    settled(&app, &remote).await;

    let pushed =
        remote.push_change(|text| with_storage_description(&text, "The repository's wording."));
    edit_description(&app, &admin, "The site's wording.").await;
    eventually("the conflict is held", async || {
        open_hold(&app).await.is_some()
    })
    .await;

    let hold = open_hold(&app).await.expect("a hold");
    assert_eq!(hold.kind, "conflict");
    assert_eq!(
        remote.git(&["rev-parse", "main"]).trim(),
        pushed,
        "nothing pushed over the contributor"
    );
    assert!(
        app.visit("/sigs/storage")
            .await
            .body
            .contains("The site&#x27;s wording.")
            || app
                .visit("/sigs/storage")
                .await
                .body
                .contains("The site's wording.")
    );
    let page = app.visit_as("/admin", &admin).await.body;
    for shown in [
        "The site&#x27;s wording.",
        "The repository&#x27;s wording.",
        "&lt;&lt;&lt;&lt;&lt;&lt;&lt; site",
    ] {
        assert!(
            page.contains(shown) || page.contains(&shown.replace("&#x27;", "'")),
            "{shown} on the admins' page"
        );
    }

    let chosen = app
        .call(
            "choose_git_side",
            &[("hold", &hold.id.to_string()), ("side", "repository")],
            Some(&admin),
        )
        .await;
    assert_eq!(chosen.status, StatusCode::OK, "{}", chosen.body);
    eventually("the repository's side is applied", async || {
        let body = app.visit("/sigs/storage").await.body;
        body.contains("The repository&#x27;s wording.")
            || body.contains("The repository's wording.")
    })
    .await;
    assert!(open_hold(&app).await.is_none());
    let db = app.database.open().await;
    let kept: String = sqlx::query_scalar("SELECT site_text FROM git_sync_holds")
        .fetch_one(&db.pool)
        .await
        .expect("the hold stays on record");
    assert!(
        kept.contains("The site's wording."),
        "the site's side is kept"
    );
}

#[tokio::test]
async fn a_commit_dropping_a_group_waits_for_an_admin() {
    let remote = Remote::new();
    let app = TestApp::spawn_syncing(Backend::Sqlite, remote.args()).await;
    let admin = admin_session(&app).await;
    settled(&app, &remote).await;
    let before = remote.commits();

    remote.push_change(|text| without_storage(&text));
    let body = r#"{"ref":"refs/heads/main"}"#;
    call_hook(&app, Some(signature(HOOK_SECRET, body))).await;
    eventually("the deletion is held", async || {
        open_hold(&app).await.is_some()
    })
    .await;
    let hold = open_hold(&app).await.expect("a hold");
    assert_eq!(hold.kind, "deletions");
    assert_eq!(hold.archived_slugs(), ["storage"]);
    assert_eq!(
        app.visit("/sigs/storage").await.status,
        StatusCode::OK,
        "not archived yet"
    );

    let chosen = app
        .call(
            "choose_git_side",
            &[("hold", &hold.id.to_string()), ("side", "site")],
            Some(&admin),
        )
        .await;
    assert_eq!(chosen.status, StatusCode::OK, "{}", chosen.body);
    eventually("the site's group goes back to the repository", async || {
        remote.commits() == before + 2
            && remote
                .git(&["show", "main:sigs.yaml"])
                .contains("- dir: sig-storage\n")
    })
    .await;
    assert_eq!(app.visit("/sigs/storage").await.status, StatusCode::OK);
}

#[tokio::test]
async fn edits_of_different_groups_on_both_sides_merge() {
    let remote = Remote::new();
    let app = TestApp::spawn_syncing(Backend::Sqlite, remote.args()).await;
    let admin = admin_session(&app).await;
    settled(&app, &remote).await;

    let pushed = remote
        .push_change(|text| with_storage_description(&text, "Storage, as the repository says."));
    edit_description_of(
        &app,
        &admin,
        "advocacy-and-outreach",
        "Outreach, as the site says.",
    )
    .await;
    eventually("both changes are in the repository", async || {
        let file = remote.git(&["show", "main:sigs.yaml"]);
        file.contains("Storage, as the repository says.")
            && file.contains("Outreach, as the site says.")
    })
    .await;
    assert_eq!(
        remote.git(&["rev-parse", "main~1"]).trim(),
        pushed,
        "the site's commit follows the contributor's"
    );
    let storage = app.visit("/sigs/storage").await.body;
    assert!(
        storage.contains("Storage, as the repository says."),
        "the site has the repository's change"
    );
    assert!(open_hold(&app).await.is_none());
}
