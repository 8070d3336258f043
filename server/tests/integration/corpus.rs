//! A corpus of bad input against every server function and every page or
//! feed that reads the address: over-long, malformed UTF-8, NUL bytes, huge
//! numbers, SQL and script payloads, wrong content types. Anonymous and as an
//! admin (so checks past sign-in run too). Nothing may answer 5xx, and the
//! real binary's log may hold no panic and no error.

use std::time::Duration;

use reqwest::Client;

use crate::support::process::{admin_signed_in_on, ServerProcess};
use crate::support::{Backend, TestDatabase};

crate::on_both_databases!(bad_input_never_gets_a_server_error);

/// Every named server function.
const FUNCTIONS: &[&str] = &[
    "load_sig_edit",
    "update_sig",
    "create_sig",
    "rename_sig",
    "set_sig_archived",
    "load_leads",
    "appoint_lead",
    "remove_lead",
    "update_guidance",
    "load_guidance_edit",
    "appoint_admin",
    "accept_invitation",
    "load_admin_sigs",
    "can_edit_sig",
    "load_roadmap_board",
    "load_community_roadmap",
    "load_roadmap_item",
    "load_roadmap_editor",
    "save_roadmap_item",
    "change_roadmap_status",
    "reorder_roadmap_item",
    "delete_roadmap_item",
    "preview_markdown",
    "load_current_user",
    "sign_up",
    "confirm_email",
    "sign_in",
    "forgot_password",
    "reset_password",
    "load_join_page",
    "join_sigs",
    "confirm_join",
    "load_my_sigs",
    "leave_sig",
    "load_leave_link",
    "leave_by_link",
    "load_welcome",
    "load_roster",
    "decide_join_request",
    "load_sig_meetings",
    "load_upcoming_meetings",
    "sigs_meeting_in_hours",
    "load_series_editor",
    "save_meeting_series",
    "load_meeting_record",
    "load_record_editor",
    "save_meeting_record",
    "delete_meeting_entry",
    "load_calendar_link",
    "change_calendar_link",
    "load_import_previews",
    "load_import_preview",
];

/// The plain form posts (file uploads), with `P` for the payload.
const POSTS: &[&str] = &["/admin/import/upload", "/admin/import/P/apply"];

/// Every argument name the server functions read, flat and inside forms.
const FIELDS: &[&str] = &[
    "slug",
    "sig",
    "id",
    "version",
    "status",
    "direction",
    "what",
    "confirm",
    "token",
    "change",
    "markdown",
    "decision",
    "message",
    "person",
    "filter[sig]",
    "filter[status]",
    "filter[month]",
    "filter[owner]",
    "hours[tz]",
    "hours[from]",
    "hours[to]",
    "form[slug]",
    "form[sig]",
    "form[id]",
    "form[version]",
    "form[title]",
    "form[description]",
    "form[status]",
    "form[target_month]",
    "form[owner]",
    "form[link_url]",
    "form[exit_criterion]",
    "form[weekday]",
    "form[start_time]",
    "form[end_time]",
    "form[time_zone]",
    "form[cadence]",
    "form[week_of_month]",
    "form[starts_on]",
    "form[join_url]",
    "form[notes_url]",
    "form[recordings_url]",
    "form[held_on]",
    "form[agenda]",
    "form[notes]",
    "form[recording_url]",
    "form[email]",
    "form[password]",
    "form[display_name]",
    "form[github_handle]",
    "form[role]",
    "form[token]",
    "form[name]",
    "form[kind]",
    "form[interest]",
    "form[website]",
    "form[sigs][storage]",
    "form[body]",
    "form[mission]",
];

/// Payloads, already percent-encoded for a form body or a query string.
fn payloads() -> Vec<(&'static str, String)> {
    vec![
        ("empty", String::new()),
        // Longer than every field limit, while the whole body stays under the
        // 64 KiB request limit (bigger bodies get 413, tested in security).
        ("over-long", "x".repeat(1_000)),
        ("malformed UTF-8", "%FF%FE%C3%28".to_owned()),
        ("NUL bytes", "a%00b%00".to_owned()),
        ("huge number", "99999999999999999999999999".to_owned()),
        ("negative", "-9223372036854775808".to_owned()),
        (
            "SQL",
            "%27%20OR%201%3D1%3B%20DROP%20TABLE%20sigs%3B%20--".to_owned(),
        ),
        (
            "script",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
                .to_owned(),
        ),
        (
            "control and bidi",
            "%E2%80%AE%0D%0A%1B%5B31m%F0%9D%95%8F".to_owned(),
        ),
        ("nested brackets", "%5B%5D%5B%5D%5B%5D".to_owned()),
    ]
}

