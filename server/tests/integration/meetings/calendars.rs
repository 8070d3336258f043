//! The iCalendar feeds, read by an independent parser (the `ical` crate) and
//! expanded by an independent recurrence engine (`rrule`): the series come
//! back as they were saved, the occurrences equal the ones the pages show,
//! and the zone data matches the IANA database.

use std::collections::HashMap;
use std::io::BufReader;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use ical::parser::ical::component::{IcalCalendar, IcalEvent, IcalTimeZone};
use ical::property::Property;
use icalendar::rrule::RRuleSet;
use reqwest::StatusCode;

use super::{add_series, Series};
use crate::on_both_databases;
use crate::support::{roles, Backend, TestApp};

on_both_databases!(
    calendar_feeds_parse_and_round_trip_the_series,
    a_members_private_feed_follows_their_sigs_and_can_be_revoked,
);

pub(super) fn parse(text: &str) -> IcalCalendar {
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .unwrap_or_else(|error| panic!("{error}: {text}"));
    assert!(calendars.next().is_none(), "one calendar only");
    calendar
}

pub(super) fn value<'a>(properties: &'a [Property], name: &str) -> &'a str {
    properties
        .iter()
        .find(|property| property.name == name)
        .and_then(|property| property.value.as_deref())
        .unwrap_or_else(|| panic!("no {name} in {properties:?}"))
}

pub(super) fn param<'a>(properties: &'a [Property], name: &str, param: &str) -> &'a str {
    properties
        .iter()
        .find(|property| property.name == name)
        .and_then(|property| property.params.as_ref())
        .and_then(|params| params.iter().find(|(key, _)| key == param))
        .and_then(|(_, values)| values.first())
        .map(String::as_str)
        .unwrap_or_else(|| panic!("no {name};{param}"))
}

/// A series as the feed states it, read back into the form's terms.
#[derive(Debug, PartialEq)]
struct ReadBack {
    title: String,
    weekday: String,
    start: String,
    end: String,
    zone: String,
    cadence: String,
    week: String,
    join: String,
}

fn read_back(event: &IcalEvent) -> ReadBack {
    let p = &event.properties;
    let rule: HashMap<&str, &str> = value(p, "RRULE")
        .split(';')
        .filter_map(|part| part.split_once('='))
        .collect();
    let by_day = rule["BYDAY"];
    let (week, day) = by_day.split_at(by_day.len() - 2);
    let weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        .iter()
        .position(|d| *d == day)
        .expect("a weekday")
        + 1;
    let cadence = match (rule["FREQ"], rule.get("INTERVAL").copied().unwrap_or("1")) {
        ("WEEKLY", "1") => "weekly",
        ("WEEKLY", "2") => "biweekly",
        ("MONTHLY", _) => "monthly",
        other => panic!("unexpected rule {other:?}"),
    };
    let time = |name: &str| {
        let stamp =
            NaiveDateTime::parse_from_str(value(p, name), "%Y%m%dT%H%M%S").expect("a local time");
        stamp.format("%H:%M").to_string()
    };
    ReadBack {
        title: value(p, "SUMMARY")
            .split_once(": ")
            .expect("SIG: title")
            .1
            .to_owned(),
        weekday: weekday.to_string(),
        start: time("DTSTART"),
        end: time("DTEND"),
        zone: param(p, "DTSTART", "TZID").to_owned(),
        cadence: cadence.to_owned(),
        week: week.trim_start_matches('+').to_owned(),
        join: value(p, "LOCATION").to_owned(),
    }
}

/// The first `n` starts the recurrence engine computes from the feed.
fn expanded(event: &IcalEvent, n: u16) -> Vec<DateTime<Utc>> {
    let p = &event.properties;
    let text = format!(
        "DTSTART;TZID={}:{}\nRRULE:{}",
        param(p, "DTSTART", "TZID"),
        value(p, "DTSTART"),
        value(p, "RRULE")
    );
    let set: RRuleSet = text
        .parse()
        .unwrap_or_else(|error| panic!("{error}: {text}"));
    set.all(n)
        .dates
        .iter()
        .map(|date| date.with_timezone(&Utc))
        .collect()
}

/// The observances of a zone: (kind, onset, offset from, offset to).
fn observances(zone: &IcalTimeZone) -> Vec<(String, String, String, String)> {
    zone.transitions
        .iter()
        .map(|transition| {
            let p = &transition.properties;
            (
                format!("{:?}", transition.transition),
                value(p, "DTSTART").to_owned(),
                value(p, "TZOFFSETFROM").to_owned(),
                value(p, "TZOFFSETTO").to_owned(),
            )
        })
        .collect()
}

