use rstest::rstest;

use super::{
    parse_weekday, relative_label, Cadence, Day, LocalTime, MeetingRecordForm, MeetingSeriesForm,
    WorkingHours,
};

#[rstest]
#[case("15:00", Some((15, 0)))]
#[case("9:30", Some((9, 30)))]
#[case("0930", Some((9, 30)))]
#[case("2:30 PM", Some((14, 30)))]
#[case("2pm", Some((14, 0)))]
#[case("12:15 a.m.", Some((0, 15)))]
#[case("12 PM", Some((12, 0)))]
#[case("25:00", None)]
#[case("13:00 PM", None)]
#[case("15:60", None)]
#[case("quarter past", None)]
#[case("", None)]
fn times(#[case] text: &str, #[case] expected: Option<(u32, u32)>) {
    assert_eq!(
        LocalTime::parse(text).map(|time| (time.hour, time.minute)),
        expected,
        "{text}"
    );
}

#[rstest]
#[case("Thursday", Some(4))]
#[case("Thu", Some(4))]
#[case("thurs.", Some(4))]
#[case("Mon", Some(1))]
#[case("7", Some(7))]
#[case("T", None)]
#[case("Thirsday", None)]
#[case("8", None)]
fn weekdays(#[case] text: &str, #[case] expected: Option<u32>) {
    assert_eq!(parse_weekday(text), expected, "{text}");
}

#[rstest]
#[case("weekly", Some(Cadence::Weekly))]
#[case("Bi-weekly", Some(Cadence::EveryTwoWeeks))]
#[case("every two weeks", Some(Cadence::EveryTwoWeeks))]
#[case("Monthly", Some(Cadence::Monthly))]
#[case("daily", None)]
fn cadences(#[case] text: &str, #[case] expected: Option<Cadence>) {
    assert_eq!(Cadence::parse(text), expected);
}

#[test]
fn days_are_checked_against_the_calendar() {
    assert_eq!(
        Day::parse("2028-02-29").map(Day::key).as_deref(),
        Some("2028-02-29")
    );
    assert_eq!(Day::parse("2026-02-29"), None);
    assert_eq!(Day::parse("2026-13-01"), None);
    assert_eq!(Day::parse("26-11-2026"), None);
    assert_eq!(
        Day::parse("2026-11-26").map(Day::label).as_deref(),
        Some("26 November 2026")
    );
}

#[rstest]
#[case(-60, "now")]
#[case(60, "in 1 minute")]
#[case(20 * 60, "in 20 minutes")]
#[case(5 * 3600, "in 5 hours")]
#[case(3 * 86_400, "in 3 days")]
fn relative_labels(#[case] seconds: i64, #[case] expected: &str) {
    assert_eq!(relative_label(seconds), expected);
}

fn series_form() -> MeetingSeriesForm {
    MeetingSeriesForm {
        sig: "storage".into(),
        title: "SIG meeting".into(),
        weekday: "4".into(),
        start_time: "15:00".into(),
        end_time: "16:00".into(),
        time_zone: "asia/shanghai".into(),
        cadence: "biweekly".into(),
        starts_on: "2026-01-01".into(),
        join_url: "https://meet.example.org/storage".into(),
        ..MeetingSeriesForm::default()
    }
}

fn known_zone(name: &str) -> Option<String> {
    name.eq_ignore_ascii_case("asia/shanghai")
        .then(|| "Asia/Shanghai".to_owned())
}

#[test]
fn a_good_series_form_gives_typed_values() {
    let valid = series_form().validate(known_zone).expect("valid");
    assert_eq!(valid.time_zone, "Asia/Shanghai");
    assert_eq!(valid.weekday, 4);
    assert_eq!(valid.week_of_month, None);
}

#[rstest]
#[case::hour_25(|form: &mut MeetingSeriesForm| form.start_time = "25:00".into(), "start_time")]
#[case::end_before_start(|form: &mut MeetingSeriesForm| form.end_time = "14:00".into(), "end_time")]
#[case::unknown_zone(|form: &mut MeetingSeriesForm| form.time_zone = "Beijing Time".into(), "time_zone")]
#[case::no_title(|form: &mut MeetingSeriesForm| form.title = "  ".into(), "title")]
#[case::bad_day(|form: &mut MeetingSeriesForm| form.weekday = "someday".into(), "weekday")]
#[case::bad_cadence(|form: &mut MeetingSeriesForm| form.cadence = "daily".into(), "cadence")]
#[case::monthly_without_week(|form: &mut MeetingSeriesForm| form.cadence = "monthly".into(), "week_of_month")]
#[case::bad_date(|form: &mut MeetingSeriesForm| form.starts_on = "2026-02-30".into(), "starts_on")]
#[case::script_link(|form: &mut MeetingSeriesForm| form.join_url = "javascript:alert(1)".into(), "join_url")]
fn a_bad_series_form_names_its_field(
    #[case] spoil: fn(&mut MeetingSeriesForm),
    #[case] field: &str,
) {
    let mut form = series_form();
    spoil(&mut form);
    let errors = form.validate(known_zone).expect_err("refused");
    assert!(errors.get(field).is_some(), "{errors:?}");
}

