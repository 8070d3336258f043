//! One entry of a group's `meetings`: free-text day, time, zone and
//! frequency read leniently ("Thursdays", "2PM", "PT (Pacific Time)",
//! "bi-weekly starting Tuesday April 16, 2024"); what cannot be understood
//! is reported with its path and the meeting is left out, never guessed.

use app::models::meeting::{parse_weekday, Cadence, Day, LocalTime, WEEKDAYS};
use app::schedule::zones;
use app::store::import::ImportedSeries;
use app::store::meetings::SeriesRule;
use chrono::NaiveDate;

use super::node::Node;
use super::Problem;
use crate::sigs_yaml_format::an_hour_later;

pub const KNOWN_KEYS: &[&str] = &[
    "description",
    "day",
    "time",
    "end_time",
    "tz",
    "frequency",
    "url",
    "archive_url",
    "recordings_url",
    "calendar_url",
];

/// The series a meeting entry describes; `Ok(None)` when one of its values
/// could not be understood (the reason is in `warnings`).
pub fn read(
    node: Node<'_>,
    group_name: &str,
    warnings: &mut Vec<Problem>,
) -> Result<Option<ImportedSeries>, Problem> {
    let map = node.map()?;
    map.unknown_keys(KNOWN_KEYS, warnings);
    let title = map
        .text("description")?
        .unwrap_or_else(|| format!("{group_name} meeting"));
    let day = map.text("day")?.unwrap_or_default();
    let time = map.text("time")?.unwrap_or_default();
    let tz = map.text("tz")?.unwrap_or_default();
    let frequency = map.text("frequency")?.unwrap_or_default();
    let at = |key: &str| map.get(key).unwrap_or_else(|| map.node().clone());

    let Some(weekday) = weekday_in(&day) else {
        warnings.push(at("day").problem(format!("no weekday in “{day}”; meeting left out")));
        return Ok(None);
    };
    let Some(start) = LocalTime::parse(&time) else {
        warnings
            .push(at("time").problem(format!("“{time}” is not a time of day; meeting left out")));
        return Ok(None);
    };
    let end = match map.text("end_time")? {
        None => an_hour_later(start),
        Some(text) => match LocalTime::parse(&text) {
            Some(end) if end > start => end,
            _ => {
                warnings.push(at("end_time").problem(format!(
                    "“{text}” is not a time of day after {}; meeting left out",
                    start.label()
                )));
                return Ok(None);
            }
        },
    };
    let zone = match zones::from_free_text(&tz) {
        Ok(zone) => zone,
        Err(message) => {
            warnings.push(at("tz").problem(format!("{message}; meeting left out")));
            return Ok(None);
        }
    };
    let rule = match cadence(&frequency, &day, weekday) {
        Ok(rule) => rule,
        Err(message) => {
            warnings.push(at("frequency").problem(format!("{message}; meeting left out")));
            return Ok(None);
        }
    };
    let starts_on = match start_date(&frequency).or_else(|| start_date(&day)) {
        Some(Ok(day)) => Some(day),
        Some(Err(text)) => {
            warnings.push(at("frequency").problem(format!(
                "start date “{text}” not understood; the series counts from {}",
                app::store::import::default_start(i64::from(weekday))
            )));
            None
        }
        None => None,
    };
    Ok(Some(ImportedSeries {
        title,
        rule: SeriesRule {
            weekday: i64::from(weekday),
            start_time: start.label(),
            end_time: end.label(),
            time_zone: zone.name().to_owned(),
            cadence: rule.0.as_str().to_owned(),
            week_of_month: rule.1,
            starts_on: starts_on.unwrap_or_default(),
            join_url: map.text("url")?,
            notes_url: map.text("archive_url")?,
            recordings_url: map.text("recordings_url")?,
        },
    }))
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A weekday named by a word of at least three letters ("Thursdays" too).
fn weekday_word(word: &str) -> Option<u32> {
    let word = word
        .strip_suffix('s')
        .filter(|w| w.len() >= 6)
        .unwrap_or(word);
    (word.len() >= 3 && word.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| parse_weekday(word))
        .flatten()
}

/// The first weekday named in `text`: "Thursday", "Thu", "third Wednesday".
pub fn weekday_in(text: &str) -> Option<u32> {
    words(text).iter().find_map(|word| weekday_word(word))
}

fn ordinal(word: &str) -> Option<i64> {
    match word {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" => Some(4),
        "last" => Some(-1),
        _ => None,
    }
}

/// Whether `word` is `target` or one typo away from it ("montly", "weekyl").
fn is_word(word: &str, target: &str) -> bool {
    word == target || (word.len() >= 5 && strsim::damerau_levenshtein(word, target) <= 1)
}

/// The cadence and, for monthly series, which weekday of the month.
fn cadence(frequency: &str, day: &str, weekday: u32) -> Result<(Cadence, Option<i64>), String> {
    let said = words(frequency);
    let has = |target: &str| said.iter().any(|word| is_word(word, target));
    let phrase = |needle: &str| said.join(" ").contains(needle);
    if has("biweekly")
        || has("fortnightly")
        || phrase("bi weekly")
        || phrase("every two weeks")
        || phrase("every other week")
        || phrase("every 2 weeks")
    {
        return Ok((Cadence::EveryTwoWeeks, None));
    }
    if phrase("three weeks") || phrase("four weeks") || phrase("3 weeks") || phrase("4 weeks") {
        return Err(format!(
            "“{frequency}” is not a cadence sigpost keeps (weekly, every two weeks, monthly on the n-th weekday)"
        ));
    }
    if has("weekly") || phrase("every week") {
        return Ok((Cadence::Weekly, None));
    }
    if has("monthly") || phrase("of the month") || phrase("each month") || phrase("every month") {
        return monthly_week(frequency, day, weekday).map(|week| (Cadence::Monthly, Some(week)));
    }
    if frequency.trim().is_empty() {
        return Err("no frequency given".to_owned());
    }
    Err(format!("unknown frequency “{frequency}”"))
}

/// "third Tuesday", "the last Wednesday": the ordinal, which must name the
/// meeting's own weekday when it names one.
fn monthly_week(frequency: &str, day: &str, weekday: u32) -> Result<i64, String> {
    for text in [frequency, day] {
        let said = words(text);
        for (index, word) in said.iter().enumerate() {
            let Some(week) = ordinal(word) else { continue };
            match said.get(index + 1).and_then(|next| weekday_word(next)) {
                Some(named) if named != weekday => {
                    return Err(format!(
                        "“{text}” names a {} but the meeting is on {}",
                        WEEKDAYS[named as usize - 1],
                        WEEKDAYS[weekday as usize - 1]
                    ))
                }
                _ => return Ok(week),
            }
        }
    }
    Err(format!(
        "“{frequency}” is monthly but does not say which {} of the month",
        WEEKDAYS[weekday as usize - 1]
    ))
}

/// The date after "starting" or "start date:": `None` when there is none,
/// `Err` with the text when it does not read as a date.
fn start_date(text: &str) -> Option<Result<String, String>> {
    let lower = text.to_lowercase();
    let at = ["starting", "start date:", "start date"]
        .iter()
        .find_map(|marker| lower.find(marker).map(|at| at + marker.len()))?;
    let rest = text[at..].trim().trim_end_matches(')').trim();
    let cleaned: Vec<String> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty() && weekday_word(&word.to_lowercase()).is_none())
        .map(|word| {
            let word = word.trim_end_matches('.');
            let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                digits.to_owned()
            } else {
                word.to_owned()
            }
        })
        .collect();
    let mut joined = cleaned.join(" ");
    // "biweekly 2019 start date: Jan. 11th": the year before the marker.
    let has_year = cleaned
        .iter()
        .any(|word| word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()));
    if !has_year {
        if let Some(year) = text[..at]
            .split(|c: char| !c.is_ascii_digit())
            .find(|digits| digits.len() == 4)
        {
            joined = format!("{joined} {year}");
        }
    }
    if let Some(day) = Day::parse(&joined) {
        return Some(Ok(day.key()));
    }
    ["%B %d %Y", "%b %d %Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(&joined, format).ok())
        .map(|date| Ok(date.format("%Y-%m-%d").to_string()))
        .or(Some(Err(rest.to_owned())))
}
