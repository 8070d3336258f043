//! Who may change what: every mutating endpoint against every role.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{admin_session, roles, session_cookie, Backend, TestApp, STRONG_PASSWORD};

on_both_databases!(
    permission_matrix_holds_for_every_mutating_endpoint,
    an_invited_lead_edits_their_sig,
    an_admin_form_post_comes_back_saying_what_it_did
);

/// Expected answers, in the order anonymous, member, lead of the SIG,
/// emeritus lead, admin, for calls only admins may make.
const ADMIN_ONLY: [StatusCode; 5] = [
    StatusCode::UNAUTHORIZED,
    StatusCode::FORBIDDEN,
    StatusCode::FORBIDDEN,
    StatusCode::FORBIDDEN,
    StatusCode::OK,
];

async fn permission_matrix_holds_for_every_mutating_endpoint(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    // Someone for the admins to appoint, so the member stays a member.
    app.member("Other", "other@example.org").await;
    let edit_storage = |text: &'static str| -> Vec<(&'static str, &'static str)> {
        vec![("form[slug]", "storage"), ("form[description]", text)]
    };
    type Fields = Vec<(&'static str, &'static str)>;
    // (endpoint, fields, anonymous, member, lead of storage, emeritus, admin)
    let cases: Vec<(&str, Fields, [StatusCode; 5])> = vec![
        (
            "update_sig",
            edit_storage("by someone"),
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
            ],
        ),
        (
            "update_sig",
            vec![
                ("form[slug]", "network"),
                ("form[description]", "not yours"),
            ],
            ADMIN_ONLY,
        ),
        (
            "create_sig",
            vec![
                ("form[slug]", "new-group"),
                ("form[name]", "New group"),
                ("form[kind]", "working_group"),
            ],
            ADMIN_ONLY,
        ),
        (
            "rename_sig",
            vec![
                ("form[slug]", "docs"),
                ("form[name]", "Documentation"),
                ("form[kind]", "working_group"),
            ],
            ADMIN_ONLY,
        ),
        (
            "set_sig_archived",
            vec![("slug", "testing"), ("archived", "true")],
            ADMIN_ONLY,
        ),
        (
            "appoint_lead",
            vec![
                ("form[slug]", "docs"),
                ("form[display_name]", "X"),
                ("form[email]", "x@example.org"),
                ("form[role]", "chair"),
            ],
            ADMIN_ONLY,
        ),
        (
            "update_guidance",
            vec![
                ("form[slug]", "be-open"),
                ("form[title]", "Be Open"),
                ("form[markdown]", "Changed."),
            ],
            ADMIN_ONLY,
        ),
        (
            "appoint_admin",
            vec![("email", "other@example.org")],
            ADMIN_ONLY,
        ),
    ];
    for (endpoint, fields, expected) in cases {
        let sessions = [
            None,
            Some(&roles.member),
            Some(&roles.lead),
            Some(&roles.emeritus),
            Some(&roles.admin),
        ];
        for (who, (session, status)) in ["anonymous", "member", "lead", "emeritus", "admin"]
            .iter()
            .zip(sessions.into_iter().zip(expected))
        {
            let page = app
                .call(endpoint, &fields, session.map(String::as_str))
                .await;
            assert_eq!(
                page.status, status,
                "{endpoint} {fields:?} as {who}: {}",
                page.body
            );
        }
    }
    // Removing a lead: refused for all but the admin, and the admin's removal sticks.
    let db = app.database.open().await;
    let lead_id: i64 =
        sqlx::query_scalar("SELECT id FROM people WHERE email_key = 'lead@example.org'")
            .fetch_one(&db.pool)
            .await
            .expect("lead id");
    let id = lead_id.to_string();
    let fields = [("slug", "storage"), ("person_id", id.as_str())];
    assert_eq!(
        app.call("remove_lead", &fields, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    for session in [&roles.member, &roles.lead, &roles.emeritus] {
        assert_eq!(
            app.call("remove_lead", &fields, Some(session)).await.status,
            StatusCode::FORBIDDEN
        );
    }
    assert_eq!(
        app.call("remove_lead", &fields, Some(&roles.admin))
            .await
            .status,
        StatusCode::OK
    );
    let after = app
        .call(
            "update_sig",
            &[("form[slug]", "storage"), ("form[description]", "late")],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(
        after.status,
        StatusCode::FORBIDDEN,
        "a removed lead loses their rights"
    );

    // Only the allowed writes happened.
    let storage = app.visit("/sigs/storage").await;
    assert!(storage.body.contains("by someone"));
    assert!(!storage.body.contains("late"));
    let network = app.visit("/sigs/network").await;
    assert!(network.body.contains("not yours"), "the admin's edit");
    assert!(
        !app.visit("/sigs")
            .await
            .body
            .contains("href=\"/sigs/testing\""),
        "archived"
    );
    let docs = app.visit("/sigs/docs").await;
    assert!(
        docs.body.contains("<h1>Documentation</h1>"),
        "renamed by the admin"
    );
    assert!(
        docs.body.contains("Working group"),
        "kind changed by the admin"
    );
    for page in [storage, network] {
        assert!(!page.body.to_lowercase().contains("syntax error"));
    }
}

async fn an_invited_lead_edits_their_sig(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = admin_session(&app).await;
    // An imported lead (Yonghong Shi, no account) is invited by GitHub handle.
    let appointed = app
        .call(
            "appoint_lead",
            &[
                ("form[slug]", "storage"),
                ("form[display_name]", "Yonghong Shi"),
                ("form[email]", "yonghong@example.org"),
                ("form[github_handle]", "stoneshi-yunify"),
                ("form[role]", "chair"),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(appointed.status, StatusCode::OK, "{}", appointed.body);
    let token = app
        .link_token("yonghong@example.org", "/account/invitation")
        .await;
    let accepted = app
        .call(
            "accept_invitation",
            &[("form[token]", &token), ("form[password]", STRONG_PASSWORD)],
            None,
        )
        .await;
    let lead = session_cookie(&accepted).expect("signed in");
    let db = app.database.open().await;
    let profiles: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE github_key = 'stoneshi-yunify'")
            .fetch_one(&db.pool)
            .await
            .expect("count");
    assert_eq!(profiles, 1, "the invitation took over the imported profile");

    let page = app.visit_as("/sigs/storage", &lead).await;
    assert!(page.body.contains("Edit this page"));
    let bad = app
        .call(
            "update_sig",
            &[
                ("form[slug]", "storage"),
                ("form[chat_url]", "javascript:alert(1)"),
            ],
            Some(&lead),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let saved = app
        .call(
            "update_sig",
            &[
                ("form[slug]", "storage"),
                ("form[description]", "CSI plugins and snapshots"),
                (
                    "form[mission]",
                    "We own **storage**.\n\n<script>alert(1)</script>",
                ),
                ("form[chat_label]", "#sig-storage"),
                (
                    "form[chat_url]",
                    "https://kubesphere.slack.com/messages/sig-storage",
                ),
                ("form[recordings_url]", "https://example.org/playlist"),
            ],
            Some(&lead),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(saved.headers["location"], "/sigs/storage");
    let page = app.visit("/sigs/storage").await;
    assert!(page.body.contains("CSI plugins and snapshots"));
    assert!(page.body.contains("<strong>storage</strong>"));
    assert!(
        !page.body.contains("<script>alert(1)"),
        "mission markdown is sanitised"
    );
    assert!(page.body.contains("href=\"https://example.org/playlist\""));
    let reused = app
        .call(
            "accept_invitation",
            &[("form[token]", &token), ("form[password]", STRONG_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(
        reused.status,
        StatusCode::BAD_REQUEST,
        "an invitation works once"
    );
}

/// Admin forms are plain posts: the browser is sent back to the page, which
/// says what was done (the notice used to need the form's script).
async fn an_admin_form_post_comes_back_saying_what_it_did(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = admin_session(&app).await;
    let cookie = format!("sigpost_session={admin}");
    let browser = [("accept", "text/html"), ("cookie", cookie.as_str())];
    let cases = [
        (
            "appoint_lead",
            "form%5Bslug%5D=storage&form%5Bdisplay_name%5D=Ada&form%5Bemail%5D=ada%40example.org&form%5Bgithub_handle%5D=&form%5Brole%5D=chair",
            "/admin/sigs/storage?done=appointed",
            "Appointed.",
        ),
        (
            "rename_sig",
            "form%5Bslug%5D=storage&form%5Bname%5D=Storage+and+Volumes&form%5Bkind%5D=sig",
            "/admin/sigs/storage?done=renamed",
            "Saved.",
        ),
        (
            "set_sig_archived",
            "slug=storage&archived=true",
            "/admin/sigs/storage?done=archived",
            "Archived: the group has left the directory.",
        ),
        (
            "set_sig_archived",
            "slug=storage&archived=false",
            "/admin/sigs/storage?done=restored",
            "Active again",
        ),
    ];
    for (function, body, location, notice) in cases {
        let posted = app.post(&format!("/api/{function}"), &browser, body).await;
        assert_eq!(
            posted.status,
            StatusCode::FOUND,
            "{function}: {}",
            posted.body
        );
        assert_eq!(posted.headers["location"], location, "{function}");
        let page = app.visit_as(location, &admin).await;
        assert!(page.body.contains(notice), "{function}: {notice}");
        let plain = app.visit_as("/admin/sigs/storage", &admin).await;
        assert!(
            !plain.body.contains(notice),
            "{function}: only after the post"
        );
    }
    app.member("Bea", "bea@example.org").await;
    let posted = app
        .post("/api/appoint_admin", &browser, "email=bea%40example.org")
        .await;
    assert_eq!(posted.headers["location"], "/admin?done=admin");
    let page = app.visit_as("/admin?done=admin", &admin).await;
    assert!(page.body.contains("Done: they are an administrator now."));
}
