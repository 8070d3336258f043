use super::*;
use rstest::rstest;

fn november() -> Month {
    Month::new(2026, 11).expect("month")
}

fn valid_form() -> RoadmapItemForm {
    RoadmapItemForm {
        sig: "storage".into(),
        title: "CSI snapshots".into(),
        status: "planned".into(),
        target_month: "2026-12".into(),
        ..RoadmapItemForm::default()
    }
}

#[rstest]
#[case("2026-11", Some((2026, 11)))]
#[case("2027-01", Some((2027, 1)))]
#[case(" 2026-02 ", Some((2026, 2)))]
#[case("2026-13", None)]
#[case("2026-00", None)]
#[case("2026-1", None)]
#[case("26-11", None)]
#[case("November", None)]
#[case("", None)]
fn months_read_as_year_dash_month(#[case] text: &str, #[case] expected: Option<(i32, u32)>) {
    assert_eq!(
        Month::parse(text).map(|m| (m.year(), m.month())),
        expected,
        "{text}"
    );
}

#[test]
fn months_add_across_years_and_print_both_ways() {
    let month = november().plus(2);
    assert_eq!(month.key(), "2027-01");
    assert_eq!(month.label(), "January 2027");
    assert_eq!(november().plus(-11).key(), "2025-12");
    assert_eq!(Month::allowed_targets(november()).count(), 25);
}

#[test]
fn a_valid_form_becomes_typed_values() {
    let item = valid_form().validate(november()).expect("valid");
    assert_eq!(item.status, RoadmapStatus::Planned);
    assert_eq!(item.target_month.key(), "2026-12");
    assert_eq!(item.owner, None);
    assert_eq!(item.link_url, None);
}

#[rstest]
#[case::empty_title("title", RoadmapItemForm { title: "  ".into(), ..valid_form() })]
#[case::long_title("title", RoadmapItemForm { title: "x".repeat(ITEM_TITLE_MAX_CHARS + 1), ..valid_form() })]
#[case::unknown_status("status", RoadmapItemForm { status: "someday".into(), ..valid_form() })]
#[case::malformed_month("target_month", RoadmapItemForm { target_month: "2026-13".into(), ..valid_form() })]
#[case::far_month("target_month", RoadmapItemForm { target_month: "2031-01".into(), ..valid_form() })]
#[case::script_link("link_url", RoadmapItemForm { link_url: "javascript:alert(1)".into(), ..valid_form() })]
#[case::huge_description("description", RoadmapItemForm { description: "x".repeat(ITEM_DESCRIPTION_MAX_CHARS + 1), ..valid_form() })]
#[case::odd_owner("owner", RoadmapItemForm { owner: "Ada".into(), ..valid_form() })]
#[case::long_exit("exit_criterion", RoadmapItemForm { exit_criterion: "x".repeat(EXIT_CRITERION_MAX_CHARS + 1), ..valid_form() })]
fn bad_input_is_reported_on_its_field(#[case] field: &str, #[case] form: RoadmapItemForm) {
    let errors = form.validate(november()).expect_err("invalid");
    assert!(errors.get(field).is_some(), "{field}: {errors:?}");
}

fn card(status: RoadmapStatus, owner: Option<i64>) -> RoadmapCard {
    RoadmapCard {
        id: 1,
        sig_slug: "storage".into(),
        sig_name: "Storage".into(),
        title: "t".into(),
        excerpt: String::new(),
        status,
        target_month: november(),
        owner: owner.map(|person_id| ItemOwner {
            person_id,
            display_name: "Ada".into(),
            github_handle: None,
        }),
        link_url: None,
        version: 1,
        overdue: false,
    }
}

#[test]
fn filters_combine_and_hide_dropped_items_unless_asked() {
    let any = RoadmapFilter::default();
    assert!(any.matches(&card(RoadmapStatus::Planned, None)));
    assert!(!any.matches(&card(RoadmapStatus::Dropped, None)));
    let dropped = RoadmapFilter {
        status: "dropped".into(),
        ..RoadmapFilter::default()
    };
    assert!(dropped.matches(&card(RoadmapStatus::Dropped, None)));
    let narrow = RoadmapFilter {
        sig: "storage".into(),
        month: "2026-11".into(),
        owner: "7".into(),
        ..RoadmapFilter::default()
    };
    assert!(narrow.matches(&card(RoadmapStatus::Done, Some(7))));
    assert!(!narrow.matches(&card(RoadmapStatus::Done, Some(8))));
    let other_sig = RoadmapFilter {
        sig: "network".into(),
        ..RoadmapFilter::default()
    };
    assert!(!other_sig.matches(&card(RoadmapStatus::Done, None)));
}

#[rstest]
#[case(
    "https://github.com/kubesphere/kubesphere/issues/123",
    "kubesphere/kubesphere#123"
)]
#[case(
    "https://github.com/kubesphere/console/pull/45/files",
    "kubesphere/console#45"
)]
#[case("https://gitlab.com/group/project/-/issues/7", "group/project#7")]
#[case("https://example.org/plan", "Link on example.org")]
fn links_read_as_their_issue_or_host(#[case] url: &str, #[case] label: &str) {
    assert_eq!(link_label(url), label);
}
