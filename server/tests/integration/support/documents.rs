//! Checks that a page, feed, calendar, CSV, markdown or JSON answer still
//! parses and carries nothing a payload made: the output-safety corpus's
//! oracle.

use scraper::{Html, Selector};
use sha2::{Digest, Sha256};

use super::browse::Fetched;

/// What is wrong with one document, if anything.
pub fn problems_in(document: &Fetched) -> Vec<String> {
    let at = &document.path;
    let kind = document.content_type.as_str();
    let body = &document.body;
    let mut problems = Vec::new();
    if document.status >= 500 {
        problems.push(format!("{at}: answered {}", document.status));
    }
    if kind.starts_with("text/html") {
        let html = Html::parse_document(body);
        let any = Selector::parse("*").expect("selector");
        for element in html.select(&any) {
            let name = element.value().name();
            if name.starts_with("inj") {
                problems.push(format!("{at}: a payload made an <{name}> element"));
            }
            for (attribute, _) in element.value().attrs() {
                if attribute.starts_with("on") || attribute.starts_with("inj") {
                    problems.push(format!(
                        "{at}: a payload made an {attribute} attribute on <{name}>"
                    ));
                }
            }
            if name == "meta" && element.value().attr("http-equiv").is_some() {
                problems.push(format!("{at}: a <meta http-equiv> came from a payload"));
            }
        }
    } else if kind.contains("xml") {
        match roxmltree::Document::parse(body) {
            Ok(xml) => {
                if xml
                    .descendants()
                    .any(|node| node.tag_name().name().starts_with("inj"))
                {
                    problems.push(format!("{at}: a payload made an XML element"));
                }
            }
            Err(error) => problems.push(format!("{at}: not well-formed XML: {error}")),
        }
    } else if kind.starts_with("text/calendar") {
        let reader = ical::IcalParser::new(body.as_bytes());
        for calendar in reader {
            match calendar {
                Ok(calendar) => {
                    let properties = calendar
                        .properties
                        .iter()
                        .chain(calendar.events.iter().flat_map(|e| e.properties.iter()));
                    for property in properties {
                        if property.name.starts_with("X-INJ") {
                            problems.push(format!("{at}: a payload made an iCalendar property"));
                        }
                        if property.name == "URL"
                            && property
                                .value
                                .as_deref()
                                .is_some_and(|v| v.contains("evil"))
                        {
                            problems.push(format!("{at}: a payload made a URL property"));
                        }
                    }
                }
                Err(error) => problems.push(format!("{at}: not a valid calendar: {error}")),
            }
        }
    } else if kind.starts_with("text/csv") {
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        for record in reader.records() {
            match record {
                Ok(record) => {
                    for cell in record.iter() {
                        if cell.starts_with(['=', '+', '-', '@']) {
                            problems.push(format!("{at}: a CSV cell starts a formula: {cell:?}"));
                        }
                    }
                }
                Err(error) => problems.push(format!("{at}: not valid CSV: {error}")),
            }
        }
    } else if kind.starts_with("text/markdown") {
        let parser = pulldown_cmark::Parser::new(body);
        for event in parser {
            if let pulldown_cmark::Event::Html(raw) | pulldown_cmark::Event::InlineHtml(raw) = event
            {
                problems.push(format!("{at}: markdown carries raw HTML: {raw:?}"));
            }
        }
    } else if kind.starts_with("application/json") {
        if let Err(error) = serde_json::from_str::<serde_json::Value>(body) {
            problems.push(format!("{at}: not valid JSON: {error}"));
        }
    }
    if body.contains('\0') {
        problems.push(format!("{at}: carries a NUL character"));
    }
    problems
}

/// Every inline script of `page` is allowed by its header's policy: by the
/// nonce when the page was rendered for this answer, by hash when kept.
pub fn assert_scripts_allowed(page: &crate::support::Page) {
    let policy = page
        .headers
        .get("content-security-policy")
        .and_then(|value| value.to_str().ok())
        .expect("a policy");
    assert!(!policy.contains("unsafe-inline"));
    let html = Html::parse_document(&page.body);
    let selector = Selector::parse("script:not([src])").expect("selector");
    let mut scripts = 0;
    for script in html.select(&selector) {
        scripts += 1;
        let text: String = script.text().collect();
        let hash = base64_sha256(&text);
        let by_nonce = script
            .value()
            .attr("nonce")
            .is_some_and(|nonce| policy.contains(&format!("'nonce-{nonce}'")));
        assert!(
            by_nonce || policy.contains(&format!("'sha256-{hash}'")),
            "script not allowed by {policy}"
        );
    }
    assert!(scripts > 0, "pages hydrate with an inline script");
}

fn base64_sha256(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}
