use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use rstest::rstest;

use super::{at_local, instant, within_working_hours, Schedule};

fn series(
    weekday: u32,
    start: &str,
    end: &str,
    zone: &str,
    cadence: &str,
    week: Option<i64>,
) -> Schedule {
    Schedule::new(weekday, start, end, zone, cadence, week, "2026-01-01").expect("a valid rule")
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("an RFC 3339 time")
        .with_timezone(&Utc)
}

fn next_start(schedule: &Schedule, now: &str) -> String {
    let next = schedule.next_after(utc(now)).expect("a next meeting");
    next.start.with_timezone(&Utc).to_rfc3339()
}

// A US zone across both transitions of 2026 (8 March, 1 November): the
// meeting stays at 09:00 local, so its UTC time moves by an hour.
#[rstest]
#[case::winter_before_spring("2026-03-01T00:00:00Z", "2026-03-02T14:00:00+00:00")]
#[case::summer_after_spring("2026-03-03T00:00:00Z", "2026-03-09T13:00:00+00:00")]
#[case::summer_before_autumn("2026-10-20T00:00:00Z", "2026-10-26T13:00:00+00:00")]
#[case::winter_after_autumn("2026-10-27T00:00:00Z", "2026-11-02T14:00:00+00:00")]
fn new_york_monday_at_nine(#[case] now: &str, #[case] expected: &str) {
    let schedule = series(1, "09:00", "10:00", "America/New_York", "weekly", None);
    assert_eq!(next_start(&schedule, now), expected);
}

// A European zone across both transitions of 2026 (29 March, 25 October).
#[rstest]
#[case::winter_before_spring("2026-03-20T00:00:00Z", "2026-03-26T16:00:00+00:00")]
#[case::summer_after_spring("2026-03-27T00:00:00Z", "2026-04-02T15:00:00+00:00")]
#[case::summer_before_autumn("2026-10-20T00:00:00Z", "2026-10-22T15:00:00+00:00")]
#[case::winter_after_autumn("2026-10-23T00:00:00Z", "2026-10-29T16:00:00+00:00")]
fn berlin_thursday_at_five(#[case] now: &str, #[case] expected: &str) {
    let schedule = series(4, "17:00", "18:00", "Europe/Berlin", "weekly", None);
    assert_eq!(next_start(&schedule, now), expected);
}

// A zone without daylight saving, every two weeks from Thursday 1 January:
// always 07:00 UTC, on the fortnights counted from the first meeting, while
// the US and Europe change their clocks.
#[rstest]
#[case::march("2026-03-13T00:00:00Z", "2026-03-26T07:00:00+00:00")]
#[case::april("2026-03-27T00:00:00Z", "2026-04-09T07:00:00+00:00")]
#[case::october("2026-10-16T00:00:00Z", "2026-10-22T07:00:00+00:00")]
#[case::november("2026-10-23T00:00:00Z", "2026-11-05T07:00:00+00:00")]
fn shanghai_every_two_weeks(#[case] now: &str, #[case] expected: &str) {
    let schedule = series(4, "15:00", "16:00", "Asia/Shanghai", "biweekly", None);
    assert_eq!(next_start(&schedule, now), expected);
}

#[rstest]
#[case::second_tuesday(2, Some(2), "2026-12-01T00:00:00Z", "2026-12-08T17:00:00+00:00")]
#[case::second_tuesday_next_month(2, Some(2), "2026-12-09T00:00:00Z", "2027-01-12T17:00:00+00:00")]
#[case::last_friday(5, Some(-1), "2026-12-01T00:00:00Z", "2026-12-25T17:00:00+00:00")]
#[case::last_friday_five_weeks(5, Some(-1), "2026-12-26T00:00:00Z", "2027-01-29T17:00:00+00:00")]
fn monthly_in_utc(
    #[case] weekday: u32,
    #[case] week: Option<i64>,
    #[case] now: &str,
    #[case] expected: &str,
) {
    let schedule = series(weekday, "17:00", "18:00", "UTC", "monthly", week);
    assert_eq!(next_start(&schedule, now), expected);
}

#[test]
fn a_meeting_under_way_is_still_the_next_one() {
    let schedule = series(1, "09:00", "10:00", "America/New_York", "weekly", None);
    assert_eq!(
        next_start(&schedule, "2026-03-09T13:30:00Z"),
        "2026-03-09T13:00:00+00:00"
    );
    assert_eq!(
        next_start(&schedule, "2026-03-09T14:00:00Z"),
        "2026-03-16T13:00:00+00:00"
    );
}

#[test]
fn nothing_before_the_first_day() {
    let schedule = Schedule::new(4, "15:00", "16:00", "UTC", "weekly", None, "2027-02-01")
        .expect("a valid rule");
    assert_eq!(
        next_start(&schedule, "2026-11-25T00:00:00Z"),
        "2027-02-04T15:00:00+00:00"
    );
}

#[test]
fn a_time_the_clock_skips_is_read_with_the_offset_before_the_jump() {
    let zone: Tz = "America/New_York".parse().expect("a zone");
    let date = NaiveDate::from_ymd_opt(2026, 3, 8).expect("a date");
    let time = chrono::NaiveTime::from_hms_opt(2, 30, 0).expect("a time");
    assert_eq!(
        at_local(zone, date, time).with_timezone(&Utc),
        utc("2026-03-08T07:30:00Z")
    );
}

