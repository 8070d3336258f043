use chrono::{TimeZone, Utc};

use super::*;

fn at(y: i32, m: u32, d: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0)
        .single()
        .expect("a time")
        .timestamp()
}

fn change(item: i64, status: Option<&str>, month: &str, when: i64) -> ItemChange {
    ItemChange {
        item_id: item,
        title: format!("Item {item}"),
        deleted: false,
        status: status.map(str::to_owned),
        target_month: Some(month.to_owned()),
        changed_at: when,
    }
}

fn month(y: i32, m: u32) -> Month {
    Month::new(y, m).expect("a month")
}

#[test]
fn arrivals_count_each_move_into_a_column_once() {
    let history = [
        change(1, Some("planned"), "2026-03", at(2026, 1, 5)),
        change(1, Some("done"), "2026-03", at(2026, 2, 5)),
        change(1, Some("done"), "2026-03", at(2026, 2, 6)),
        change(1, Some("in_progress"), "2026-03", at(2026, 2, 7)),
        change(1, Some("done"), "2026-03", at(2026, 3, 1)),
    ];
    assert_eq!(arrivals(&history, "done").len(), 2);
    assert_eq!(days_to(&history, &history[4]), 55);
}

#[test]
fn a_month_counts_members_meetings_and_the_board() {
    let history = History {
        meetings: vec![
            HeldMeeting {
                held_on: "2026-02-03".into(),
                has_notes: true,
                has_recording: false,
            },
            HeldMeeting {
                held_on: "2026-02-17".into(),
                has_notes: false,
                has_recording: true,
            },
            HeldMeeting {
                held_on: "2026-03-03".into(),
                has_notes: true,
                has_recording: true,
            },
        ],
        schedules: vec![
            Schedule::new(2, "10:00", "11:00", "UTC", "weekly", None, "2026-01-01")
                .expect("a rule"),
        ],
        tenures: vec![
            Tenure {
                joined_at: at(2026, 1, 10),
                left_at: Some(at(2026, 2, 20)),
            },
            Tenure {
                joined_at: at(2026, 2, 1),
                left_at: None,
            },
            Tenure {
                joined_at: at(2026, 3, 1),
                left_at: None,
            },
        ],
        changes: vec![
            change(1, Some("planned"), "2026-01", at(2026, 1, 2)),
            change(2, Some("planned"), "2026-02", at(2026, 1, 2)),
            change(2, Some("done"), "2026-02", at(2026, 2, 11)),
            ItemChange {
                deleted: true,
                status: None,
                ..change(3, None, "2026-01", at(2026, 2, 12))
            },
        ],
    };
    let now = Utc
        .with_ymd_and_hms(2026, 3, 15, 0, 0, 0)
        .single()
        .expect("a time");
    let february = history.month(month(2026, 2), now);
    assert_eq!(february.scheduled, 4, "the Tuesdays of February 2026");
    assert_eq!(
        (february.held, february.with_notes, february.with_recording),
        (2, 1, 1)
    );
    assert_eq!(
        (february.joined, february.left, february.members),
        (1, 1, 1)
    );
    assert_eq!(
        (february.done, february.dropped, february.overdue),
        (1, 0, 1)
    );
    assert_eq!(february.median_days_to_done, Some(40));
    let march = history.month(month(2026, 3), now);
    assert_eq!(
        march.scheduled, 2,
        "3 and 10 March have begun; 17, 24 and 31 have not"
    );
    assert_eq!((march.members, march.overdue), (2, 1));
    assert_eq!(history.done_titles(&[month(2026, 2)]), ["Item 2"]);
    assert_eq!(history.open_titles(now.timestamp()), ["Item 1"]);
}

#[test]
fn overdue_means_the_target_month_has_passed() {
    let planned = change(1, Some("in_progress"), "2026-04", 0);
    assert!(!is_overdue(&planned, at(2026, 4, 30)));
    assert!(is_overdue(&planned, start_of(month(2026, 5))));
    let proposed = change(1, Some("proposed"), "2026-01", 0);
    assert!(!is_overdue(&proposed, at(2026, 5, 1)));
}

#[test]
fn the_latest_of_each_kind_is_read_from_the_rows() {
    let meeting = |day: &str, has_notes: bool| HeldMeeting {
        held_on: day.to_owned(),
        has_notes,
        has_recording: false,
    };
    let history = History {
        meetings: vec![
            meeting("2026-03-04", true),
            meeting("2026-05-06", false),
            meeting("2026-04-01", false),
        ],
        schedules: Vec::new(),
        tenures: vec![
            Tenure {
                joined_at: at(2026, 2, 1),
                left_at: None,
            },
            Tenure {
                joined_at: at(2026, 6, 1),
                left_at: Some(at(2026, 7, 1)),
            },
        ],
        changes: vec![
            change(2, Some("done"), "2026-03", at(2026, 3, 9)),
            change(1, Some("planned"), "2026-03", at(2026, 1, 5)),
        ],
    };
    assert_eq!(
        history.latest(),
        Latest {
            meeting: Some("2026-05-06"),
            notes: Some("2026-03-04"),
            roadmap_change: Some(at(2026, 3, 9)),
            joined: Some(at(2026, 6, 1)),
        }
    );
    let empty = History {
        meetings: Vec::new(),
        schedules: Vec::new(),
        tenures: Vec::new(),
        changes: Vec::new(),
    };
    assert_eq!(empty.latest().meeting, None);
    assert_eq!(empty.latest().joined, None);
}
