//! Meetings in calendar apps: iCalendar feeds of one SIG's series, of every
//! SIG's, and of one member's SIGs (behind a secret, revocable address).
//! Each series is one recurring event (RRULE) in its own IANA zone, and each
//! zone used comes with its VTIMEZONE built from the zone data, so calendar
//! apps that do not know IANA names still place every meeting right.

use std::collections::BTreeSet;

use app::errors::AppError;
use app::escape::{ical_escaped, ical_text, ical_uri};
use app::i18n::{FluentValue, Language};
use app::schedule::Schedule;
use app::state::AppState;
use app::store::meetings::{series_of_active_sigs, series_of_person, series_of_sig, StoredSeries};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Extension;
use axum::Router;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use icalendar::{
    Calendar, CalendarDateTime, Component, EventLike, Frequency, NWeekday, Property, RRule,
    ValueType, Weekday,
};

mod changes;
mod time_zones;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/meetings.ics", get(community_calendar))
        .route("/sigs/{slug}/meetings.ics", get(sig_calendar))
        .route("/calendar/{file}", get(personal_calendar))
}

/// The calendar's name and texts are in the language of its address
/// (`/zh-CN/meetings.ics`), as the pages link to it.
async fn community_calendar(
    State(state): State<AppState>,
    Extension(language): Extension<Language>,
) -> Result<Response, AppError> {
    let series = series_of_active_sigs(&state.db).await?;
    let name = language.text_with("calendar-all", &[("site", site(&state))]);
    Ok(ics(&state, language, &name, &series, "public, max-age=300"))
}

fn site(state: &AppState) -> FluentValue<'static> {
    FluentValue::from(state.site.site_name.clone())
}

async fn sig_calendar(
    State(state): State<AppState>,
    Extension(language): Extension<Language>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let sig = app::store::sigs::find_by_slug(&state.db, &slug, |_| String::new())
        .await?
        .ok_or_else(AppError::no_such_sig)?;
    let series = series_of_sig(&state.db, &slug).await?;
    let name = language.text_with("calendar-sig", &[("sig", sig.summary.name.into())]);
    Ok(ics(&state, language, &name, &series, "public, max-age=300"))
}

/// `/calendar/<token>.ics`: the meetings of the SIGs a member belongs to.
async fn personal_calendar(
    State(state): State<AppState>,
    Extension(language): Extension<Language>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let unknown = || AppError::Missing(language.text("calendar-unknown"));
    // Tokens are 32 hex digits; anything else (NUL bytes included, which
    // PostgreSQL refuses in text) is unknown without asking the database.
    let token = file
        .strip_suffix(".ics")
        .filter(|token| token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(unknown)?;
    let person = app::store::calendar_feeds::person_of(&state.db, token)
        .await?
        .ok_or_else(unknown)?;
    let series = series_of_person(&state.db, person).await?;
    let name = language.text_with("calendar-mine", &[("site", site(&state))]);
    Ok(ics(
        &state,
        language,
        &name,
        &series,
        "private, max-age=300",
    ))
}

/// The calendar document for `series`.
fn ics(
    state: &AppState,
    language: Language,
    name: &str,
    series: &[StoredSeries],
    cache: &'static str,
) -> Response {
    let base = state.site.public_url.as_str();
    let host = base
        .split_once("://")
        .map_or(base, |(_, rest)| rest)
        .split(['/', ':'])
        .next()
        .unwrap_or("sigpost");
    let rules: Vec<(&StoredSeries, Schedule)> = series
        .iter()
        .filter_map(|stored| stored.schedule().map(|schedule| (stored, schedule)))
        .collect();
    let mut calendar = Calendar::new();
    calendar.append_property(text_property("NAME", name));
    calendar.append_property(text_property("X-WR-CALNAME", name));
    let zones: BTreeSet<&str> = rules.iter().map(|(_, rule)| rule.zone.name()).collect();
    let first_year = rules
        .iter()
        .map(|(_, rule)| rule.starts_on.year())
        .min()
        .unwrap_or(2000);
    let last_year = state.clock.now().year() + time_zones::YEARS_AHEAD;
    for zone in zones.iter().filter_map(|zone| zone.parse::<Tz>().ok()) {
        calendar.push(time_zones::vtimezone(zone, first_year - 1, last_year));
    }
    for (stored, rule) in &rules {
        match event(base, host, language, stored, rule) {
            Some(event) => {
                calendar.push(event);
                for moved in changes::moved_events(host, stored, rule) {
                    calendar.push(moved);
                }
            }
            None => tracing::warn!(series = stored.id, "meeting series left out of a calendar"),
        }
    }
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, cache),
        ],
        calendar.done().to_string(),
    )
        .into_response()
}