#[test]
fn a_repeated_hour_means_the_first_one() {
    let zone: Tz = "America/New_York".parse().expect("a zone");
    let date = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date");
    let time = chrono::NaiveTime::from_hms_opt(1, 30, 0).expect("a time");
    assert_eq!(
        at_local(zone, date, time).with_timezone(&Utc),
        utc("2026-11-01T05:30:00Z")
    );
}

#[test]
fn an_instant_states_zone_utc_and_distance() {
    let schedule = series(4, "15:00", "16:00", "Asia/Shanghai", "weekly", None);
    let now = utc("2026-11-23T07:00:00Z");
    let shown = instant(schedule.next_after(now).expect("a meeting"), now);
    assert_eq!(shown.starts_iso, "2026-11-26T07:00:00Z");
    assert_eq!(shown.in_zone, "Thursday, 26 November 2026, 15:00–16:00");
    assert_eq!(shown.zone_label, "Asia/Shanghai (CST)");
    assert_eq!(shown.in_utc, "Thu 26 Nov, 07:00–08:00 UTC");
    assert_eq!(shown.relative, "in 3 days");
    assert_eq!(
        schedule.label(),
        "Every Thursday, 15:00–16:00 Asia/Shanghai"
    );
}

#[rstest]
// 15:00 Shanghai is 08:00 in Berlin in winter: before a 9-to-5 day.
#[case::too_early_in_berlin("Europe/Berlin", 9, 17, false)]
#[case::fits_an_early_day_in_berlin("Europe/Berlin", 8, 16, true)]
#[case::fits_tokyo("Asia/Tokyo", 9, 17, true)]
// 02:00 in New York, on a Thursday.
#[case::night_in_new_york("America/New_York", 9, 17, false)]
fn working_hours(#[case] visitor: &str, #[case] from: u32, #[case] to: u32, #[case] fits: bool) {
    let schedule = series(4, "15:00", "16:00", "Asia/Shanghai", "weekly", None);
    let meeting = schedule
        .next_after(utc("2026-11-23T00:00:00Z"))
        .expect("a meeting");
    let visitor: Tz = visitor.parse().expect("a zone");
    assert_eq!(within_working_hours(meeting, visitor, from, to), fits);
}

#[test]
fn a_weekend_meeting_is_outside_working_hours() {
    let schedule = series(6, "10:00", "11:00", "UTC", "weekly", None);
    let meeting = schedule
        .next_after(Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap())
        .expect("a meeting");
    assert!(!within_working_hours(meeting, Tz::UTC, 0, 24));
}

#[test]
fn a_broken_rule_is_refused() {
    assert!(Schedule::new(4, "25:00", "26:00", "UTC", "weekly", None, "2026-01-01").is_none());
    assert!(Schedule::new(
        4,
        "15:00",
        "16:00",
        "Mars/Olympus",
        "weekly",
        None,
        "2026-01-01"
    )
    .is_none());
    assert!(Schedule::new(8, "15:00", "16:00", "UTC", "weekly", None, "2026-01-01").is_none());
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn starts(schedule: &Schedule, now: &str, count: usize) -> Vec<String> {
    schedule
        .upcoming(utc(now))
        .take(count)
        .map(|meeting| meeting.start.with_timezone(&Utc).to_rfc3339())
        .collect()
}

// A cancelled meeting is left out; a moved one comes at its new time, in
// order even when it moves past the next planned one, and across the
// spring change (8 March 2026 in New York).
#[test]
fn changes_leave_out_and_move_meetings_in_order() {
    use super::Change;
    let time = |text: &str| chrono::NaiveTime::parse_from_str(text, "%H:%M").expect("a time");
    let schedule = series(1, "09:00", "10:00", "America/New_York", "weekly", None).with_changes(
        None,
        vec![
            Change {
                occurs_on: day("2026-03-02"),
                moved_to: Some((day("2026-03-10"), time("10:00"), time("11:00"))),
            },
            Change {
                occurs_on: day("2026-03-09"),
                moved_to: None,
            },
        ],
    );
    assert_eq!(
        starts(&schedule, "2026-02-28T00:00:00Z", 3),
        [
            "2026-03-10T14:00:00+00:00",
            "2026-03-16T13:00:00+00:00",
            "2026-03-23T13:00:00+00:00",
        ]
    );
    assert!(schedule.cancelled_on(day("2026-03-09")));
    assert!(!schedule.cancelled_on(day("2026-03-02")));
    // The form still offers the changed days, to put them back.
    let offered: Vec<NaiveDate> = schedule
        .planned_days(utc("2026-02-28T00:00:00Z"))
        .take(2)
        .collect();
    assert_eq!(offered, [day("2026-03-02"), day("2026-03-09")]);
}

#[test]
fn an_ended_series_meets_up_to_its_last_day() {
    let schedule = series(1, "09:00", "10:00", "America/New_York", "weekly", None)
        .with_changes(Some(day("2026-03-09")), Vec::new());
    assert_eq!(
        starts(&schedule, "2026-02-28T00:00:00Z", 5),
        ["2026-03-02T14:00:00+00:00", "2026-03-09T13:00:00+00:00"]
    );
    assert!(!schedule.meets_on(day("2026-03-16")));
}
