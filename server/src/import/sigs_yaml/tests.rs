use app::models::sig::{LeadRole, SigKind};
use rstest::rstest;

use super::{parse, slug_of, ParseError};
use crate::sigs_yaml_format::first_sentence;

fn problems(text: &str) -> Vec<String> {
    match parse(text) {
        Err(ParseError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

const ONE_GROUP: &str = r#"
sigs:
  - dir: sig-storage
    name: Storage
    mission_statement: >
      Covers storage. And more.
    charter_link: charter.md
    leadership:
      chairs:
        - github: alice
          name: Alice A
          email: alice@example.org
      tech_leads:
        - github: Alice
          name: Alice A
        - github: bob
          name: Bob B
      emeritus_leads:
        - github: carol
          name: Carol C
    meetings:
      - description: Regular SIG Meeting
        day: Thursdays (starting February 15th 2024)
        time: "2:30 PM"
        tz: PT (Pacific Time)
        frequency: bi-weekly
        url: https://zoom.example/j/1
        archive_url: https://docs.example/notes
      - description: Triage
        day: Tue
        time: "9:00"
        tz: Mars Standard Time
        frequency: weekly
    contact:
      slack: sig-storage
      mailing_list: https://groups.example/storage
      teams:
        - name: sig-storage-reviews
          description: Reviews
    subprojects:
      - name: csi
        owners:
          - https://example.org/csi/OWNERS
workinggroups:
  - dir: wg-batch
    name: Batch
    flavour: spicy
"#;

#[test]
fn a_group_is_read_with_its_leads_meetings_contact_and_subprojects() {
    let parsed = parse(ONE_GROUP).expect("parses");
    let [storage, batch] = parsed.community.sigs.as_slice() else {
        panic!("two groups")
    };
    assert_eq!(
        (storage.slug.as_str(), storage.kind),
        ("storage", SigKind::Sig)
    );
    assert_eq!(
        (batch.slug.as_str(), batch.kind),
        ("batch", SigKind::WorkingGroup)
    );
    assert_eq!(storage.description, "Covers storage.");
    let leads: Vec<(&str, LeadRole)> = storage
        .leads
        .iter()
        .map(|lead| (lead.display_name.as_str(), lead.role))
        .collect();
    // Alice is chair and tech lead: one person, her first role.
    assert_eq!(
        leads,
        [
            ("Alice A", LeadRole::Chair),
            ("Bob B", LeadRole::TechLead),
            ("Carol C", LeadRole::Emeritus)
        ]
    );
    assert_eq!(storage.leads[0].email.as_deref(), Some("alice@example.org"));
    let chat = storage.chat_channel.as_ref().expect("chat");
    assert_eq!(chat.label, "#sig-storage");
    let details = storage.details.as_ref().expect("details");
    assert_eq!(details.charter_url.as_deref(), Some("charter.md"));
    assert_eq!(details.teams.len(), 1);
    assert_eq!(
        details.subprojects[0].owners,
        ["https://example.org/csi/OWNERS"]
    );
    let [meeting] = details.meetings.as_slice() else {
        panic!("the triage meeting has an unknown zone and is left out")
    };
    let meeting = &meeting.rule;
    assert_eq!(meeting.weekday, 4);
    assert_eq!(
        (meeting.start_time.as_str(), meeting.end_time.as_str()),
        ("14:30", "15:30")
    );
    assert_eq!(meeting.time_zone, "America/Los_Angeles");
    assert_eq!(meeting.cadence, "biweekly");
    assert_eq!(meeting.starts_on, "2024-02-15");
    assert_eq!(
        storage.meeting_notes_url.as_deref(),
        Some("https://docs.example/notes")
    );

    let warnings: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("sigs[0].meetings[1].tz: unknown time zone")),
        "{warnings:?}"
    );
    assert!(
        warnings.contains(&"workinggroups[0].flavour: unknown key “flavour” ignored".to_owned())
    );
}

#[rstest]
#[case("weekly", "Tuesday", Some(("weekly", None)))]
#[case("Biweekly", "Tuesday", Some(("biweekly", None)))]
#[case("biweekley", "Tuesday", Some(("biweekly", None)))]
#[case("weekyl", "Tuesday", Some(("weekly", None)))]
#[case("montly, third Tuesday", "Tuesday", Some(("monthly", Some(3))))]
#[case("monthly - last Wednesday every month", "Wednesday", Some(("monthly", Some(-1))))]
#[case("First Tuesday of each month", "Tuesday", Some(("monthly", Some(1))))]
#[case("Monthly on 4th Thursday", "Thursday", Some(("monthly", Some(4))))]
#[case("monthly", "third Wednesday", Some(("monthly", Some(3))))]
#[case("monthly", "Wednesday", None)]
#[case(
    "monthly - Wednesday, after the fourth Tuesday, every month",
    "Wednesday",
    None
)]
#[case("every four weeks", "Tuesday", None)]
#[case("when we feel like it", "Tuesday", None)]
fn frequencies_are_read_leniently_and_never_guessed(
    #[case] frequency: &str,
    #[case] day: &str,
    #[case] expected: Option<(&str, Option<i64>)>,
) {
    let text = format!(
        "sigs:\n  - name: Storage\n    meetings:\n      - description: M\n        day: {day}\n        time: \"10:00\"\n        tz: UTC\n        frequency: \"{frequency}\"\n"
    );
    let parsed = parse(&text).expect("parses");
    let details = parsed.community.sigs[0].details.as_ref().expect("details");
    let found = details
        .meetings
        .first()
        .map(|m| (m.rule.cadence.as_str(), m.rule.week_of_month));
    assert_eq!(found, expected, "{:?}", parsed.warnings);
    if expected.is_none() {
        assert!(
            parsed.warnings[0].path.ends_with(".frequency")
                || parsed.warnings[0].path.ends_with(".day")
        );
    }
}

