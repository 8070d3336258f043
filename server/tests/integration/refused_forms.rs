//! A refused form comes back with everything typed. For every form that
//! takes text (the list in `output_safety::FORMS_WITH_TEXT`, checked
//! against a crawl of the site, so a new form is noticed), a browser
//! without JavaScript posts it with one field too long and the others
//! filled in, follows the redirect back, and finds every value and every
//! tick as it sent them, with the error summary taking the focus.

use std::collections::BTreeSet;

use scraper::{Html, Selector};

use crate::support::browse::{forms, Form};
use crate::support::site_corpus::{corpus, every_text_form, FORMS_WITH_TEXT};
use crate::support::Backend;

crate::on_both_databases!(
    every_refused_form_keeps_what_was_typed,
    a_spent_link_offers_the_next_step_instead_of_its_button
);

async fn a_spent_link_offers_the_next_step_instead_of_its_button(backend: Backend) {
    let app = crate::support::TestApp::spawn(backend).await;
    for (page, function, button, next) in [
        (
            "/join/confirm",
            "confirm_join",
            "Confirm and join",
            "Ask to join again",
        ),
        (
            "/account/confirm",
            "confirm_email",
            "Confirm my address",
            "Sign up again",
        ),
    ] {
        let token = "0123456789abcdef0123456789abcdef";
        let referer = format!("http://{}{page}?token={token}", app.addr);
        let refused = app
            .client
            .post(format!("http://{}/api/{function}", app.addr))
            .header("accept", "text/html")
            .header("referer", &referer)
            .form(&[("token", token)])
            .send()
            .await
            .expect("an answer");
        let location = refused.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned();
        assert!(
            location.starts_with(page) && location.contains("__sig="),
            "{location}"
        );
        let back = app.visit(&location).await;
        assert!(
            back.body.contains("expired or was already used"),
            "{}",
            back.body
        );
        assert!(
            !back.body.contains(button),
            "{page} still offers {button:?}"
        );
        assert!(back.body.contains(next), "{page} does not offer {next:?}");
    }
}

/// What a person typed into `field` of the `n`th form (Chinese too).
fn typed(name: &str, kind: &str, n: usize) -> String {
    match kind {
        "email" => format!("typed{n}@example.org"),
        "url" => format!("https://example.org/typed-{n}"),
        _ if name.contains("handle") => format!("typed-{n}"),
        _ => format!("Typed {n} 张伟 ‹{}›", name.replace(['[', ']'], "")),
    }
}

async fn every_refused_form_keeps_what_was_typed(backend: Backend) {
    let corpus = corpus(backend).await;
    let app = &corpus.app;
    let mut checked = BTreeSet::new();
    let mut problems = Vec::new();
    for (n, (form, session)) in every_text_form(&corpus).await.into_iter().enumerate() {
        // The field that makes the server refuse: one past its length
        // limit, or else an e-mail address that is not one.
        let limited = form
            .fields
            .iter()
            .find(|f| f.takes_text() && f.kind != "email" && f.max_length.is_some());
        let Some(refused) = limited.or_else(|| form.fields.iter().find(|f| f.kind == "email"))
        else {
            problems.push(format!("{}: no field the server would refuse", form.action));
            continue;
        };
        let refusing = match refused.max_length {
            Some(max) if refused.kind != "email" => "x".repeat(max + 1),
            _ => format!("not-an-address {n}"),
        };
        let mut sent: Vec<(String, String)> = Vec::new();
        for field in &form.fields {
            let value = if field.name == refused.name {
                Some(refusing.clone())
            } else if field.takes_text() {
                Some(typed(&field.name, &field.kind, n))
            } else if field.kind == "password" {
                Some("violet-kettle-orbit-42".to_owned())
            } else {
                field.value.clone()
            };
            if let Some(value) = value {
                sent.push((field.name.clone(), value));
            }
        }
        let page_url = format!("http://{}{}", app.addr, page_of(&form));
        let mut request = app
            .client
            .post(format!("http://{}{}", app.addr, form.action))
            .header("accept", "text/html")
            .header("referer", &page_url)
            .header("x-forwarded-for", format!("10.7.{}.{}", n / 250, n % 250))
            .form(&sent);
        let mut cookies = Vec::new();
        if let Some(token) = &session {
            cookies.push(format!("sigpost_session={token}"));
            request = request.header("cookie", cookies.join("; "));
        }
        let answer = request.send().await.expect("an answer");
        let location = answer
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        if !answer.status().is_redirection() || !location.contains("__err=") {
            problems.push(format!(
                "{} ({}): not refused: {} {location}",
                form.action,
                refused.name,
                answer.status()
            ));
            continue;
        }
        if let Some(draft) = answer
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("sigpost_form="))
        {
            cookies.push(draft.split(';').next().unwrap_or("").to_owned());
        }
        let back = app
            .client
            .get(format!("http://{}{location}", app.addr))
            .header("cookie", cookies.join("; "))
            .send()
            .await
            .expect("the page again");
        let html = back.text().await.expect("body");
        let Some(returned) = forms(&location, &html)
            .into_iter()
            .find(|f| f.action == form.action)
        else {
            problems.push(format!(
                "{}: the page it came back to has no such form",
                form.action
            ));
            continue;
        };
        for (name, value) in &sent {
            if name.contains("password") || name == "form[website]" {
                continue;
            }
            let kept = returned
                .fields
                .iter()
                .find(|f| &f.name == name && f.value.as_deref() == Some(value.as_str()));
            if kept.is_none() {
                let now: Vec<_> = returned
                    .fields
                    .iter()
                    .filter(|f| &f.name == name)
                    .map(|f| f.value.clone())
                    .collect();
                problems.push(format!(
                    "{} lost {name}: sent {value:?}, shows {now:?}",
                    form.action
                ));
            }
        }
        let document = Html::parse_document(&html);
        // The summary takes the focus; when fields are at fault it links to them.
        let select = |css: &str| Selector::parse(css).expect("selector");
        let focused = document
            .select(&select("#error-summary[autofocus]"))
            .next()
            .is_some();
        let fields_at_fault = document.select(&select(".field-invalid")).count();
        let links = document
            .select(&select("#error-summary a[href^='#']"))
            .count();
        if !focused || links < fields_at_fault.min(1) {
            problems.push(format!(
                "{}: summary focused: {focused}, links {links} for {fields_at_fault} fields at fault",
                form.action
            ));
        }
        checked.insert(form.action.clone());
    }
    assert!(problems.is_empty(), "{problems:#?}");
    let missing: Vec<&&str> = FORMS_WITH_TEXT
        .iter()
        .filter(|a| !checked.contains(**a))
        .collect();
    assert!(missing.is_empty(), "forms not checked: {missing:?}");
}

/// The page a form was found on, from which its post is sent.
fn page_of(form: &Form) -> &str {
    &form.page
}
