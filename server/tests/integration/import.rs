//! `server import`: idempotent, transactional, and precise about bad input.

use crate::on_both_databases;
use crate::support::{
    count, main_content, run_import, seed_path, write_temp_file, Backend, TestApp, TestDatabase,
};

on_both_databases!(
    importing_the_seed_creates_everything_once,
    reimporting_a_changed_file_updates_by_slug,
    bad_files_exit_non_zero_naming_the_line_and_change_nothing,
    imported_text_is_escaped_on_pages,
);

async fn importing_the_seed_creates_everything_once(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let first = run_import(&database.url, &seed_path());
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(
        first.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        stdout.contains("import done: 28 created, 0 updated, 0 unchanged"),
        "{stdout}"
    );
    assert!(stdout.contains("created SIG storage"));
    assert!(
        stdout.contains("repaired line"),
        "the mojibake repair is reported: {stdout}"
    );

    let again = run_import(&database.url, &seed_path());
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(again.status.success());
    assert!(
        stdout.contains("import done: 0 created, 0 updated, 28 unchanged"),
        "{stdout}"
    );

    let db = database.open().await;
    assert_eq!(count(&db, "sigs").await, 19);
    assert_eq!(count(&db, "people").await, 14);
    assert_eq!(count(&db, "leaderships").await, 21);
    assert_eq!(count(&db, "channels").await, 5);
    assert_eq!(count(&db, "pages").await, 4);
}

async fn reimporting_a_changed_file_updates_by_slug(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let seed = std::fs::read_to_string(seed_path()).expect("seed");
    let changed = seed
        .replace("| CSI plugins |", "| CSI plugins and volume snapshots |")
        .replace("[Yonghong Shi](https://github.com/stoneshi-yunify)", "[Yonghong Shi](https://github.com/stoneshi-yunify), [Ada Lovelace](https://github.com/ada)");
    let (_dir, file) = write_temp_file(&changed);
    let output = app.import_file(&file);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("updated SIG storage"), "{stdout}");
    assert!(
        stdout.contains("import done: 0 created, 1 updated, 27 unchanged"),
        "{stdout}"
    );

    let page = app.visit("/sigs/storage").await;
    assert!(page.body.contains("CSI plugins and volume snapshots"));
    assert!(page.body.contains("href=\"https://github.com/ada\""));
    let db = app.database.open().await;
    assert_eq!(count(&db, "sigs").await, 19, "no duplicate SIG");
    assert_eq!(
        count(&db, "people").await,
        15,
        "one new person, nobody duplicated"
    );
}

async fn bad_files_exit_non_zero_naming_the_line_and_change_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let seed = std::fs::read_to_string(seed_path()).expect("seed");
    let row_without_name = seed.replace("| [Apps](./sig-apps/) |", "|  |");
    let without_lead_column = seed.replace("| Group | Lead |", "| Group | Person |");
    let cases = [
        (
            "no table",
            "# SIGs\n\nNothing here yet.\n".to_owned(),
            "no SIG table found",
        ),
        (
            "no lead column",
            without_lead_column,
            "line 35: the SIG table has no \"Lead\" column",
        ),
        (
            "row without a name",
            row_without_name,
            "line 38: the row has no group name",
        ),
    ];
    let before = main_content(&app.visit("/sigs/apps").await.body);
    for (case, content, message) in cases {
        let (_dir, file) = write_temp_file(&content);
        let output = app.import_file(&file);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{case}: must fail");
        assert!(
            stderr.contains(message),
            "{case}: {stderr:?} should contain {message:?}"
        );
    }
    let missing = app.import_file(std::path::Path::new("/no/such/file.md"));
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /no/such/file.md"));

    let (_dir, binary) = write_temp_file("");
    std::fs::write(&binary, b"| Group | Lead |\n|--|--|\n| \xff\xfe | x |\n").expect("write");
    let not_utf8 = app.import_file(&binary);
    assert!(String::from_utf8_lossy(&not_utf8.stderr).contains("is not UTF-8 text"));

    let db = app.database.open().await;
    assert_eq!(count(&db, "sigs").await, 19);
    assert_eq!(
        main_content(&app.visit("/sigs/apps").await.body),
        before,
        "nothing was written"
    );
}

async fn imported_text_is_escaped_on_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_dir, file) = write_temp_file(
        "| Group | Lead | Description |\n|---|---|---|\n| [Evil](./sig-evil) | [<b>x</b>](https://github.com/x) | <script>alert(1)</script> <img src=x onerror=alert(2)> |\n",
    );
    let output = app.import_file(&file);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page = app.visit("/sigs/evil").await;
    assert_eq!(page.status, reqwest::StatusCode::OK);
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(!page.body.contains("<img src=x"));
}
