use super::*;
use crate::models::account::NAME_MAX_CHARS;
use rstest::rstest;

fn visitor_form() -> JoinForm {
    JoinForm {
        sigs: [("storage".to_owned(), "on".to_owned())].into(),
        display_name: "Ada Lovelace".into(),
        email: "ada@example.org".into(),
        ..JoinForm::default()
    }
}

#[test]
fn a_visitor_says_who_they_are() {
    let joiner = visitor_form().validate(None).expect("valid");
    assert_eq!(
        joiner,
        Joiner::Visitor {
            display_name: "Ada Lovelace".into(),
            email: "ada@example.org".into(),
            github_handle: None,
        }
    );
}

#[test]
fn a_signed_in_person_gives_no_details() {
    let form = JoinForm {
        display_name: String::new(),
        email: String::new(),
        ..visitor_form()
    };
    assert_eq!(form.validate(Some(7)), Ok(Joiner::SignedIn(7)));
}

#[rstest]
#[case::no_sig("sigs", JoinForm { sigs: BTreeMap::new(), ..visitor_form() })]
#[case::too_many("sigs", JoinForm { sigs: (0..=MAX_SIGS_PER_REQUEST).map(|n| (format!("s{n}"), "on".into())).collect(), ..visitor_form() })]
#[case::no_name("display_name", JoinForm { display_name: " ".into(), ..visitor_form() })]
#[case::long_name("display_name", JoinForm { display_name: "x".repeat(NAME_MAX_CHARS + 1), ..visitor_form() })]
#[case::bad_email("email", JoinForm { email: "ada@".into(), ..visitor_form() })]
#[case::bad_handle("github_handle", JoinForm { github_handle: "not a handle!".into(), ..visitor_form() })]
#[case::long_interest("interest", JoinForm { interest: "x".repeat(INTEREST_MAX_CHARS + 1), ..visitor_form() })]
fn bad_input_is_reported_on_its_field(#[case] field: &str, #[case] form: JoinForm) {
    let errors = form.validate(None).expect_err("invalid");
    assert!(errors.get(field).is_some(), "{field}: {errors:?}");
}

#[test]
fn the_honeypot_catches_bots() {
    assert!(!visitor_form().is_bot());
    let bot = JoinForm {
        website: "http://spam.example".into(),
        ..visitor_form()
    };
    assert!(bot.is_bot());
}

#[test]
fn statuses_round_trip_and_decisions_parse() {
    for status in MembershipStatus::ALL {
        assert_eq!(MembershipStatus::parse(status.as_str()), Some(status));
    }
    let decide = |decision: &str| DecisionForm {
        decision: decision.into(),
        ..DecisionForm::default()
    };
    assert_eq!(decide("accept").validate(), Ok(true));
    assert_eq!(decide("decline").validate(), Ok(false));
    assert!(decide("maybe").validate().is_err());
}

#[test]
fn where_a_request_to_join_starts() {
    use MembershipStatus::*;
    let open = Some(JoinPolicy::Open);
    let approval = Some(JoinPolicy::Approval);
    assert_eq!(JoinPolicy::arriving_status(open, true), Unconfirmed);
    assert_eq!(JoinPolicy::arriving_status(approval, true), Unconfirmed);
    assert_eq!(JoinPolicy::arriving_status(open, false), Active);
    assert_eq!(JoinPolicy::arriving_status(None, false), Active);
    assert_eq!(
        JoinPolicy::arriving_status(approval, false),
        AwaitingApproval
    );
}