#[test]
fn record_forms() {
    let today = Day::parse("2026-11-25").expect("a day");
    let form = MeetingRecordForm {
        held_on: "2026-11-19".into(),
        title: "SIG meeting".into(),
        notes: "- decided things".into(),
        ..MeetingRecordForm::default()
    };
    assert!(form.validate(today).is_ok());
    let far = MeetingRecordForm {
        held_on: "2030-01-01".into(),
        ..form.clone()
    };
    assert!(far
        .validate(today)
        .expect_err("too far")
        .get("held_on")
        .is_some());
    let long = MeetingRecordForm {
        notes: "x".repeat(20_001),
        ..form
    };
    assert!(long
        .validate(today)
        .expect_err("too long")
        .get("notes")
        .is_some());
}

#[test]
fn working_hours_filter() {
    let hours = |from: &str, to: &str| {
        WorkingHours {
            tz: "UTC".into(),
            from: from.into(),
            to: to.into(),
        }
        .hours()
    };
    assert_eq!(hours("", ""), Ok((9, 17)));
    assert_eq!(hours("8", "16"), Ok((8, 16)));
    assert!(hours("17", "9").is_err());
    assert!(hours("nine", "17").is_err());
    assert!(hours("9", "25").is_err());
}

fn change_form(action: &str, occurs_on: &str) -> super::MeetingChangeForm {
    super::MeetingChangeForm {
        sig: "storage".into(),
        series: 1,
        occurs_on: occurs_on.into(),
        action: action.into(),
        moved_on: "2027-03-16".into(),
        start_time: "10:00".into(),
        end_time: "11:00".into(),
        reason: "  Room\r\n taken  ".into(),
    }
}

fn mondays(day: Day) -> bool {
    day.day % 7 == 1
}

const TODAY: Day = Day {
    year: 2027,
    month: 3,
    day: 8,
};

#[rstest]
#[case("cancel", "2027-03-15", None)]
#[case("move", "2027-03-15", None)]
#[case("restore", "2027-03-15", None)]
#[case("end", "2027-03-22", None)]
#[case("resume", "", None)]
#[case("cancel", "2027-03-01", Some("occurs_on"))]
#[case("cancel", "2027-03-16", Some("occurs_on"))]
#[case("cancel", "15 March", Some("occurs_on"))]
#[case("skip", "2027-03-15", Some("action"))]
fn change_checks(#[case] action: &str, #[case] occurs_on: &str, #[case] field: Option<&str>) {
    let checked = change_form(action, occurs_on).validate(mondays, TODAY);
    match field {
        None => {
            let change = checked.expect("a valid change");
            assert_eq!(change.reason, "Room taken");
        }
        Some(field) => {
            let errors = checked.expect_err("refused");
            assert!(errors.0.iter().any(|(name, _)| name == field), "{errors:?}");
        }
    }
}

#[rstest]
#[case("2027-03-16", "11:00", "10:00", "end_time")]
#[case("2027-03-01", "10:00", "11:00", "moved_on")]
#[case("2029-03-01", "10:00", "11:00", "moved_on")]
#[case("2027-03-16", "ten", "11:00", "start_time")]
fn moves_need_a_day_and_times_ahead(
    #[case] moved_on: &str,
    #[case] start: &str,
    #[case] end: &str,
    #[case] field: &str,
) {
    let form = super::MeetingChangeForm {
        moved_on: moved_on.into(),
        start_time: start.into(),
        end_time: end.into(),
        ..change_form("move", "2027-03-15")
    };
    let errors = form.validate(mondays, TODAY).expect_err("refused");
    assert!(errors.0.iter().any(|(name, _)| name == field), "{errors:?}");
}

#[test]
fn a_long_reason_is_refused() {
    let form = super::MeetingChangeForm {
        reason: "x".repeat(super::REASON_MAX_CHARS + 1),
        ..change_form("cancel", "2027-03-15")
    };
    let errors = form.validate(mondays, TODAY).expect_err("refused");
    assert!(
        errors.0.iter().any(|(name, _)| name == "reason"),
        "{errors:?}"
    );
}