/// Addresses that read a path segment or the query, with `P` for the payload.
const PAGES: &[&str] = &[
    "/sigs?q=P",
    "/sigs?tz=P&from=P&to=P",
    "/roadmap?sig=P&status=P&month=P&owner=P",
    "/leave?token=P",
    "/join?sig=P",
    "/join/confirm?token=P",
    "/account/confirm?token=P",
    "/account/reset-password?token=P",
    "/account/invitation?token=P",
    "/sigs/P",
    "/sigs/P/roadmap",
    "/sigs/storage/roadmap/P",
    "/sigs/storage/roadmap/P/edit",
    "/sigs/storage/meetings/P",
    "/sigs/storage/meetings/series/P/edit",
    "/sigs/P/meetings",
    "/sigs/P/meetings.ics",
    "/calendar/P",
    "/calendar/P.ics",
    "/sigs/P/roadmap.atom",
    "/sigs/P/roadmap.md",
    "/sigs/P/members.csv",
    "/guidance/P",
    "/admin/sigs/P",
    "/admin/import/P",
    "/api/v1/sigs/P",
];

/// A percent-encoded payload as raw bytes (invalid UTF-8 stays invalid).
fn percent_decoded(payload: &str) -> Vec<u8> {
    let bytes = payload.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    out
}

async fn bad_input_never_gets_a_server_error(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let server = ServerProcess::start(&database.url);
    let client = Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    let admin = admin_signed_in_on(&client, &server, &database).await;
    let mut server_errors = Vec::new();
    let mut sent = 0;
    for (round, session) in [None, Some(admin.as_str())].into_iter().enumerate() {
        for (kind, payload) in payloads() {
            for function in FUNCTIONS {
                let body: Vec<String> = FIELDS
                    .iter()
                    .map(|field| format!("{field}={payload}"))
                    .collect();
                let mut request = client
                    .post(server.url(&format!("/api/{function}")))
                    .header("content-type", "application/x-www-form-urlencoded")
                    // A fresh client address each time, so rate limits stay out of the way.
                    .header(
                        "x-forwarded-for",
                        format!("10.{round}.{}.{}", sent / 250 % 250, sent % 250),
                    )
                    .body(body.join("&"));
                if let Some(token) = session {
                    request = request.header("cookie", format!("sigpost_session={token}"));
                }
                let status = request.send().await.expect("an answer").status();
                sent += 1;
                if status.is_server_error() {
                    server_errors.push(format!("POST /api/{function} ({kind}): {status}"));
                }
            }
            for page in PAGES {
                let path = page.replace('P', &payload);
                let mut request = client.get(server.url(&path));
                if let Some(token) = session {
                    request = request.header("cookie", format!("sigpost_session={token}"));
                }
                let status = request.send().await.expect("an answer").status();
                sent += 1;
                if status.is_server_error() {
                    server_errors.push(format!("GET {page} ({kind}): {status}"));
                }
            }
        }
        // The upload routes: payloads as fields and as files, and bodies
        // that are not multipart at all.
        for (kind, payload) in payloads() {
            for post in POSTS {
                let path = post.replace('P', &payload);
                let decoded = percent_decoded(&payload);
                let mut body =
                    b"--zz\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n".to_vec();
                body.extend_from_slice(&decoded);
                body.extend_from_slice(b"\r\n--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.yaml\"\r\n\r\n");
                body.extend_from_slice(&decoded);
                body.extend_from_slice(b"\r\n--zz--\r\n");
                let mut request = client
                    .post(server.url(&path))
                    .header("content-type", "multipart/form-data; boundary=zz")
                    .body(body);
                if let Some(token) = session {
                    request = request.header("cookie", format!("sigpost_session={token}"));
                }
                let status = request.send().await.expect("an answer").status();
                sent += 1;
                if status.is_server_error() {
                    server_errors.push(format!("POST {post} ({kind}): {status}"));
                }
            }
        }
        for post in POSTS {
            for (content_type, body) in [
                (
                    "application/x-www-form-urlencoded",
                    "file=x&format=sigs-yaml",
                ),
                ("multipart/form-data", "no boundary"),
                ("application/json", "{}"),
            ] {
                let mut request = client
                    .post(server.url(&post.replace('P', "1")))
                    .header("content-type", content_type)
                    .body(body);
                if let Some(token) = session {
                    request = request.header("cookie", format!("sigpost_session={token}"));
                }
                let status = request.send().await.expect("an answer").status();
                sent += 1;
                if status.is_server_error() {
                    server_errors.push(format!("POST {post} as {content_type}: {status}"));
                }
            }
        }
        // Wrong content types for every function.
        for function in FUNCTIONS {
            for (content_type, body) in [
                ("application/json", "{\"form\":{\"id\":\"x\"},\"id\":[1,2]}"),
                ("text/plain", "id=1&sig=storage"),
                (
                    "multipart/form-data; boundary=zz",
                    "--zz\r\nnot a part\r\n--zz--",
                ),
                ("application/x-www-form-urlencoded", "%%%&&&===[[[]]]"),
            ] {
                let mut request = client
                    .post(server.url(&format!("/api/{function}")))
                    .header("content-type", content_type)
                    .body(body);
                if let Some(token) = session {
                    request = request.header("cookie", format!("sigpost_session={token}"));
                }
                let status = request.send().await.expect("an answer").status();
                sent += 1;
                if status.is_server_error() {
                    server_errors.push(format!("POST /api/{function} as {content_type}: {status}"));
                }
            }
        }
    }
    assert!(sent > 1_000, "{sent}");
    assert!(
        server_errors.is_empty(),
        "{} of {sent} answered 5xx: {server_errors:#?}",
        server_errors.len()
    );
    server.assert_no_panic();
}