async fn calendar_feeds_parse_and_round_trip_the_series(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lead = roles(&app).await.lead;
    let saved = [
        Series::default(),
        Series {
            title: "Storage design",
            weekday: "5",
            start: "17:00",
            end: "18:30",
            zone: "Europe/Berlin",
            cadence: "monthly",
            week: "-1",
            starts_on: "2027-01-01",
            ..Series::default()
        },
        Series {
            title: "Storage APAC",
            weekday: "4",
            start: "15:00",
            end: "16:00",
            zone: "Asia/Shanghai",
            cadence: "biweekly",
            starts_on: "2027-01-01",
            ..Series::default()
        },
    ];
    // The demo data's own storage series is replaced by these three.
    let db = app.database.open().await;
    sqlx::query(
        "DELETE FROM meeting_series WHERE sig_id = (SELECT id FROM sigs WHERE slug = 'storage')",
    )
    .execute(&db.pool)
    .await
    .expect("clear");
    let mut ids = Vec::new();
    for series in &saved {
        ids.push(add_series(&app, &lead, series).await);
    }

    let feed = app.visit("/sigs/storage/meetings.ics").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(feed.headers["content-type"], "text/calendar; charset=utf-8");
    let calendar = parse(&feed.body);
    assert_eq!(calendar.events.len(), 3, "{}", feed.body);

    for (series, event) in saved.iter().zip(&calendar.events) {
        // Round trip: the feed says what the lead saved.
        assert_eq!(
            read_back(event),
            ReadBack {
                title: series.title.to_owned(),
                weekday: series.weekday.to_owned(),
                start: series.start.to_owned(),
                end: series.end.to_owned(),
                zone: series.zone.to_owned(),
                cadence: series.cadence.to_owned(),
                week: series.week.to_owned(),
                join: series.join.to_owned(),
            }
        );
        // The recurrence engine and the pages agree on the next ten
        // meetings, across the daylight-saving changes of 2027.
        let schedule = app::schedule::Schedule::new(
            series.weekday.parse().expect("a day"),
            series.start,
            series.end,
            series.zone,
            series.cadence,
            series.week.parse().ok(),
            series.starts_on,
        )
        .expect("a rule");
        let from = DateTime::parse_from_rfc3339(&format!("{}T00:00:00Z", series.starts_on))
            .expect("a date")
            .with_timezone(&Utc)
            - Duration::days(1);
        let ours: Vec<DateTime<Utc>> = schedule
            .upcoming(from)
            .take(10)
            .map(|meeting| meeting.start.with_timezone(&Utc))
            .collect();
        assert_eq!(ours, expanded(event, 10), "{}", series.title);
    }
    let uids: Vec<&str> = calendar
        .events
        .iter()
        .map(|event| value(&event.properties, "UID"))
        .collect();
    assert_eq!(uids.len(), ids.len());
    assert!(uids
        .iter()
        .zip(&ids)
        .all(|(uid, id)| uid.starts_with(&format!("meeting-series-{id}@"))));

    // One VTIMEZONE per zone used, with the IANA transitions.
    let zones: HashMap<&str, &IcalTimeZone> = calendar
        .timezones
        .iter()
        .map(|zone| (value(&zone.properties, "TZID"), zone))
        .collect();
    assert_eq!(zones.len(), 3);
    let new_york = observances(zones["America/New_York"]);
    assert!(
        new_york.contains(&(
            "DAYLIGHT".into(),
            "20270314T020000".into(),
            "-0500".into(),
            "-0400".into()
        )),
        "{new_york:?}"
    );
    assert!(
        new_york.contains(&(
            "STANDARD".into(),
            "20271107T020000".into(),
            "-0400".into(),
            "-0500".into()
        )),
        "{new_york:?}"
    );
    let berlin = observances(zones["Europe/Berlin"]);
    assert!(
        berlin.contains(&(
            "DAYLIGHT".into(),
            "20270328T020000".into(),
            "+0100".into(),
            "+0200".into()
        )),
        "{berlin:?}"
    );
    let shanghai = observances(zones["Asia/Shanghai"]);
    assert_eq!(shanghai.len(), 1, "{shanghai:?}");
    assert_eq!(
        (shanghai[0].2.as_str(), shanghai[0].3.as_str()),
        ("+0800", "+0800")
    );

    // The community feed carries every active SIG's series; unknown SIG: 404.
    let community = parse(&app.visit("/meetings.ics").await.body);
    assert!(community.events.len() > 3, "demo series of other SIGs too");
    assert_eq!(
        app.visit("/sigs/no-such-sig/meetings.ics").await.status,
        StatusCode::NOT_FOUND
    );
}

async fn a_members_private_feed_follows_their_sigs_and_can_be_revoked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let made = app
        .call(
            "change_calendar_link",
            &[("change", "new")],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let url: serde_json::Value = serde_json::from_str(&made.body).expect("json");
    let url = url["url"].as_str().expect("an address").to_owned();
    let path = &url[url.find("/calendar/").expect("a calendar path")..];

    // The lead of storage gets storage's meetings and no one else's.
    let feed = app.visit(path).await;
    assert_eq!(feed.status, StatusCode::OK);
    let calendar = parse(&feed.body);
    assert!(!calendar.events.is_empty());
    assert!(
        calendar
            .events
            .iter()
            .all(|event| value(&event.properties, "SUMMARY").starts_with("Storage")),
        "{}",
        feed.body
    );

    // Replacing revokes the old address; turning off revokes the new one.
    let replaced = app
        .call(
            "change_calendar_link",
            &[("change", "new")],
            Some(&roles.lead),
        )
        .await;
    let replaced: serde_json::Value = serde_json::from_str(&replaced.body).expect("json");
    let replaced = replaced["url"].as_str().expect("an address").to_owned();
    assert_ne!(replaced, url);
    assert_eq!(app.visit(path).await.status, StatusCode::NOT_FOUND);
    let new_path = &replaced[replaced.find("/calendar/").expect("a path")..];
    assert_eq!(app.visit(new_path).await.status, StatusCode::OK);
    let off = app
        .call(
            "change_calendar_link",
            &[("change", "off")],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(off.status, StatusCode::OK);
    assert_eq!(app.visit(new_path).await.status, StatusCode::NOT_FOUND);

    // Only for signed-in people; nonsense answers 404, never 500.
    assert_eq!(
        app.call("change_calendar_link", &[("change", "new")], None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.call(
            "change_calendar_link",
            &[("change", "bogus")],
            Some(&roles.member)
        )
        .await
        .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.visit("/calendar/not-a-token").await.status,
        StatusCode::NOT_FOUND
    );
    // A NUL character is refused before any route reads the address.
    assert_eq!(
        app.visit("/calendar/%00%27.ics").await.status,
        StatusCode::BAD_REQUEST
    );
}
