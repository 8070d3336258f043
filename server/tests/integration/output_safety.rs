//! A fuzz-style corpus of output-safety payloads. Every form the site offers
//! (found by crawling it as an administrator and as a visitor, so a new form
//! or field is in the corpus by itself) gets each of its text fields filled
//! with markup breakers for every place text lands: element text,
//! attributes, `<title>`, `<textarea>`, island props, XML, iCalendar, CSV,
//! markdown. Then every page, feed, calendar, CSV, export and API answer the
//! crawl reaches is parsed and checked: no element or attribute came from a
//! payload and every document still parses. A second scenario sends control
//! characters in every field with every content type: always 400.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use scraper::{Html, Selector};

use crate::support::browse::{crawl, Field, Form};
use crate::support::documents::problems_in;
use crate::support::site_corpus::{corpus, every_text_form, FORMS_WITH_TEXT};
use crate::support::{Backend, TestApp, STRONG_PASSWORD};

crate::on_both_databases!(
    no_payload_becomes_markup_anywhere,
    control_characters_are_refused_in_every_field
);

/// Breaks out of every HTML context at once: attribute quotes, `<title>`,
/// `<textarea>`, `<script>` (island props), XML CDATA, and starts like a
/// spreadsheet formula. Short enough for name fields (80 characters).
fn markup_payload(marker: &str) -> String {
    format!("={marker}\"'></title></textarea></script><inj-x onclick=1>]]>&amp;")
}

/// Line breaks that would start a new iCalendar property or log line.
fn line_payload(marker: &str) -> String {
    format!("{marker}\r\nX-INJ:1;a,b\\\rURL:https://evil.example/")
}

/// The value a field gets when the test is not filling it with a payload.
fn ordinary_value(form: &Form, field: &Field, serial: usize) -> Option<String> {
    let (name, kind) = (field.name.as_str(), field.kind.as_str());
    let current = field.value.clone();
    let empty = current.as_deref().unwrap_or("").is_empty();
    if empty && !field.required && field.takes_text() && kind != "email" {
        return current;
    }
    match kind {
        "email" => Some(format!("corpus{serial}@example.org")),
        "password" => Some(STRONG_PASSWORD.to_owned()),
        "url" if current.as_deref().unwrap_or("").is_empty() => Some("https://example.org/".into()),
        "time" if current.as_deref().unwrap_or("").is_empty() => Some(
            if name.contains("end") {
                "10:00"
            } else {
                "09:00"
            }
            .into(),
        ),
        "date" if current.as_deref().unwrap_or("").is_empty() => Some("2027-01-05".into()),
        "text" | "textarea"
            if current.as_deref().unwrap_or("").is_empty()
                && form.action.contains("meeting")
                && name.contains("zone") =>
        {
            Some("Europe/Berlin".into())
        }
        "text" | "textarea" if current.as_deref().unwrap_or("").is_empty() => {
            Some(format!("Ordinary {serial}"))
        }
        _ => current,
    }
}

/// Posts `form` with `field` set to `value`, as `session`; the status.
async fn submit(
    app: &TestApp,
    form: &Form,
    field: &str,
    value: &str,
    session: Option<&str>,
    serial: usize,
) -> StatusCode {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for f in &form.fields {
        let value = if f.name == field {
            Some(value.to_owned())
        } else {
            ordinary_value(form, f, serial)
        };
        if let Some(value) = value {
            pairs.push((f.name.clone(), value));
        }
    }
    let mut request = app
        .client
        .post(format!("http://{}{}", app.addr, form.action))
        .form(&pairs)
        .header(
            "x-forwarded-for",
            format!("10.9.{}.{}", serial / 250 % 250, serial % 250),
        );
    if let Some(token) = session {
        request = request.header("cookie", format!("sigpost_session={token}"));
    }
    request.send().await.expect("an answer").status()
}

