//! Meetings: leads schedule series and record meetings; visitors see the
//! times in the meeting's zone and UTC; calendar apps get feeds that an
//! independent parser reads back into the same series.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{assert_refused_on, count, main_content, roles, Backend, Page, TestApp};

mod calendars;
pub(crate) mod changes;

on_both_databases!(
    a_lead_schedules_a_series_and_keeps_the_archive,
    only_the_sigs_leads_and_admins_change_its_meetings,
    bad_meeting_input_is_refused_on_its_field_and_nothing_is_written,
    the_directory_filters_by_working_hours,
);

/// The fields of the series form, starting from a weekly Monday meeting.
pub struct Series<'a> {
    pub sig: &'a str,
    pub id: i64,
    pub title: &'a str,
    pub weekday: &'a str,
    pub start: &'a str,
    pub end: &'a str,
    pub zone: &'a str,
    pub cadence: &'a str,
    pub week: &'a str,
    pub starts_on: &'a str,
    pub join: &'a str,
}

impl Default for Series<'_> {
    fn default() -> Self {
        Series {
            sig: "storage",
            id: 0,
            title: "Storage weekly",
            weekday: "1",
            start: "09:00",
            end: "10:00",
            zone: "America/New_York",
            cadence: "weekly",
            week: "",
            starts_on: "2027-02-22",
            join: "https://meet.example.org/storage",
        }
    }
}

pub async fn save_series(app: &TestApp, session: Option<&str>, series: &Series<'_>) -> Page {
    let id = series.id.to_string();
    let fields = [
        ("form[sig]", series.sig),
        ("form[id]", id.as_str()),
        ("form[title]", series.title),
        ("form[weekday]", series.weekday),
        ("form[start_time]", series.start),
        ("form[end_time]", series.end),
        ("form[time_zone]", series.zone),
        ("form[cadence]", series.cadence),
        ("form[week_of_month]", series.week),
        ("form[starts_on]", series.starts_on),
        ("form[join_url]", series.join),
        ("form[notes_url]", ""),
        ("form[recordings_url]", ""),
    ];
    app.call("save_meeting_series", &fields, session).await
}

pub async fn add_series(app: &TestApp, session: &str, series: &Series<'_>) -> i64 {
    let page = save_series(app, Some(session), series).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.body.trim().parse().expect("the new series' id")
}

async fn save_record(
    app: &TestApp,
    session: Option<&str>,
    id: i64,
    held_on: &str,
    title: &str,
    notes: &str,
) -> Page {
    let id = id.to_string();
    let fields = [
        ("form[sig]", "storage"),
        ("form[id]", id.as_str()),
        ("form[held_on]", held_on),
        ("form[title]", title),
        ("form[agenda]", "1. Roadmap review"),
        ("form[notes]", notes),
        ("form[recording_url]", ""),
    ];
    app.call("save_meeting_record", &fields, session).await
}

async fn delete(app: &TestApp, session: &str, what: &str, id: i64, confirm: bool) -> Page {
    let id = id.to_string();
    let mut fields = vec![("sig", "storage"), ("what", what), ("id", id.as_str())];
    if confirm {
        fields.push(("confirm", "yes"));
    }
    app.call("delete_meeting_entry", &fields, Some(session))
        .await
}