/// A TEXT property whose value reaches a calendar reader exactly as
/// `value`, on one content line. The icalendar crate escapes only the
/// properties it knows as TEXT and writes others (NAME, from RFC 7986) raw,
/// so the escaping is chosen by what the crate will do.
pub(super) fn text_property(key: &str, value: &str) -> Property {
    if Property::new(key, "").value_type() == Some(ValueType::Text) {
        Property::new(key, ical_text(value))
    } else {
        Property::new(key, ical_escaped(value))
    }
}

pub(super) fn local(date: NaiveDate, time: chrono::NaiveTime, zone: Tz) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: NaiveDateTime::new(date, time),
        tzid: zone.name().to_owned(),
    }
}

/// One recurring event for a series, starting on its first meeting day.
fn event(
    base: &str,
    host: &str,
    language: Language,
    stored: &StoredSeries,
    rule: &Schedule,
) -> Option<icalendar::Event> {
    use app::models::meeting::Cadence;
    let first = rule.first_meeting_day()?;
    let weekday = Weekday::try_from(u8::try_from(rule.weekday - 1).ok()?).ok()?;
    let recurrence = match rule.cadence {
        Cadence::Weekly => RRule::new(Frequency::Weekly).by_weekday(vec![NWeekday::Every(weekday)]),
        Cadence::EveryTwoWeeks => RRule::new(Frequency::Weekly)
            .interval(2)
            .by_weekday(vec![NWeekday::Every(weekday)]),
        Cadence::Monthly => {
            let week = rule.week_of_month.map_or(1, |week| week.0);
            RRule::new(Frequency::Monthly)
                .by_weekday(vec![NWeekday::Nth(i16::try_from(week).ok()?, weekday)])
        }
    };
    let page = format!(
        "{base}{}",
        language.href(&format!("/sigs/{}/meetings", stored.sig_slug))
    );
    let mut description = format!(
        "{}\n\n{} {page}",
        rule.label_in(language),
        language.text("calendar-about")
    );
    if let Some(notes) = &stored.rule.notes_url {
        description.push_str(&format!("\n{} {notes}", language.text("calendar-notes")));
    }
    let recurrence = match changes::last_start(rule) {
        Some(until) => recurrence.until(until),
        None => recurrence,
    };
    let mut event = icalendar::Event::new();
    event
        .uid(&changes::uid(host, stored))
        .append_property(text_property(
            "SUMMARY",
            &format!("{}: {}", stored.sig_name, stored.title),
        ))
        .append_property(text_property("DESCRIPTION", &description))
        .url(&ical_uri(stored.rule.join_url.as_deref().unwrap_or(&page)))
        .starts(local(first, rule.start, rule.zone))
        .ends(local(first, rule.end, rule.zone))
        .last_modified(chrono::DateTime::from_timestamp(stored.updated_at, 0)?);
    if let Some(join) = &stored.rule.join_url {
        event.append_property(text_property("LOCATION", join));
    }
    changes::mark(&mut event, stored, rule);
    if let Err(error) = event.recurrence(recurrence) {
        tracing::error!(%error, series = stored.id, "could not write a meeting's recurrence");
        return None;
    }
    Some(event.done())
}
