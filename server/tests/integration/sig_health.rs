//! `/sigs/:slug/health` and the annual report: with a year of history
//! written straight into the database, every figure on the page and in the
//! report equals the count this test works out from the rows it wrote; the
//! charts are valid SVG images named by their captions; leads write,
//! publish and download the report, and nobody else sees a draft.

mod history;

use reqwest::StatusCode;
use scraper::{Html, Selector};

use crate::on_both_databases;
use crate::support::{
    admin_session, assert_refused_on, invited_lead, main_content, Backend, TestApp,
};
use history::{last_twelve, Expected};

on_both_databases!(
    each_month_of_the_health_page_counts_what_the_rows_hold,
    leads_write_publish_and_download_the_annual_report,
);

fn select(css: &str) -> Selector {
    Selector::parse(css).expect("a selector")
}

fn text(element: scraper::ElementRef) -> String {
    element.text().collect::<String>().trim().to_owned()
}

/// The body rows of the table captioned `id`, as the text of their cells.
fn table(html: &Html, id: &str) -> Vec<Vec<String>> {
    let caption = html
        .select(&select(&format!("caption#{id}")))
        .next()
        .unwrap_or_else(|| panic!("no table {id}"));
    let table =
        scraper::ElementRef::wrap(caption.parent().expect("its table")).expect("an element");
    table
        .select(&select("tbody tr"))
        .map(|row| row.select(&select("td")).map(text).collect())
        .collect()
}

fn numbers(row: &[String]) -> Vec<i64> {
    row.iter().map(|cell| cell.parse().unwrap_or(-1)).collect()
}

/// Checks each month's row of the three tables against the counts worked
/// out from the rows written, as of `now`; how many months saw meetings,
/// joins and items done.
fn check_months(html: &Html, written: &history::Written, now: i64) -> i64 {
    let meetings = table(html, "table-meetings-caption");
    let members = table(html, "table-members-caption");
    let roadmap = table(html, "table-roadmap-caption");
    let months = last_twelve(now);
    assert_eq!(meetings.len(), 12);
    let mut busy_months = 0;
    for (index, month) in months.iter().enumerate() {
        let expected: Expected = written.expected(*month, now);
        assert_eq!(
            numbers(&meetings[index]),
            expected.meetings,
            "meetings of {month:?}"
        );
        assert_eq!(
            numbers(&members[index]),
            expected.members,
            "members of {month:?}"
        );
        let board = &roadmap[index];
        assert_eq!(
            numbers(&board[..3]),
            [expected.done, expected.overdue, expected.dropped],
            "roadmap of {month:?}"
        );
        let days = expected
            .median_days
            .map_or("–".to_owned(), |days| days.to_string());
        assert_eq!(board[3], days, "days to done in {month:?}");
        busy_months +=
            i64::from(expected.done > 0 && expected.meetings[1] > 0 && expected.members[1] > 0);
    }
    busy_months
}

