//! The small values a meeting rule is made of, with lenient readers: forms
//! and imported files write "Thu", "2:30 PM" or "biweekly" as often as the
//! canonical forms.

use serde::{Deserialize, Serialize};

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The English name of ISO weekday `number` (1 = Monday), as files such as
/// sigs.yaml write it whatever the reader's language.
pub fn weekday_in_files(number: u32) -> &'static str {
    number
        .checked_sub(1)
        .and_then(|index| WEEKDAYS.get(index as usize))
        .copied()
        .unwrap_or("?")
}

/// The name of ISO weekday `number` (1 = Monday), in the page's language.
pub fn weekday_label(number: u32) -> String {
    crate::i18n::format::weekday(crate::i18n::language(), number)
}

/// Reads a weekday as a number (1–7), a name or an abbreviation of at least
/// two letters ("Th", "Thu", "thurs", "Thursday").
pub fn parse_weekday(value: &str) -> Option<u32> {
    let value = value.trim().trim_end_matches('.').to_lowercase();
    if let Ok(number) = value.parse::<u32>() {
        return (1..=7).contains(&number).then_some(number);
    }
    if value.len() < 2 {
        return None;
    }
    let mut found = WEEKDAYS
        .iter()
        .zip(1..)
        .filter(|(name, _)| name.to_lowercase().starts_with(&value));
    match (found.next(), found.next()) {
        (Some((_, number)), None) => Some(number),
        _ => None,
    }
}

/// How often a series meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cadence {
    Weekly,
    EveryTwoWeeks,
    Monthly,
}

impl Cadence {
    pub const ALL: [Cadence; 3] = [Self::Weekly, Self::EveryTwoWeeks, Self::Monthly];

    /// The value stored and sent by forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Weekly => "weekly",
            Self::EveryTwoWeeks => "biweekly",
            Self::Monthly => "monthly",
        }
    }

    /// How a form offers it: "Every week".
    pub fn label(self) -> String {
        crate::i18n::t(self.label_key())
    }

    fn label_key(self) -> &'static str {
        match self {
            Self::Weekly => "cadence-weekly",
            Self::EveryTwoWeeks => "cadence-biweekly",
            Self::Monthly => "cadence-monthly",
        }
    }

    /// Reads the stored value and the usual ways people write it.
    pub fn parse(value: &str) -> Option<Self> {
        let value: String = value
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        match value.as_str() {
            "weekly" | "everyweek" | "week" => Some(Self::Weekly),
            "biweekly" | "everytwoweeks" | "fortnightly" | "every2weeks" | "biweek" => {
                Some(Self::EveryTwoWeeks)
            }
            "monthly" | "everymonth" | "onceamonth" => Some(Self::Monthly),
            _ => None,
        }
    }
}

/// Which weekday of the month a monthly series meets on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeekOfMonth(pub i64);

impl WeekOfMonth {
    pub const ALL: [WeekOfMonth; 5] = [Self(1), Self(2), Self(3), Self(4), Self(-1)];

    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim().parse::<i64>().ok()?;
        Self::ALL.into_iter().find(|week| week.0 == value)
    }

    /// How a form offers it: "The second one".
    pub fn label(self) -> String {
        crate::i18n::t_with("week-of-month", &[("week", self.0.into())])
    }
}

/// "Every two weeks on Thursday", "The last Tuesday of each month".
pub fn rule_label(cadence: Cadence, weekday: u32, week: Option<WeekOfMonth>) -> String {
    rule_label_in(crate::i18n::language(), cadence, weekday, week)
}

/// The same in `language` (a calendar file's, not a page's).
pub fn rule_label_in(
    language: crate::i18n::Language,
    cadence: Cadence,
    weekday: u32,
    week: Option<WeekOfMonth>,
) -> String {
    let day = crate::i18n::FluentValue::from(crate::i18n::format::weekday(language, weekday));
    let key = match cadence {
        Cadence::Weekly => "rule-weekly",
        Cadence::EveryTwoWeeks => "rule-biweekly",
        Cadence::Monthly => "rule-monthly",
    };
    // A monthly rule names its week (1 to 4, -1 the last; 0 none).
    let week = week.map_or(0, |week| week.0);
    language.text_with(key, &[("weekday", day), ("week", week.into())])
}

/// A wall-clock time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LocalTime {
    pub hour: u32,
    pub minute: u32,
}

impl LocalTime {
    /// Reads "15:00", "9:30", "0930", "2:30 PM", "2pm", "12:15 a.m.".
    pub fn parse(value: &str) -> Option<Self> {
        let lower = value.trim().to_lowercase().replace('.', "");
        let (clock, meridiem) = if let Some(rest) = lower.strip_suffix("am") {
            (rest.trim(), Some(false))
        } else if let Some(rest) = lower.strip_suffix("pm") {
            (rest.trim(), Some(true))
        } else {
            (lower.as_str(), None)
        };
        let digits_only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let (hour, minute) = match clock.split_once(':') {
            Some((h, m)) if digits_only(h) && h.len() <= 2 && digits_only(m) && m.len() == 2 => {
                (h.parse().ok()?, m.parse().ok()?)
            }
            None if digits_only(clock) && clock.len() <= 2 => (clock.parse().ok()?, 0),
            None if digits_only(clock) && clock.len() == 4 && meridiem.is_none() => {
                (clock[..2].parse().ok()?, clock[2..].parse().ok()?)
            }
            _ => return None,
        };
        let hour = match meridiem {
            None => hour,
            Some(_) if !(1..=12).contains(&hour) => return None,
            Some(false) => hour % 12,
            Some(true) => hour % 12 + 12,
        };
        (hour < 24 && minute < 60).then_some(LocalTime { hour, minute })
    }

    /// "15:00".
    pub fn label(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// A calendar date, read and written as YYYY-MM-DD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    pub fn parse(value: &str) -> Option<Self> {
        let mut parts = value.trim().splitn(3, '-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        let day = Day {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
            day: day.parse().ok()?,
        };
        (day.year >= 1900 && (1..=12).contains(&day.month) && day.day >= 1)
            .then_some(day)
            .filter(|d| d.day <= days_in_month(d.year, d.month))
    }

    /// YYYY-MM-DD.
    pub fn key(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "26 November 2026", in the page's language.
    pub fn label(self) -> String {
        crate::i18n::format::date(crate::i18n::language(), self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How a start `seconds` away is said: a count of `minute`s, `hour`s or
/// `day`s (the units of `Intl.RelativeTimeFormat`); `None` once it has
/// started. The server and the browser count the same way.
pub fn relative_count(seconds: i64) -> Option<(i64, &'static str)> {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    match seconds {
        s if s <= 0 => None,
        s if s < 90 * MINUTE => Some(((s + MINUTE - 1) / MINUTE, "minute")),
        s if s < 36 * HOUR => Some(((s + HOUR / 2) / HOUR, "hour")),
        s => Some(((s + DAY / 2) / DAY, "day")),
    }
}

/// "in 3 days", "in 5 hours", "in 20 minutes", "now" for a start
/// `seconds` away, in the page's language.
pub fn relative_label(seconds: i64) -> String {
    crate::i18n::format::relative(crate::i18n::language(), seconds)
}