async fn no_payload_becomes_markup_anywhere(backend: Backend) {
    let corpus = corpus(backend).await;
    let app = &corpus.app;
    let mut accepted = Vec::new();
    let mut serial = 0;
    // Twice: the second round reaches the edit forms of what the first made.
    for _round in 0..2 {
        for (form, session) in every_text_form(&corpus).await {
            for field in form.fields.iter().filter(|f| f.takes_text()) {
                for payload in [
                    markup_payload(&format!("M{serial}")),
                    line_payload(&format!("L{serial}")),
                ] {
                    serial += 1;
                    let status = submit(
                        app,
                        &form,
                        &field.name,
                        &payload,
                        session.as_deref(),
                        serial,
                    )
                    .await;
                    assert!(
                        !status.is_server_error(),
                        "{} {}: {status}",
                        form.action,
                        field.name
                    );
                    if status.is_success() || status.is_redirection() {
                        accepted.push((form.action.clone(), field.name.clone(), payload));
                    }
                }
            }
        }
    }
    let actions: BTreeSet<&str> = accepted
        .iter()
        .map(|(action, _, _)| action.as_str())
        .collect();
    for needed in [
        "/api/update_sig",
        "/api/save_roadmap_item",
        "/api/save_meeting_series",
        "/api/save_meeting_record",
        "/api/update_guidance",
        "/api/join_sigs",
        "/api/sign_up",
    ] {
        assert!(
            actions.contains(needed),
            "no payload was saved through {needed}: {actions:?}"
        );
    }

    let mut documents = Vec::new();
    let starts = [
        "/",
        "/sigs",
        "/roadmap",
        "/meetings",
        "/channels",
        "/guidance",
        "/sitemap.xml",
        "/roadmap.atom",
        "/sigs/storage",
        "/sigs/storage/roadmap",
        "/sigs/storage/roadmap.atom",
        "/sigs/storage/roadmap.md",
        "/sigs/storage/meetings",
        "/sigs/storage/meetings.ics",
        "/sigs/storage/members",
        "/sigs/storage/members.csv",
        "/sigs/storage/edit",
        "/admin",
        "/admin/sigs/storage",
        "/api/v1/sigs",
        "/api/v1/sigs/storage",
        "/my/sigs",
    ];
    for session in [
        Some(corpus.admin.as_str()),
        Some(corpus.lead.as_str()),
        None,
    ] {
        documents.extend(crawl(app, session, &starts, 400).await);
    }
    let mut problems = Vec::new();
    let mut shown = BTreeSet::new();
    for document in &documents {
        problems.extend(problems_in(document));
        for (_, _, payload) in &accepted {
            let marker = payload
                .trim_start_matches('=')
                .split(['"', '\r'])
                .next()
                .unwrap_or_default();
            if document.body.contains(marker) {
                shown.insert(marker.to_owned());
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in {} documents: {problems:#?}",
        problems.len(),
        documents.len()
    );
    assert!(
        shown.len() * 2 >= accepted.len(),
        "only {} of {} saved payloads were found in any page: the crawl missed them",
        shown.len(),
        accepted.len()
    );
    // The two contexts the probe broke: a `<title>` and a `<textarea>`.
    let title = Selector::parse("title").expect("selector");
    let textarea = Selector::parse("textarea").expect("selector");
    let html: Vec<Html> = documents
        .iter()
        .filter(|d| d.content_type.starts_with("text/html"))
        .map(|d| Html::parse_document(&d.body))
        .collect();
    assert!(
        html.iter()
            .flat_map(|h| h
                .select(&title)
                .map(|t| t.text().collect::<String>())
                .collect::<Vec<_>>())
            .any(|t| t.contains("</title></textarea></script><inj-x onclick=1>")),
        "no page title shows a payload as text"
    );
    assert!(
        html.iter()
            .flat_map(|h| h
                .select(&textarea)
                .map(|t| t.text().collect::<String>())
                .collect::<Vec<_>>())
            .any(|t| t.contains("</textarea></script><inj-x onclick=1>")),
        "no textarea holds a payload as its text"
    );
}

async fn control_characters_are_refused_in_every_field(backend: Backend) {
    let corpus = corpus(backend).await;
    let app = &corpus.app;
    let found = every_text_form(&corpus).await;
    let actions: BTreeSet<&str> = found.iter().map(|(form, _)| form.action.as_str()).collect();
    let unknown: Vec<&&str> = actions
        .iter()
        .filter(|a| !FORMS_WITH_TEXT.contains(a))
        .collect();
    assert!(
        unknown.is_empty(),
        "forms not in the corpus yet: {unknown:?}"
    );
    let missing: Vec<&&str> = FORMS_WITH_TEXT
        .iter()
        .filter(|a| !actions.contains(**a))
        .collect();
    assert!(missing.is_empty(), "the crawl no longer finds {missing:?}");

    let content_types = [
        Some("application/x-www-form-urlencoded"),
        Some("Application/X-WWW-Form-URLEncoded; charset=UTF-8"),
        Some("text/plain"),
        None,
    ];
    let controls = ["%00", "%01", "%1B", "%7F", "%C2%85", "%0B"];
    let mut accepted = Vec::new();
    let mut serial = 0;
    for (form, session) in &found {
        for field in form.fields.iter().filter(|f| f.takes_text()) {
            serial += 1;
            let content_type = content_types[serial % content_types.len()];
            let control = controls[serial % controls.len()];
            let mut body = format!("{}=a{control}b", urlencode(&field.name));
            for other in form.fields.iter().filter(|f| f.name != field.name) {
                if let Some(value) = other.value.as_deref() {
                    body.push_str(&format!("&{}={}", urlencode(&other.name), urlencode(value)));
                }
            }
            let mut request = app
                .client
                .post(format!("http://{}{}", app.addr, form.action))
                .header(
                    "x-forwarded-for",
                    format!("10.8.{}.{}", serial / 250 % 250, serial % 250),
                )
                .body(body);
            if let Some(content_type) = content_type {
                request = request.header("content-type", content_type);
            }
            if let Some(token) = session {
                request = request.header("cookie", format!("sigpost_session={token}"));
            }
            let status = request.send().await.expect("an answer").status();
            if status != StatusCode::BAD_REQUEST {
                accepted.push(format!(
                    "{} {} {control} as {content_type:?}: {status}",
                    form.action, field.name
                ));
            }
        }
    }
    assert!(serial > 20, "only {serial} fields tried");
    assert!(
        accepted.is_empty(),
        "control characters not refused: {accepted:#?}"
    );
}

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
