//! The admins' import page: upload a file (larger than any form may be),
//! see the dry run, apply it once. Nobody else may; bad files are refused
//! with a message and change nothing.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{count, roles, Backend, Page, TestApp};

on_both_databases!(
    an_admin_previews_then_applies_the_kubernetes_file,
    only_admins_may_upload_and_bad_uploads_change_nothing,
);

const BOUNDARY: &str = "sigpost-test-boundary";

fn multipart(file_name: &str, content: &[u8], format: &str) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n{format}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(app: &TestApp, session: Option<&str>, body: Vec<u8>) -> Page {
    upload_as(app, session, body, "*/*").await
}

/// Uploads as a client that accepts `accept` (a browser sends `text/html`).
async fn upload_as(app: &TestApp, session: Option<&str>, body: Vec<u8>, accept: &str) -> Page {
    let mut request = app
        .client
        .post(format!("http://{}/admin/import/upload", app.addr))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("accept", accept)
        .body(body);
    if let Some(token) = session {
        request = request.header("cookie", format!("sigpost_session={token}"));
    }
    Page::from_response(request.send().await.expect("the server answers")).await
}

async fn apply(app: &TestApp, session: &str, location: &str) -> Page {
    let request = app
        .client
        .post(format!("http://{}{location}/apply", app.addr))
        .header("cookie", format!("sigpost_session={session}"));
    Page::from_response(request.send().await.expect("the server answers")).await
}

fn kubernetes_file() -> Vec<u8> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/kubernetes-sigs.yaml");
    std::fs::read(path).expect("the Kubernetes file")
}

async fn an_admin_previews_then_applies_the_kubernetes_file(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = crate::support::admin_session(&app).await;
    let db = app.database.open().await;
    let before = count(&db, "sigs").await;

    let uploaded = upload(
        &app,
        Some(&admin),
        multipart("sigs.yaml", &kubernetes_file(), "sigs-yaml"),
    )
    .await;
    assert_eq!(uploaded.status, StatusCode::SEE_OTHER, "{}", uploaded.body);
    let location = uploaded.headers["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(location.starts_with("/admin/import/"), "{location}");
    assert_eq!(
        count(&db, "sigs").await,
        before,
        "a dry run changes nothing"
    );

    let preview = app.visit_as(&location, &admin).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(
        preview.body.contains("Dry run: applying it would create"),
        "{}",
        preview.body
    );
    assert!(preview.body.contains("SIG api-machinery"));
    assert!(
        preview.body.contains("meeting left out"),
        "warnings are listed with their path"
    );
    assert!(preview.body.contains("Apply this import"));
    let listed = app.visit_as("/admin/import", &admin).await;
    assert!(listed.body.contains("sigs.yaml") && listed.body.contains("dry run"));

    let applied = apply(&app, &admin, &location).await;
    assert_eq!(applied.status, StatusCode::SEE_OTHER);
    let after = count(&db, "sigs").await;
    assert!(after > before + 20, "{before} → {after}");
    let page = app.visit_as(&location, &admin).await;
    assert!(page.body.contains("Applied "), "{}", page.body);
    assert!(!page.body.contains("Apply this import"));
    // Applying twice does nothing more.
    let again = apply(&app, &admin, &location).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(count(&db, "sigs").await, after);
    assert!(app
        .visit("/sigs/api-machinery")
        .await
        .body
        .contains("Subprojects"));
}

async fn only_admins_may_upload_and_bad_uploads_change_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let people = roles(&app).await;
    let db = app.database.open().await;
    let before = count(&db, "sigs").await;
    let file = || multipart("sigs.yaml", b"sigs:\n  - name: New\n", "sigs-yaml");

    assert_eq!(
        upload(&app, None, file()).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        upload(&app, Some(&people.member), file()).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        upload(&app, Some(&people.lead), file()).await.status,
        StatusCode::FORBIDDEN
    );
    let preview = app.visit_as("/admin/import/1", &people.lead).await;
    assert!(!preview.body.contains("sigs.yaml"), "a lead sees no upload");

    let admin = &people.admin;
    for (body, message) in [
        (multipart("a.yaml", b"", "sigs-yaml"), "Choose a file"),
        (
            multipart("a.yaml", &[0xff, 0xfe, b'a'], "sigs-yaml"),
            "not UTF-8",
        ),
        (
            multipart("a.yaml", b"sigs: []\n", "csv"),
            "Choose sigs.yaml",
        ),
        (b"not a multipart body".to_vec(), ""),
    ] {
        let page = upload(&app, Some(admin), body).await;
        assert!(page.status.is_client_error(), "{message}: {}", page.status);
        assert!(page.body.contains(message), "{}", page.body);
    }
    // A browser is sent back to the form, which says what to fix and keeps
    // the chosen format; the address carries a code, never free text.
    let refused = upload_as(
        &app,
        Some(admin),
        multipart("a.md", &[0xff, 0xfe, b'a'], "kubesphere-md"),
        "text/html,application/xhtml+xml",
    )
    .await;
    assert_eq!(refused.status, StatusCode::SEE_OTHER);
    assert_eq!(
        refused.headers["location"],
        "/admin/import?problem=not-text&format=kubesphere-md"
    );
    let form = app
        .visit_as("/admin/import?problem=not-text&format=kubesphere-md", admin)
        .await
        .body;
    assert!(form.contains("id=\"error-summary\""), "{form}");
    assert!(form.contains("The file is not UTF-8 text"), "{form}");
    assert!(
        form.contains("<option value=\"kubesphere-md\" selected"),
        "the format stays chosen: {form}"
    );
    let forged = app
        .visit_as("/admin/import?problem=%3Cscript%3E&format=%22%3E", admin)
        .await
        .body;
    assert!(!forged.contains("error-summary") && !forged.contains("<script>"));
    let huge = multipart("a.yaml", &vec![b'#'; 5 * 1024 * 1024], "sigs-yaml");
    assert_eq!(
        upload(&app, Some(admin), huge).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );

    // A file with a syntax error: its problems shown, nothing to apply.
    let bad = upload(
        &app,
        Some(admin),
        multipart("bad.yaml", b"sigs:\n  - name: [x\n", "sigs-yaml"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::SEE_OTHER);
    let location = bad.headers["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let page = app.visit_as(&location, admin).await;
    assert!(
        page.body.contains("cannot be imported") && page.body.contains("line"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Apply this import"));
    assert_eq!(
        apply(&app, admin, &location).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(count(&db, "sigs").await, before, "nothing changed");
    // From another site, refused like every write.
    let foreign = app
        .client
        .post(format!("http://{}/admin/import/upload", app.addr))
        .header("origin", "https://elsewhere.example")
        .header("cookie", format!("sigpost_session={admin}"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(file())
        .send()
        .await
        .expect("answer");
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
}