async fn each_month_of_the_health_page_counts_what_the_rows_hold(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let now = app.clock.now();
    let db = app.database.open().await;
    let written = history::write(&db, now).await;

    let page = app.visit("/sigs/chronicle/health").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let html = Html::parse_document(&page.body);
    let busy_months = check_months(&html, &written, now.timestamp());
    assert!(
        busy_months >= 3,
        "the history gives the counts something to count"
    );

    // Each chart: valid SVG, an image named by the caption beside it, one
    // bar per month for each series.
    for id in ["meetings", "members", "roadmap"] {
        let figure = html
            .select(&select(&format!("figcaption#chart-{id}-caption")))
            .next()
            .unwrap_or_else(|| panic!("no caption for {id}"));
        assert!(!text(figure).is_empty());
        let start = page
            .body
            .find(&format!(r#"aria-labelledby="chart-{id}-caption""#))
            .expect("the chart");
        let start = page.body[..start].rfind("<svg").expect("its svg");
        let end = start + page.body[start..].find("</svg>").expect("its end") + "</svg>".len();
        let svg = roxmltree::Document::parse(&page.body[start..end]).expect("valid SVG");
        let root = svg.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let bars = root
            .descendants()
            .filter(|node| node.has_tag_name("rect") && node.attribute("fill") == Some("#17803E"))
            .count();
        assert_eq!(bars, 12, "{id}: one bar a month for its second series");
    }

    // Last activity, and the leads' terms.
    let main = main_content(&page.body);
    let last_day = written.meetings.last().expect("meetings").day;
    let admin = admin_session(&app).await;
    invited_lead(&app, &admin, "chronicle", "chronicle@example.org", "chair").await;
    let again = app.visit("/sigs/chronicle/health").await;
    let today = app::i18n::format::date(
        app::i18n::Language::default(),
        chrono::Datelike::year(&now),
        chrono::Datelike::month(&now),
        chrono::Datelike::day(&now),
    );
    assert!(
        main.contains(&app::i18n::format::date(
            app::i18n::Language::default(),
            chrono::Datelike::year(&last_day),
            chrono::Datelike::month(&last_day),
            chrono::Datelike::day(&last_day),
        )),
        "the last meeting's day is shown"
    );
    assert!(
        again.body.contains(&format!("since {today}")),
        "a lead appointed today"
    );
    assert_eq!(
        app.visit("/sigs/no-such-sig/health").await.status,
        StatusCode::NOT_FOUND
    );

    // Forty days on (the server's clock moved): a month has left the window,
    // this month's meetings that have since begun count as scheduled, and
    // items whose month has passed count as overdue.
    app.clock.advance(40 * 86_400);
    let later = app.clock.now().timestamp();
    let page = app.visit("/sigs/chronicle/health").await;
    check_months(&Html::parse_document(&page.body), &written, later);
}

async fn leads_write_publish_and_download_the_annual_report(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let now = app.clock.now();
    let db = app.database.open().await;
    let written = history::write(&db, now).await;
    let admin = admin_session(&app).await;
    let lead = invited_lead(&app, &admin, "chronicle", "chronicle@example.org", "chair").await;
    let member = app.member("Reader", "reader@example.org").await;
    let year = chrono::Datelike::year(&now);
    let address = format!("/sigs/chronicle/reports/{year}");

    // A draft: its leads see it with the year's figures; nobody else does.
    assert_eq!(app.visit(&address).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.visit_as(&address, &member).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.visit(&format!("{address}/report.md")).await.status,
        StatusCode::NOT_FOUND
    );
    let draft = app.visit_as(&address, &lead).await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    let html = Html::parse_document(&draft.body);
    let facts: Vec<(String, String)> = html
        .select(&select("dl.fact-list"))
        .flat_map(|list| {
            let terms: Vec<String> = list.select(&select("dt")).map(text).collect();
            let values: Vec<String> = list.select(&select("dd")).map(text).collect();
            terms.into_iter().zip(values).collect::<Vec<_>>()
        })
        .collect();
    let fact = |label: &str| -> i64 {
        facts
            .iter()
            .find(|(term, _)| term == label)
            .unwrap_or_else(|| panic!("no fact {label}: {facts:?}"))
            .1
            .parse()
            .expect("a number")
    };
    let months: Vec<(i32, u32)> = (1..=chrono::Datelike::month(&now))
        .map(|month| (year, month))
        .collect();
    let sum = |pick: &dyn Fn(&Expected) -> i64| -> i64 {
        months
            .iter()
            .map(|month| pick(&written.expected(*month, now.timestamp())))
            .sum()
    };
    assert_eq!(fact("Meetings scheduled"), sum(&|e| e.meetings[0]));
    assert_eq!(fact("Meetings held"), sum(&|e| e.meetings[1]));
    assert_eq!(fact("Held with notes"), sum(&|e| e.meetings[2]));
    assert_eq!(fact("Held with a recording"), sum(&|e| e.meetings[3]));
    assert_eq!(fact("Joined in the year"), sum(&|e| e.members[1]));
    assert_eq!(fact("Left in the year"), sum(&|e| e.members[2]));
    assert_eq!(
        fact("Members at the year's end"),
        written
            .expected((year, chrono::Datelike::month(&now)), now.timestamp())
            .members[0]
    );
    assert_eq!(fact("Roadmap items done"), sum(&|e| e.done));
    assert_eq!(fact("Roadmap items dropped"), sum(&|e| e.dropped));
    let open = written
        .items
        .iter()
        .filter(|item| item.end.is_none())
        .count() as i64;
    assert_eq!(fact("Items still open at the year's end"), open);

    // Too long a section is refused by name; nothing is written.
    let too_long = "x".repeat(20_001);
    let fields = |version: &str, initiatives: &str, intent: &str| {
        vec![
            ("form[slug]", "chronicle".to_owned()),
            ("form[year]", year.to_string()),
            ("form[version]", version.to_owned()),
            ("form[initiatives]", initiatives.to_owned()),
            (
                "form[project_health]",
                "Reviewers wanted for <b>CSI</b>.".to_owned(),
            ),
            ("form[membership]", String::new()),
            ("form[meetings]", String::new()),
            ("form[subprojects]", String::new()),
            ("form[intent]", intent.to_owned()),
        ]
    };
    let call = |fields: Vec<(&'static str, String)>, session: Option<String>| {
        let app = &app;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call("save_report", &fields, session.as_deref()).await
        }
    };
    assert_refused_on(
        &call(fields("0", &too_long, "publish"), Some(lead.clone())).await,
        "initiatives",
    );
    assert_eq!(crate::support::count(&db, "sig_reports").await, 0);
    // Only its leads and admins write it.
    assert_eq!(
        call(fields("0", "Mine.", "publish"), Some(member.clone()))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call(fields("0", "Mine.", "publish"), None).await.status,
        StatusCode::UNAUTHORIZED
    );

    let published = call(
        fields("0", "We kept **the record**.", "publish"),
        Some(lead.clone()),
    )
    .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let public = app.visit(&address).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.body.contains("<strong>the record</strong>"),
        "the prose is rendered"
    );
    // A save from the version before is refused with what is stored now.
    let stale = call(fields("0", "Overwrite.", "save"), Some(lead.clone())).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert!(stale.body.contains("We kept **the record**."));

    // The markdown for the community repository.
    let markdown = app.visit(&format!("{address}/report.md")).await;
    assert_eq!(markdown.status, StatusCode::OK);
    assert!(markdown.headers["content-type"]
        .to_str()
        .is_ok_and(|kind| kind.starts_with("text/markdown")));
    assert!(
        markdown
            .body
            .starts_with(&format!("# Chronicle annual report {year}\n")),
        "{}",
        markdown.body
    );
    assert!(markdown.body.contains("## Current initiatives\n"));
    assert!(markdown.body.contains("We kept **the record**."));
    assert!(markdown
        .body
        .contains(&format!("- Meetings held: {}\n", sum(&|e| e.meetings[1]))));

    // Listed on the SIG's page, its health page and in the API.
    let title = format!("{year} annual report");
    assert!(app.visit("/sigs/chronicle").await.body.contains(&title));
    assert!(app
        .visit("/sigs/chronicle/health")
        .await
        .body
        .contains(&title));
    let api = app.visit("/api/v1/sigs/chronicle").await;
    let json: serde_json::Value = serde_json::from_str(&api.body).expect("JSON");
    assert_eq!(json["annual_reports"][0]["year"], year);
    assert!(json["annual_reports"][0]["markdown_url"]
        .as_str()
        .is_some_and(|url| url.ends_with("/report.md")));

    // Withdrawn: a draft again, gone for everyone but its leads.
    let withdrawn = call(
        fields("1", "We kept **the record**.", "withdraw"),
        Some(lead.clone()),
    )
    .await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.body);
    assert_eq!(app.visit(&address).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.visit_as(&address, &lead).await.status, StatusCode::OK);
    // Years outside the site's are not reports.
    assert_eq!(
        app.visit_as(&format!("/sigs/chronicle/reports/{}", year + 1), &lead)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.visit_as("/sigs/chronicle/reports/twenty", &lead)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
