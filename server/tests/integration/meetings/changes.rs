//! A lead cancels and moves meetings across a daylight-saving change: the
//! pages and the feed show it (read back by an independent parser and
//! recurrence engine), and each member who wants it gets one e-mail per
//! change through a real SMTP server, in their own time zone, with
//! unsubscribe headers whose one-click address works.

use chrono::{DateTime, TimeZone, Utc};
use icalendar::rrule::RRuleSet;
use reqwest::StatusCode;

use super::calendars::{param, parse, value};
use super::{add_series, Series};
use crate::on_both_databases;
use crate::support::smtp::{Received, SmtpServer};
use crate::support::{assert_refused_on, main_content, roles, Backend, Page, TestApp};

on_both_databases!(
    cancelled_and_moved_meetings_reach_pages_feeds_and_members,
    bad_changes_are_refused_and_nothing_is_written,
);

/// Sets the server's clock to `at`.
fn set_clock(app: &TestApp, at: DateTime<Utc>) {
    app.clock.advance((at - app.clock.now()).num_seconds());
}

fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .expect("a time")
}

async fn change(app: &TestApp, session: &str, series: i64, fields: &[(&str, &str)]) -> Page {
    let series = series.to_string();
    let mut form = vec![("form[sig]", "storage"), ("form[series]", series.as_str())];
    form.extend_from_slice(fields);
    app.call("change_meeting", &form, Some(session)).await
}

/// Storage's weekly Monday meeting at 09:00 in New York, from 1 March 2027.
pub(crate) async fn monday_series(app: &TestApp, lead: &str) -> i64 {
    let series = Series {
        starts_on: "2027-03-01",
        ..Series::default()
    };
    add_series(app, lead, &series).await
}

/// A new member of storage who reads times in `zone` and wants e-mail
/// about changed meetings or not.
async fn member(app: &TestApp, name: &str, email: &str, zone: &str, changes: bool) {
    let mut fields = vec![("form[time_zone]", zone)];
    if changes {
        fields.push(("form[meeting_changes]", "on"));
    }
    app.storage_member(name, email, &fields).await;
}

/// The e-mails about meeting changes `email` received (the only ones with
/// an unsubscribe header; sign-up and join e-mails arrive beside them).
fn to(received: &[Received], email: &str) -> Vec<Received> {
    received
        .iter()
        .filter(|mail| mail.to == email && mail.header("List-Unsubscribe").is_some())
        .cloned()
        .collect()
}

