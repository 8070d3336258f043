//! The site as the corpus tests see it: a server with an admin, a lead and
//! a request waiting for them, and every form that takes text, found by
//! crawling the site as each of them and as a visitor.

use std::collections::BTreeSet;

use reqwest::StatusCode;

use super::browse::{crawl, forms, Fetched, Form};
use super::{admin_session, invited_lead, Backend, TestApp};

/// Every form that takes text, by where it posts. A form the crawl finds that
/// is not listed fails the test: add it here once its fields are safe.
pub const FORMS_WITH_TEXT: &[&str] = &[
    "/api/update_sig",
    "/api/create_sig",
    "/api/rename_sig",
    "/api/appoint_lead",
    "/api/update_guidance",
    "/api/appoint_admin",
    "/api/save_roadmap_item",
    "/api/save_meeting_series",
    "/api/save_meeting_record",
    "/api/sign_up",
    "/api/sign_in",
    "/api/forgot_password",
    "/api/join_sigs",
    "/api/decide_join_request",
    "/api/save_report",
    "/api/change_meeting",
    "/api/save_mail_preferences",
];

/// The forms with text fields a crawl found, once per action and page kind.
fn text_forms(pages: &[Fetched]) -> Vec<Form> {
    let mut seen = BTreeSet::new();
    pages
        .iter()
        .filter(|page| page.content_type.starts_with("text/html"))
        .flat_map(|page| forms(&page.path, &page.body))
        .filter(|form| {
            form.action.starts_with("/api/") && form.fields.iter().any(|f| f.takes_text())
        })
        // One "new" and one "edit" form per action is enough.
        .filter(|form| {
            let edit = form.fields.iter().any(|f| {
                f.name.ends_with("[id]") && f.value.as_deref().is_some_and(|v| !v.is_empty())
            });
            seen.insert((form.action.clone(), edit))
        })
        .collect()
}

pub struct Corpus {
    pub app: TestApp,
    pub admin: String,
    pub lead: String,
}

/// A server with an admin, a lead of `storage` and a request waiting for them.
pub async fn corpus(backend: Backend) -> Corpus {
    let app = TestApp::spawn_behind_proxy(backend).await;
    let admin = admin_session(&app).await;
    let lead = invited_lead(&app, &admin, "storage", "lead@example.org", "chair").await;
    // A confirmed request to join a SIG that needs approval, so the lead's
    // decision form (with its message field) shows.
    let policy = app
        .call(
            "update_sig",
            &[("form[slug]", "storage"), ("form[join_policy]", "approval")],
            Some(&lead),
        )
        .await;
    assert_eq!(policy.status, StatusCode::OK, "{}", policy.body);
    let asked = app
        .call(
            "join_sigs",
            &[
                ("form[display_name]", "Pending Person"),
                ("form[email]", "pending@example.org"),
                ("form[sigs][storage]", "on"),
                ("form[interest]", "x"),
                ("form[github_handle]", ""),
                ("form[website]", ""),
            ],
            None,
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    let token = app.link_token("pending@example.org", "/join/confirm").await;
    let confirmed = app.call("confirm_join", &[("token", &token)], None).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
    Corpus { app, admin, lead }
}

/// The forms every role sees: the admin's, the lead's and a visitor's.
pub async fn every_text_form(corpus: &Corpus) -> Vec<(Form, Option<String>)> {
    let starts = [
        "/",
        "/admin",
        "/sigs/storage",
        "/sigs/storage/roadmap",
        "/sigs/storage/meetings",
        "/sigs/storage/members",
        "/join?sig=storage",
        "/account/sign-up",
        "/account/sign-in",
        "/account/forgot-password",
    ];
    let mut found = Vec::new();
    for session in [
        Some(corpus.admin.as_str()),
        Some(corpus.lead.as_str()),
        None,
    ] {
        let pages = crawl(&corpus.app, session, &starts, 250).await;
        found.extend(
            text_forms(&pages)
                .into_iter()
                .map(|form| (form, session.map(str::to_owned))),
        );
    }
    found
}
