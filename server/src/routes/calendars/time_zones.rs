//! VTIMEZONE components from the IANA zone data: every change of a zone's
//! offset in a span of years, found by scanning the zone (chrono-tz holds
//! the transitions but does not list them), written as STANDARD and
//! DAYLIGHT observances through icalendar's component type.

use chrono::{Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::parser::{Component, Property};
use icalendar::CalendarComponent;

/// How many years past this one the zone data reaches; recurring events go
/// on for ever, and calendar apps reuse the last rule after the data ends.
pub const YEARS_AHEAD: i32 = 10;

/// The offset of `zone` at `utc`: total seconds east of UTC, whether it is
/// daylight-saving time, and its abbreviation.
fn offset_at(zone: Tz, utc: NaiveDateTime) -> (i32, bool, String) {
    let offset = zone.offset_from_utc_datetime(&utc);
    let total = offset.fix().local_minus_utc();
    let daylight = !offset.dst_offset().is_zero();
    let name = offset
        .abbreviation()
        .map_or_else(|| offset_text(total), str::to_owned);
    (total, daylight, name)
}

/// "+0800", "-0500".
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

/// A change of offset: when (UTC), from what, to what.
struct Transition {
    at: NaiveDateTime,
    from: i32,
    to: i32,
    daylight: bool,
    name: String,
}

/// The transitions from 1 January `from_year` to the end of `to_year`:
/// day by day, then to the minute inside the day where the offset changed.
fn transitions(zone: Tz, from_year: i32, to_year: i32) -> Vec<Transition> {
    let (Some(start), Some(end)) = (
        NaiveDate::from_ymd_opt(from_year, 1, 1),
        NaiveDate::from_ymd_opt(to_year + 1, 1, 1),
    ) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut day = start.and_hms_opt(0, 0, 0).unwrap_or_default();
    let end = end.and_hms_opt(0, 0, 0).unwrap_or_default();
    let mut before = offset_at(zone, day);
    while day < end {
        let next = day + Duration::days(1);
        let after = offset_at(zone, next);
        if after.0 != before.0 || after.1 != before.1 {
            // The first minute of the day that has the new offset.
            let (mut low, mut high) = (0_i64, 24 * 60);
            while low < high {
                let middle = (low + high) / 2;
                if offset_at(zone, day + Duration::minutes(middle)) == before {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            let at = day + Duration::minutes(low);
            let (to, daylight, name) = offset_at(zone, at);
            found.push(Transition {
                at,
                from: before.0,
                to,
                daylight,
                name,
            });
        }
        before = after;
        day = next;
    }
    found
}

fn property(name: &str, value: String) -> Property<'static> {
    Property {
        name: name.to_owned().into(),
        val: value.into(),
        params: Vec::new(),
    }
}

fn observance(
    daylight: bool,
    start: NaiveDateTime,
    from: i32,
    to: i32,
    name: String,
) -> Component<'static> {
    Component {
        name: if daylight { "DAYLIGHT" } else { "STANDARD" }.into(),
        properties: vec![
            // The onset in the local time in force before it.
            property("DTSTART", start.format("%Y%m%dT%H%M%S").to_string()),
            property("TZOFFSETFROM", offset_text(from)),
            property("TZOFFSETTO", offset_text(to)),
            property("TZNAME", name),
        ],
        components: Vec::new(),
    }
}

/// The VTIMEZONE of `zone` for the years `from_year` to `to_year`. A zone
/// that never changed in that span gets one STANDARD observance.
pub fn vtimezone(zone: Tz, from_year: i32, to_year: i32) -> CalendarComponent {
    let mut observances: Vec<Component<'static>> = transitions(zone, from_year, to_year)
        .into_iter()
        .map(|change| {
            let onset = change.at + Duration::seconds(i64::from(change.from));
            observance(change.daylight, onset, change.from, change.to, change.name)
        })
        .collect();
    if observances.is_empty() {
        let start = NaiveDate::from_ymd_opt(from_year, 1, 1)
            .and_then(|day| day.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        let (offset, daylight, name) = offset_at(zone, start);
        observances.push(observance(daylight, start, offset, offset, name));
    }
    Component {
        name: "VTIMEZONE".into(),
        properties: vec![property("TZID", zone.name().to_owned())],
        components: observances,
    }
    .into()
}