async fn cancelled_and_moved_meetings_reach_pages_feeds_and_members(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_smtp(backend, smtp.url()).await;
    set_clock(&app, utc(2027, 3, 1, 0));
    let roles = roles(&app).await;
    let series = monday_series(&app, &roles.lead).await;
    member(&app, "Mei", "mei@example.org", "Asia/Shanghai", true).await;
    member(&app, "Otto", "otto@example.org", "", false).await;

    // New York leaves winter time on 14 March 2027: the cancelled meeting
    // is after it, the moved one from before it to after it.
    let cancelled = change(
        &app,
        &roles.lead,
        series,
        &[
            ("form[occurs_on]", "2027-03-15"),
            ("form[action]", "cancel"),
            ("form[reason]", "KubeCon <b>week</b>"),
        ],
    )
    .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.body);
    let moved = change(
        &app,
        &roles.lead,
        series,
        &[
            ("form[occurs_on]", "2027-03-08"),
            ("form[action]", "move"),
            ("form[moved_on]", "2027-03-16"),
            ("form[start_time]", "10:00"),
            ("form[end_time]", "11:00"),
            ("form[reason]", "Room taken"),
        ],
    )
    .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);

    // Pages: the card, the SIG page and the community's meetings.
    for path in ["/sigs/storage/meetings", "/sigs/storage", "/meetings"] {
        let page = main_content(&app.visit(path).await.body);
        assert!(page.contains("Cancelled"), "{path}: {page}");
        assert!(page.contains("Moved"), "{path}: {page}");
        assert!(
            page.contains("KubeCon &lt;b&gt;week&lt;/b&gt;"),
            "{path}: {page}"
        );
    }

    // The feed, expanded by an independent engine, gives the meetings as
    // they now are.
    let feed = app.visit("/sigs/storage/meetings.ics").await;
    let calendar = parse(&feed.body);
    let master = calendar
        .events
        .iter()
        .find(|event| {
            value(&event.properties, "SUMMARY") == "Storage: Storage weekly"
                && event.properties.iter().all(|p| p.name != "RECURRENCE-ID")
        })
        .expect("the recurring event");
    let p = &master.properties;
    assert_eq!(value(p, "EXDATE"), "20270315T090000", "{}", feed.body);
    assert_eq!(param(p, "EXDATE", "TZID"), "America/New_York");
    assert_eq!(value(p, "SEQUENCE"), "2", "{}", feed.body);
    let text = format!(
        "DTSTART;TZID={}:{}\nRRULE:{}\nEXDATE;TZID={}:{}",
        param(p, "DTSTART", "TZID"),
        value(p, "DTSTART"),
        value(p, "RRULE"),
        param(p, "EXDATE", "TZID"),
        value(p, "EXDATE"),
    );
    let set: RRuleSet = text.parse().expect("a recurrence");
    let override_event = calendar
        .events
        .iter()
        .find(|event| event.properties.iter().any(|p| p.name == "RECURRENCE-ID"))
        .expect("the moved meeting's event");
    let o = &override_event.properties;
    assert_eq!(value(o, "UID"), value(p, "UID"));
    assert_eq!(value(o, "RECURRENCE-ID"), "20270308T090000");
    assert_eq!(value(o, "DTSTART"), "20270316T100000");
    assert_eq!(value(o, "DESCRIPTION"), "Room taken");
    let zone: chrono_tz::Tz = "America/New_York".parse().expect("zone");
    let moved_to = chrono::NaiveDateTime::parse_from_str(value(o, "DTSTART"), "%Y%m%dT%H%M%S")
        .expect("a local time");
    let moved_to = zone
        .from_local_datetime(&moved_to)
        .single()
        .expect("one instant")
        .with_timezone(&Utc);
    let replaced =
        chrono::NaiveDateTime::parse_from_str(value(o, "RECURRENCE-ID"), "%Y%m%dT%H%M%S")
            .expect("a local time");
    let mut starts: Vec<DateTime<Utc>> = set
        .all(4)
        .dates
        .iter()
        .map(|start| {
            if start.naive_local() == replaced {
                moved_to
            } else {
                start.with_timezone(&Utc)
            }
        })
        .collect();
    starts.sort();
    let mut expected = vec![
        utc(2027, 3, 1, 14),
        utc(2027, 3, 16, 14),
        utc(2027, 3, 22, 13),
        utc(2027, 3, 29, 13),
    ];
    expected.sort();
    assert_eq!(starts, expected, "{}", feed.body);

    // Mail: one per change to each member who wants it, none to the lead
    // who made it or to Otto, who turned them off.
    let received = smtp
        .wait_until(|received| to(received, "mei@example.org").len() >= 2)
        .await;
    let mei = to(&received, "mei@example.org");
    assert_eq!(mei.len(), 2, "{mei:#?}");
    assert!(to(&received, "otto@example.org").is_empty());
    assert!(to(&received, "lead@example.org").is_empty());
    for mail in received
        .iter()
        .filter(|mail| mail.header("List-Unsubscribe").is_some())
    {
        assert_eq!(
            to(&received, &mail.to).len(),
            2,
            "{}: {received:#?}",
            mail.to
        );
    }
    let cancel_mail = mei
        .iter()
        .find(|mail| mail.subject.contains("cancelled"))
        .expect("the cancellation");
    // 09:00 in New York on 15 March is 21:00 in Shanghai.
    assert!(
        cancel_mail.text.contains("21:00–22:00"),
        "{}",
        cancel_mail.text
    );
    assert!(
        cancel_mail.text.contains("Asia/Shanghai"),
        "{}",
        cancel_mail.text
    );
    assert!(
        cancel_mail.text.contains("KubeCon <b>week</b>"),
        "{}",
        cancel_mail.text
    );
    let move_mail = mei
        .iter()
        .find(|mail| mail.subject.contains("moves"))
        .expect("the move");
    assert!(move_mail.text.contains("22:00–23:00"), "{}", move_mail.text);
    for header in ["Date", "Message-ID", "List-Unsubscribe-Post"] {
        assert!(
            cancel_mail.header(header).is_some(),
            "{header}: {cancel_mail:#?}"
        );
    }
    assert_eq!(
        cancel_mail.header("List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    let path = cancel_mail.one_click_path();
    assert!(
        cancel_mail.text.contains("/unsubscribe?token="),
        "{}",
        cancel_mail.text
    );

    // One click, without signing in, as a mail client posts it.
    let refused = app.post(&path, &[], "List-Unsubscribe=Maybe").await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let unknown = app
        .post(
            "/unsubscribe/one-click?token=00000000000000000000000000000000&list=meeting-changes",
            &[],
            "List-Unsubscribe=One-Click",
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let done = app.post(&path, &[], "List-Unsubscribe=One-Click").await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let page_path = path.replace("/unsubscribe/one-click", "/unsubscribe");
    let page = main_content(&app.visit(&page_path).await.body);
    assert!(page.contains("You are unsubscribed"), "{page}");

    // The next change reaches a new member but no longer Mei.
    member(&app, "Ada", "ada@example.org", "Europe/Berlin", true).await;
    let restored = change(
        &app,
        &roles.lead,
        series,
        &[
            ("form[occurs_on]", "2027-03-15"),
            ("form[action]", "restore"),
        ],
    )
    .await;
    assert_eq!(restored.status, StatusCode::OK, "{}", restored.body);
    let received = smtp
        .wait_until(|received| !to(received, "ada@example.org").is_empty())
        .await;
    let ada = to(&received, "ada@example.org");
    assert_eq!(ada.len(), 1, "{ada:#?}");
    assert!(ada[0].subject.contains("after all"), "{}", ada[0].subject);
    // 09:00 in New York on 15 March (summer time) is 14:00 in Berlin (still winter time).
    assert!(ada[0].text.contains("14:00–15:00"), "{}", ada[0].text);
    assert_eq!(to(&received, "mei@example.org").len(), 2);
    let page = main_content(&app.visit("/sigs/storage/meetings").await.body);
    assert!(!page.contains("Cancelled"), "{page}");
}

async fn bad_changes_are_refused_and_nothing_is_written(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_clock(&app, utc(2027, 3, 10, 12));
    let roles = roles(&app).await;
    let series = monday_series(&app, &roles.lead).await;
    let long = "x".repeat(301);
    let refusals: [(&[(&str, &str)], &str); 8] = [
        (
            &[
                ("form[occurs_on]", "2027-03-08"),
                ("form[action]", "cancel"),
            ],
            "occurs_on",
        ),
        (
            &[
                ("form[occurs_on]", "2027-03-16"),
                ("form[action]", "cancel"),
            ],
            "occurs_on",
        ),
        (
            &[
                ("form[occurs_on]", "next monday"),
                ("form[action]", "cancel"),
            ],
            "occurs_on",
        ),
        (
            &[("form[occurs_on]", "2027-03-15"), ("form[action]", "drop")],
            "action",
        ),
        (
            &[
                ("form[occurs_on]", "2027-03-15"),
                ("form[action]", "move"),
                ("form[moved_on]", "2027-03-16"),
                ("form[start_time]", "11:00"),
                ("form[end_time]", "10:00"),
            ],
            "end_time",
        ),
        (
            &[
                ("form[occurs_on]", "2027-03-15"),
                ("form[action]", "move"),
                ("form[moved_on]", "2027-03-01"),
                ("form[start_time]", "10:00"),
                ("form[end_time]", "11:00"),
            ],
            "moved_on",
        ),
        (
            &[
                ("form[occurs_on]", "2027-03-15"),
                ("form[action]", "cancel"),
                ("form[reason]", long.as_str()),
            ],
            "reason",
        ),
        (
            &[
                ("form[occurs_on]", "2027-03-15"),
                ("form[action]", "restore"),
            ],
            "occurs_on",
        ),
    ];
    for (fields, field) in refusals {
        assert_refused_on(&change(&app, &roles.lead, series, fields).await, field);
    }
    let cancel = [
        ("form[occurs_on]", "2027-03-15"),
        ("form[action]", "cancel"),
    ];
    assert_eq!(
        change(&app, &roles.member, series, &cancel).await.status,
        StatusCode::FORBIDDEN
    );
    let series_text = series.to_string();
    let anonymous = app
        .call(
            "change_meeting",
            &[
                ("form[sig]", "storage"),
                ("form[series]", series_text.as_str()),
                ("form[occurs_on]", "2027-03-15"),
                ("form[action]", "cancel"),
            ],
            None,
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        change(&app, &roles.lead, series + 1000, &cancel)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let db = app.database.open().await;
    let written: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM meeting_changes")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    assert_eq!(written, 0);
    let sequence: i64 = sqlx::query_scalar("SELECT sequence FROM meeting_series WHERE id = $1")
        .bind(series)
        .fetch_one(&db.pool)
        .await
        .expect("sequence");
    assert_eq!(sequence, 0);

    // Ending the series: its last meeting is the one chosen, the feed says
    // UNTIL, and letting it go on takes that back.
    let ended = change(
        &app,
        &roles.lead,
        series,
        &[("form[occurs_on]", "2027-03-22"), ("form[action]", "end")],
    )
    .await;
    assert_eq!(ended.status, StatusCode::OK, "{}", ended.body);
    let page = main_content(&app.visit("/sigs/storage/meetings").await.body);
    assert!(page.contains("Last meeting on 22 March 2027"), "{page}");
    let feed = app.visit("/sigs/storage/meetings.ics").await.body;
    assert!(feed.contains("UNTIL=20270322T130000Z"), "{feed}");
    let resumed = change(&app, &roles.lead, series, &[("form[action]", "resume")]).await;
    assert_eq!(resumed.status, StatusCode::OK, "{}", resumed.body);
    let feed = app.visit("/sigs/storage/meetings.ics").await.body;
    assert!(!feed.contains("UNTIL"), "{feed}");
}