async fn a_lead_schedules_a_series_and_keeps_the_archive(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lead = roles(&app).await.lead;
    let series = add_series(&app, &lead, &Series::default()).await;

    let page = main_content(&app.visit("/sigs/storage/meetings").await.body);
    assert!(page.contains("Storage weekly"), "{page}");
    assert!(
        page.contains("Every Monday, 09:00–10:00 America/New_York"),
        "{page}"
    );
    assert!(page.contains("UTC"), "{page}");
    let sig_page = main_content(&app.visit("/sigs/storage").await.body);
    assert!(sig_page.contains("Storage weekly"), "{sig_page}");

    // Edit: a new time, seen at once.
    let edited = Series {
        id: series,
        start: "10:00",
        end: "11:00",
        ..Series::default()
    };
    assert_eq!(
        save_series(&app, Some(&lead), &edited).await.status,
        StatusCode::OK
    );
    let page = main_content(&app.visit("/sigs/storage/meetings").await.body);
    assert!(
        page.contains("Every Monday, 10:00–11:00 America/New_York"),
        "{page}"
    );

    // Records: the archive lists the newest first; notes are sanitised.
    let older = save_record(
        &app,
        Some(&lead),
        0,
        "2026-10-05",
        "October meeting",
        "Decided **X**",
    )
    .await;
    assert_eq!(older.status, StatusCode::OK, "{}", older.body);
    let newer = save_record(
        &app,
        Some(&lead),
        0,
        "2026-11-02",
        "November meeting",
        "<script>alert(1)</script><a href=\"javascript:alert(2)\" onclick=\"x()\">link</a>",
    )
    .await;
    let newer: i64 = newer.body.trim().parse().expect("an id");
    let archive = main_content(&app.visit("/sigs/storage/meetings").await.body);
    let (november, october) = (
        archive.find("November meeting").expect("listed"),
        archive.find("October meeting").expect("listed"),
    );
    assert!(november < october, "newest first: {archive}");
    let record = app.visit(&format!("/sigs/storage/meetings/{newer}")).await;
    assert_eq!(record.status, StatusCode::OK);
    let shown = main_content(&record.body);
    assert!(
        shown.contains("2 November 2026") && shown.contains("Roadmap review"),
        "{shown}"
    );
    assert!(
        !shown.contains("<script>alert")
            && !shown.contains("javascript:")
            && !shown.contains("onclick"),
        "{shown}"
    );
    // Another SIG's address does not open it.
    assert_eq!(
        app.visit(&format!("/sigs/devops/meetings/{newer}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Deleting asks for the tick, then removes.
    assert_refused_on(
        &delete(&app, &lead, "record", newer, false).await,
        "confirm",
    );
    assert_eq!(
        delete(&app, &lead, "record", newer, true).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.visit(&format!("/sigs/storage/meetings/{newer}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        delete(&app, &lead, "series", series, true).await.status,
        StatusCode::OK
    );
    let page = main_content(&app.visit("/sigs/storage/meetings").await.body);
    assert!(!page.contains("Storage weekly"), "{page}");
    assert_eq!(
        delete(&app, &lead, "series", series, true).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn only_the_sigs_leads_and_admins_change_its_meetings(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let db = app.database.open().await;
    let before = (
        count(&db, "meeting_series").await,
        count(&db, "meetings").await,
    );
    for (who, session, status) in [
        ("a visitor", None, StatusCode::UNAUTHORIZED),
        (
            "a member",
            Some(roles.member.as_str()),
            StatusCode::FORBIDDEN,
        ),
        (
            "an emeritus lead",
            Some(roles.emeritus.as_str()),
            StatusCode::FORBIDDEN,
        ),
    ] {
        assert_eq!(
            save_series(&app, session, &Series::default()).await.status,
            status,
            "{who}"
        );
        assert_eq!(
            save_record(&app, session, 0, "2026-11-02", "Meeting", "")
                .await
                .status,
            status,
            "{who}"
        );
    }
    // A lead of storage cannot schedule for devops.
    let other = Series {
        sig: "devops",
        ..Series::default()
    };
    assert_eq!(
        save_series(&app, Some(&roles.lead), &other).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        before,
        (
            count(&db, "meeting_series").await,
            count(&db, "meetings").await
        )
    );
    let editor = app
        .visit_as("/sigs/storage/meetings/series/new", &roles.member)
        .await;
    assert_eq!(editor.status, StatusCode::FORBIDDEN);
    assert!(add_series(&app, &roles.admin, &Series::default()).await > 0);
}

async fn bad_meeting_input_is_refused_on_its_field_and_nothing_is_written(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lead = roles(&app).await.lead;
    let db = app.database.open().await;
    let before = (
        count(&db, "meeting_series").await,
        count(&db, "meetings").await,
    );
    let too_long = "x".repeat(121);
    for (field, series) in [
        (
            "start_time",
            Series {
                start: "25:00",
                ..Series::default()
            },
        ),
        (
            "end_time",
            Series {
                end: "08:30",
                ..Series::default()
            },
        ),
        (
            "time_zone",
            Series {
                zone: "Mars/Olympus_Mons",
                ..Series::default()
            },
        ),
        (
            "time_zone",
            Series {
                zone: "Beijing Time",
                ..Series::default()
            },
        ),
        (
            "weekday",
            Series {
                weekday: "Caturday",
                ..Series::default()
            },
        ),
        (
            "cadence",
            Series {
                cadence: "hourly",
                ..Series::default()
            },
        ),
        (
            "week_of_month",
            Series {
                cadence: "monthly",
                week: "5",
                ..Series::default()
            },
        ),
        (
            "starts_on",
            Series {
                starts_on: "2027-02-30",
                ..Series::default()
            },
        ),
        (
            "join_url",
            Series {
                join: "javascript:alert(1)",
                ..Series::default()
            },
        ),
        (
            "title",
            Series {
                title: " ",
                ..Series::default()
            },
        ),
        (
            "title",
            Series {
                title: &too_long,
                ..Series::default()
            },
        ),
    ] {
        assert_refused_on(&save_series(&app, Some(&lead), &series).await, field);
    }
    assert_refused_on(
        &save_record(&app, Some(&lead), 0, "2026-13-01", "Meeting", "").await,
        "held_on",
    );
    assert_refused_on(
        &save_record(&app, Some(&lead), 0, "2026-11-02", "", "").await,
        "title",
    );
    let long_notes = "n".repeat(20_001);
    assert_refused_on(
        &save_record(&app, Some(&lead), 0, "2026-11-02", "Meeting", &long_notes).await,
        "notes",
    );
    // A non-numeric id is a bad request, not a server error.
    let page = app
        .call(
            "delete_meeting_entry",
            &[("sig", "storage"), ("what", "record"), ("id", "x")],
            Some(&lead),
        )
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    assert_eq!(
        before,
        (
            count(&db, "meeting_series").await,
            count(&db, "meetings").await
        )
    );
}

async fn the_directory_filters_by_working_hours(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // The demo data: storage meets Thursdays 15:00 Shanghai time (16:00 in
    // Tokyo), devops Tuesdays 09:00 Pacific time (the middle of Tokyo's night).
    let tokyo = main_content(&app.visit("/sigs?tz=Asia/Tokyo&from=9&to=17").await.body);
    assert!(tokyo.contains("href=\"/sigs/storage\""), "{tokyo}");
    assert!(!tokyo.contains("href=\"/sigs/devops\""), "{tokyo}");
    assert!(
        !tokyo.contains("href=\"/sigs/docs\""),
        "a SIG without meetings: {tokyo}"
    );
    let pacific = main_content(
        &app.visit("/sigs?tz=America/Los_Angeles&from=8&to=18")
            .await
            .body,
    );
    assert!(pacific.contains("href=\"/sigs/devops\""), "{pacific}");
    assert!(!pacific.contains("href=\"/sigs/storage\""), "{pacific}");
    let unknown = main_content(&app.visit("/sigs?tz=Mars/Base&from=9&to=17").await.body);
    assert!(unknown.contains("is not a time zone we know"), "{unknown}");
    let backwards = main_content(&app.visit("/sigs?tz=UTC&from=17&to=9").await.body);
    assert!(
        backwards.contains("must end after it starts"),
        "{backwards}"
    );
}