#[rstest]
#[case("biweekly starting Wednesday March 20, 2019", Some("2019-03-20"))]
#[case("bi-weekly starting Tuesday August 13, 2019", Some("2019-08-13"))]
#[case("biweekly starting Thursday June 25th, 2020", Some("2020-06-25"))]
#[case("biweekly starting Tuesday Oct 28, 2025", Some("2025-10-28"))]
#[case("biweekly starting 2026-01-07", Some("2026-01-07"))]
#[case("biweekly 2019 start date: Jan. 11th", Some("2019-01-11"))]
#[case("biweekly", None)]
fn start_dates_are_read_from_the_frequency(
    #[case] frequency: &str,
    #[case] expected: Option<&str>,
) {
    let text = format!(
        "sigs:\n  - name: S\n    meetings:\n      - description: M\n        day: Tuesday\n        time: \"10:00\"\n        tz: UTC\n        frequency: \"{frequency}\"\n"
    );
    let parsed = parse(&text).expect("parses");
    let details = parsed.community.sigs[0].details.as_ref().expect("details");
    assert_eq!(
        details.meetings[0].rule.starts_on,
        expected.unwrap_or_default()
    );
}

#[test]
fn bad_times_and_zones_are_reported_with_their_path() {
    let text = "sigs:\n  - name: S\n    meetings:\n      - description: M\n        day: Tuesday\n        time: \"25:00\"\n        tz: UTC\n        frequency: weekly\n      - description: N\n        day: Tuesday\n        time: \"10:00\"\n        tz: IST\n        frequency: weekly\n";
    let parsed = parse(text).expect("parses");
    let warnings: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings[0].starts_with("sigs[0].meetings[0].time: “25:00” is not a time of day"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].starts_with("sigs[0].meetings[1].tz: ambiguous time zone"),
        "{warnings:?}"
    );
}

#[test]
fn yaml_syntax_errors_name_the_line_and_column() {
    let error = parse("sigs:\n  - name: Storage\n    dir: [unclosed\n").expect_err("invalid");
    match error {
        ParseError::Syntax { line, column, .. } => {
            assert!(line >= 3 && column > 0, "{line}:{column}")
        }
        other => panic!("{other:?}"),
    }
}

#[rstest]
#[case("sigs:\n  name: Storage\n", "sigs: expected a list, found a map")]
#[case("- name: Storage\n", "(top level): expected a map, found a list")]
#[case("sigs:\n  - dir: sig-x\n", "sigs[0]: a group without a name")]
#[case(
    "sigs:\n  - name: Storage\n  - dir: sig-storage\n    name: Storage again\n",
    "sigs[1]: duplicate group “storage” (also at sigs[0])"
)]
#[case(
    "sigs:\n  - name: S\n    leadership:\n      chairs: alice\n",
    "sigs[0].leadership.chairs: expected a list, found text"
)]
fn wrong_structures_are_errors_with_their_path(#[case] text: &str, #[case] expected: &str) {
    assert_eq!(problems(text), [expected]);
}

#[rstest]
#[case(
    Some("sig-api-machinery"),
    "API Machinery",
    SigKind::Sig,
    "api-machinery"
)]
#[case(Some("wg-batch"), "Batch", SigKind::WorkingGroup, "batch")]
#[case(Some("committee-steering"), "Steering", SigKind::Committee, "steering")]
#[case(None, "Contributor Experience", SigKind::Sig, "contributor-experience")]
#[case(Some("./sig-apps/"), "Apps", SigKind::Sig, "apps")]
fn slugs_come_from_the_folder_without_its_kind(
    #[case] dir: Option<&str>,
    #[case] name: &str,
    #[case] kind: SigKind,
    #[case] expected: &str,
) {
    assert_eq!(slug_of(dir, name, kind), expected);
}

#[test]
fn descriptions_are_the_missions_first_sentence() {
    assert_eq!(first_sentence("Covers X, Y.  And Z."), "Covers X, Y.");
    assert_eq!(first_sentence("No full stop"), "No full stop");
    let long = first_sentence(&"word ".repeat(100));
    assert!(
        long.chars().count() <= 200 && long.ends_with("word…"),
        "{long}"
    );
}
