use rstest::rstest;

use super::{canonical, from_free_text, suggestions};

#[rstest]
#[case::iana("Europe/Berlin", "Europe/Berlin")]
#[case::iana_any_case("europe/berlin", "Europe/Berlin")]
#[case::pacific("PT (Pacific Time)", "America/Los_Angeles")]
#[case::beijing("Beijing Time", "Asia/Shanghai")]
#[case::china_in_parentheses("CST (China Standard Time)", "Asia/Shanghai")]
#[case::us_central_in_parentheses("CST (Central Time)", "America/Chicago")]
#[case::utc_plus_eight("UTC+8", "Etc/GMT-8")]
#[case::gmt_minus_five("GMT-05:00", "Etc/GMT+5")]
#[case::cet("CET", "CET")]
#[case::est_follows_daylight_saving("EST", "America/New_York")]
#[case::eastern("ET (Eastern Time)", "America/New_York")]
#[case::utc("UTC", "UTC")]
#[case::city("Berlin", "Europe/Berlin")]
#[case::city_with_space("New York", "America/New_York")]
fn free_text_zones(#[case] text: &str, #[case] expected: &str) {
    match from_free_text(text) {
        Ok(zone) => assert_eq!(zone.name(), expected, "{text}"),
        Err(message) => assert!(expected.is_empty(), "{text}: {message}"),
    }
}

#[rstest]
#[case::ambiguous_cst("CST", "ambiguous")]
#[case::ambiguous_ist("IST", "ambiguous")]
#[case::half_hour_offset("UTC+5:30", "unknown")]
#[case::nonsense("Moon Time", "unknown")]
#[case::empty("  ", "no time zone")]
#[case::contradicting("PT (Beijing Time)", "several zones")]
fn free_text_that_cannot_be_read(#[case] text: &str, #[case] reason: &str) {
    let message = from_free_text(text).expect_err(text);
    assert!(message.contains(reason), "{text}: {message}");
}

#[test]
fn canonical_names_and_suggestions() {
    assert_eq!(canonical("asia/shanghai").as_deref(), Some("Asia/Shanghai"));
    assert_eq!(canonical("Not/AZone"), None);
    let names = suggestions();
    assert!(names.iter().any(|name| name == "America/New_York"));
    assert!(names.iter().any(|name| name == "UTC"));
    assert!(!names.iter().any(|name| name.starts_with("Etc/")));
}
