//! `/health`: each SIG's figures equal counts taken from the rows, the
//! light follows the rules the page states as time passes, and every
//! column sorts by a plain link.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{main_content, roles, Backend, TestApp};

on_both_databases!(
    the_table_counts_what_the_rows_hold_and_the_light_fades_with_time,
    every_column_sorts_by_a_link_and_reverses,
);

/// The cells of the row of the SIG `slug`, as text.
fn row(html: &str, slug: &str) -> Vec<String> {
    let main = main_content(html);
    let start = main
        .find(&format!("href=\"/sigs/{slug}\""))
        .unwrap_or_else(|| panic!("no row for {slug}"));
    let end = start + main[start..].find("</tr>").expect("row end");
    main[start..end]
        .split("<td")
        .skip(1)
        .map(|cell| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in cell[cell.find('>').expect("cell start") + 1..].chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.trim().to_owned()
        })
        .collect()
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    let db = app.database.open().await;
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(&db.pool)
        .await
        .expect(sql)
}

async fn the_table_counts_what_the_rows_hold_and_the_light_fades_with_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lead = roles(&app).await.lead;
    let today = app.clock.today();
    let held_on = format!("{:04}-{:02}-{:02}", today.year, today.month, today.day);
    let record = app
        .call(
            "save_meeting_record",
            &[
                ("form[sig]", "storage"),
                ("form[id]", "0"),
                ("form[held_on]", held_on.as_str()),
                ("form[title]", "Storage sync"),
                ("form[agenda]", ""),
                ("form[notes]", "Done."),
                ("form[recording_url]", ""),
            ],
            Some(&lead),
        )
        .await;
    assert_eq!(record.status, StatusCode::OK, "{}", record.body);
    crate::roadmap::create(
        &app,
        &lead,
        &crate::roadmap::Item::new("Snapshot support", "planned"),
    )
    .await;

    let page = app.visit("/health").await;
    assert_eq!(page.status, StatusCode::OK);
    let storage = row(&page.body, "storage");
    let storage_sig = "(SELECT id FROM sigs WHERE slug = 'storage')";
    let meetings = scalar(
        &app,
        &format!("SELECT COUNT(*) FROM meetings WHERE sig_id = {storage_sig}"),
    )
    .await;
    let open = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) FROM roadmap_items WHERE sig_id = {storage_sig} \
             AND status IN ('proposed', 'planned', 'in_progress')"
        ),
    )
    .await;
    let members = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) FROM memberships WHERE sig_id = {storage_sig} AND status = 'active'"
        ),
    )
    .await;
    let leads = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) FROM leaderships WHERE sig_id = {storage_sig} \
             AND role IN ('chair', 'tech_lead')"
        ),
    )
    .await;
    assert_eq!(storage[0], "Green", "{storage:?}");
    assert_eq!(
        storage[1],
        format!("{meetings}, last {held_on}"),
        "{storage:?}"
    );
    assert!(
        storage[3].starts_with(&format!("{open} open")),
        "{storage:?}"
    );
    assert_eq!(storage[4], members.to_string(), "{storage:?}");
    assert_eq!(storage[5], format!("1 of {leads}"), "{storage:?}");

    // A SIG nobody has touched: no records, no active lead.
    let quiet = row(&page.body, "testing");
    assert_ne!(quiet[0], "Green", "{quiet:?}");
    assert_eq!(quiet[5].split(" of ").next(), Some("0"), "{quiet:?}");

    // 91 days on, nothing of it counts any more.
    app.clock.advance(91 * 86_400);
    let later = row(&app.visit("/health").await.body, "storage");
    assert_eq!(later[0], "Red", "{later:?}");
    assert!(
        later[1].starts_with(&format!("0, last {held_on}")),
        "{later:?}"
    );
    assert_eq!(later[2], "91 days ago", "{later:?}");
    // The item's month has passed: it counts as overdue.
    let overdue = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) FROM roadmap_items WHERE sig_id = {storage_sig} \
             AND status IN ('planned', 'in_progress') AND target_month < '{}'",
            app.clock.this_month().key()
        ),
    )
    .await;
    assert!(overdue >= 1);
    assert_eq!(
        later[3],
        format!("{open} open, {overdue} overdue"),
        "{later:?}"
    );
    assert_eq!(later[5], format!("0 of {leads}"), "{later:?}");
}

async fn every_column_sorts_by_a_link_and_reverses(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let by_name = main_content(&app.visit("/health?sort=name").await.body);
    let first = |html: &str| {
        let start = html.find("<tbody").expect("body");
        let link =
            start + html[start..].find("href=\"/sigs/").expect("a row") + "href=\"/sigs/".len();
        html[link..link + html[link..].find('"').expect("end")].to_owned()
    };
    assert_eq!(first(&by_name), "advocacy-and-outreach");
    assert!(by_name.contains("aria-sort=\"ascending\""));
    assert!(
        by_name.contains("href=\"/health?sort=name&amp;order=desc\""),
        "{by_name}"
    );
    let reversed = main_content(&app.visit("/health?sort=name&order=desc").await.body);
    assert_eq!(first(&reversed), "virtualization");
    assert!(reversed.contains("aria-sort=\"descending\""));
    for column in [
        "light", "meetings", "board", "items", "members", "leads", "nonsense",
    ] {
        let page = app
            .visit(&format!("/health?sort={column}&order=desc"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{column}");
        assert_eq!(
            page.body.matches("<tr>").count(),
            20,
            "{column}: a header row and 19 SIGs"
        );
    }
    let chinese = app.visit("/zh-CN/health").await.body;
    assert!(chinese.contains("指示灯的规则"));
    assert!(
        chinese.contains("href=\"/zh-CN/health?sort=name\""),
        "{chinese}"
    );
}
