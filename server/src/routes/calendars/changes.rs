//! A series' changes in its calendar event (RFC 5545): each cancelled
//! meeting is an EXDATE of the recurring event, each moved one an event of
//! its own with the same UID and a RECURRENCE-ID naming the planned start,
//! an ended series has an UNTIL, and SEQUENCE grows with every change so
//! calendar apps replace what they hold.

use app::escape::ical_uri;
use app::schedule::Schedule;
use app::store::meetings::StoredSeries;
use chrono::{NaiveDate, Utc};
use icalendar::{Component, EventLike, Property};

use super::{local, text_property};

pub fn uid(host: &str, stored: &StoredSeries) -> String {
    ical_uri(&format!("meeting-series-{}@{host}", stored.id))
}

/// The start of an ended series' last meeting, in UTC (RFC 5545 wants
/// UNTIL in UTC when DTSTART names a zone).
pub fn last_start(rule: &Schedule) -> Option<chrono::DateTime<icalendar::rrule::Tz>> {
    let last = rule.ends_on?;
    let start = rule.on(last).start.with_timezone(&Utc);
    Some(start.with_timezone(&icalendar::rrule::Tz::UTC))
}

/// `DATE-TIME` in the series' zone, as EXDATE and RECURRENCE-ID write it.
fn local_stamp(date: NaiveDate, rule: &Schedule) -> String {
    date.and_time(rule.start)
        .format("%Y%m%dT%H%M%S")
        .to_string()
}

fn zoned(name: &str, date: NaiveDate, rule: &Schedule) -> Property {
    let mut property = Property::new(name, local_stamp(date, rule));
    property.add_parameter("TZID", rule.zone.name());
    property.done()
}

/// SEQUENCE, and an EXDATE for each cancelled meeting.
pub fn mark(event: &mut icalendar::Event, stored: &StoredSeries, rule: &Schedule) {
    event.sequence(u32::try_from(stored.sequence).unwrap_or(u32::MAX));
    for change in rule
        .changes
        .iter()
        .filter(|change| change.moved_to.is_none())
    {
        event.append_multi_property(zoned("EXDATE", change.occurs_on, rule));
    }
}

/// One event for each moved meeting, overriding the planned one.
pub fn moved_events(host: &str, stored: &StoredSeries, rule: &Schedule) -> Vec<icalendar::Event> {
    rule.changes
        .iter()
        .filter_map(|change| {
            let (date, start, end) = change.moved_to?;
            let reason = stored
                .changes
                .iter()
                .find(|stored_change| {
                    NaiveDate::parse_from_str(&stored_change.occurs_on, "%Y-%m-%d").ok()
                        == Some(change.occurs_on)
                })
                .map(|stored_change| stored_change.reason.clone())
                .unwrap_or_default();
            let mut event = icalendar::Event::new();
            event
                .uid(&uid(host, stored))
                .append_property(zoned("RECURRENCE-ID", change.occurs_on, rule))
                .append_property(text_property(
                    "SUMMARY",
                    &format!("{}: {}", stored.sig_name, stored.title),
                ))
                .starts(local(date, start, rule.zone))
                .ends(local(date, end, rule.zone))
                .sequence(u32::try_from(stored.sequence).unwrap_or(u32::MAX));
            if !reason.is_empty() {
                event.append_property(text_property("DESCRIPTION", &reason));
            }
            if let Some(join) = &stored.rule.join_url {
                event.append_property(text_property("LOCATION", join));
            }
            Some(event.done())
        })
        .collect()
}
