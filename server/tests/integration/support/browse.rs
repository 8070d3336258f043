//! Reading the site as a browser does: the links on a page, the forms with
//! their fields and current values, and a crawl of every page a visitor can
//! reach by following links.

use std::collections::{BTreeSet, VecDeque};

use scraper::{ElementRef, Html, Selector};

use super::TestApp;

/// A form as the page offers it.
#[derive(Debug, Clone)]
pub struct Form {
    /// Where it posts, such as `/api/save_roadmap_item`.
    pub action: String,
    /// The page it was found on.
    pub page: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    /// `text`, `email`, `url`, `password`, `hidden`, `textarea`, `select`, …
    pub kind: String,
    /// Whether the form refuses to send it empty.
    pub required: bool,
    /// Its `maxlength`, if any.
    pub max_length: Option<usize>,
    /// What the browser would send untouched (`None`: nothing, as an
    /// unticked box).
    pub value: Option<String>,
}

impl Field {
    /// Whether a person types free text here.
    pub fn takes_text(&self) -> bool {
        matches!(
            self.kind.as_str(),
            "text" | "textarea" | "search" | "url" | "email" | "tel"
        )
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selector")
}

/// The forms of a page that post (searches and filters use GET).
pub fn forms(page: &str, html: &str) -> Vec<Form> {
    let document = Html::parse_document(html);
    let fields = selector("input[name], textarea[name], select[name]");
    document
        .select(&selector("form"))
        .filter(|form| {
            form.value()
                .attr("method")
                .is_some_and(|m| m.eq_ignore_ascii_case("post"))
        })
        .map(|form| Form {
            action: form.value().attr("action").unwrap_or(page).to_owned(),
            page: page.to_owned(),
            fields: form.select(&fields).map(field).collect(),
        })
        .collect()
}

fn field(element: ElementRef<'_>) -> Field {
    let tag = element.value().name();
    let attr = |name: &str| element.value().attr(name).map(str::to_owned);
    let name = attr("name").unwrap_or_default();
    let required = element.value().attr("required").is_some();
    let max_length = attr("maxlength").and_then(|n| n.parse().ok());
    match tag {
        "textarea" => Field {
            name,
            required,
            max_length,
            kind: "textarea".into(),
            value: Some(element.text().collect::<String>()),
        },
        "select" => {
            let options: Vec<ElementRef<'_>> = element.select(&selector("option")).collect();
            let chosen = options
                .iter()
                .find(|option| option.value().attr("selected").is_some())
                .or_else(|| {
                    options
                        .iter()
                        .find(|o| o.value().attr("value").is_some_and(|v| !v.is_empty()))
                })
                .or(options.first());
            Field {
                name,
                required,
                max_length,
                kind: "select".into(),
                value: chosen.map(|option| {
                    option
                        .value()
                        .attr("value")
                        .map(str::to_owned)
                        .unwrap_or_else(|| option.text().collect())
                }),
            }
        }
        _ => {
            let kind = attr("type")
                .unwrap_or_else(|| "text".into())
                .to_ascii_lowercase();
            let value = match kind.as_str() {
                "checkbox" | "radio" => element
                    .value()
                    .attr("checked")
                    .map(|_| attr("value").unwrap_or_else(|| "on".into())),
                _ => Some(attr("value").unwrap_or_default()),
            };
            Field {
                name,
                required,
                max_length,
                kind,
                value,
            }
        }
    }
}

/// Same-site links of a page, without fragments.
pub fn links(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    document
        .select(&selector("a[href], link[href]"))
        .filter_map(|a| a.value().attr("href"))
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.split('#').next().unwrap_or(href).to_owned())
        .collect()
}

/// One answer of a crawl.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub path: String,
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

/// Follows links from `start` (GET only), as `session` or anonymously, up
/// to `limit` pages. Query strings are kept, so filters are visited once each.
pub async fn crawl(
    app: &TestApp,
    session: Option<&str>,
    start: &[&str],
    limit: usize,
) -> Vec<Fetched> {
    let mut queue: VecDeque<String> = start.iter().map(|s| (*s).to_owned()).collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut fetched = Vec::new();
    while let Some(path) = queue.pop_front() {
        if fetched.len() >= limit {
            break;
        }
        let page = match session {
            Some(token) => app.visit_as(&path, token).await,
            None => app.visit(&path).await,
        };
        let content_type = page
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        if content_type.starts_with("text/html") {
            for link in links(&page.body) {
                let skip = link.starts_with("/api/")
                    || link.starts_with("/pkg/")
                    || link.contains("__")
                    || link.starts_with("/leave");
                if !skip && seen.insert(link.clone()) {
                    queue.push_back(link);
                }
            }
        }
        fetched.push(Fetched {
            path,
            status: page.status.as_u16(),
            content_type,
            body: page.body,
        });
    }
    fetched
}
