//! Dates, weekdays and numbers as the reader's language writes them, from
//! the CLDR data ICU4X compiles in ("26 November 2026", "2026年11月26日").
//! Times of day stay "15:00": both languages use the 24-hour clock.
//! Relative times ("in 3 days") are Fluent messages with plural rules.

use super::{FluentValue, Language};

/// Which fields of a date to write.
#[derive(Clone, Copy)]
enum Fields {
    /// "November 2026"
    YearMonth,
    /// "Nov 2026"
    ShortYearMonth,
    /// "Nov"
    ShortMonth,
    /// "26 November 2026"
    Date,
    /// "Thursday 26 November 2026"
    WeekdayDate,
    /// "Thu 26 Nov"
    ShortWeekdayDate,
    /// "Thursday"
    Weekday,
}

/// A date in `language` with `fields`, from CLDR data; the ISO date when
/// it cannot be formatted (out of range: the data covers our languages).
#[cfg(feature = "ssr")]
fn formatted(language: Language, fields: Fields, (year, month, day): (i32, u32, u32)) -> String {
    use icu_datetime::fieldsets::{E, M, MDE, YM, YMD, YMDE};
    use icu_datetime::input::Date;
    use icu_datetime::DateTimeFormatter;
    let iso = || format!("{year:04}-{month:02}-{day:02}");
    let Ok(date) = Date::try_new_iso(year, month as u8, day as u8) else {
        return iso();
    };
    let Ok(locale) = icu_locale_core::Locale::try_from_str(language.formats()) else {
        return iso();
    };
    let prefs = (&locale).into();
    let text = match fields {
        Fields::YearMonth => {
            DateTimeFormatter::try_new(prefs, YM::long()).map(|f| f.format(&date).to_string())
        }
        Fields::ShortYearMonth => {
            DateTimeFormatter::try_new(prefs, YM::medium()).map(|f| f.format(&date).to_string())
        }
        Fields::ShortMonth => {
            DateTimeFormatter::try_new(prefs, M::medium()).map(|f| f.format(&date).to_string())
        }
        Fields::Date => {
            DateTimeFormatter::try_new(prefs, YMD::long()).map(|f| f.format(&date).to_string())
        }
        Fields::WeekdayDate => {
            DateTimeFormatter::try_new(prefs, YMDE::long()).map(|f| f.format(&date).to_string())
        }
        Fields::ShortWeekdayDate => {
            DateTimeFormatter::try_new(prefs, MDE::medium()).map(|f| f.format(&date).to_string())
        }
        Fields::Weekday => {
            DateTimeFormatter::try_new(prefs, E::long()).map(|f| f.format(&date).to_string())
        }
    };
    text.unwrap_or_else(|_| iso())
}

/// In the browser only islands render, and they get their dates written
/// by the server or by `Intl`: nothing reaches this but a stray call.
#[cfg(not(feature = "ssr"))]
fn formatted(_: Language, _: Fields, (year, month, day): (i32, u32, u32)) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// "November 2026", "2026年11月".
pub fn month_year(language: Language, year: i32, month: u32) -> String {
    formatted(language, Fields::YearMonth, (year, month, 1))
}

/// "Nov 2026", "2026年11月".
pub fn short_month_year(language: Language, year: i32, month: u32) -> String {
    formatted(language, Fields::ShortYearMonth, (year, month, 1))
}

/// "Nov", "11月": a chart's month under its bar.
pub fn short_month(language: Language, month: u32) -> String {
    formatted(language, Fields::ShortMonth, (2024, month, 1))
}

/// "26 November 2026", "2026年11月26日".
pub fn date(language: Language, year: i32, month: u32, day: u32) -> String {
    formatted(language, Fields::Date, (year, month, day))
}

/// "Thursday 26 November 2026", "2026年11月26日星期四".
pub fn weekday_date(language: Language, year: i32, month: u32, day: u32) -> String {
    formatted(language, Fields::WeekdayDate, (year, month, day))
}

/// "Thu 26 Nov", "11月26日周四".
pub fn short_weekday_date(language: Language, year: i32, month: u32, day: u32) -> String {
    formatted(language, Fields::ShortWeekdayDate, (year, month, day))
}

/// The name of ISO weekday `number` (1 = Monday): "Thursday", "星期四".
pub fn weekday(language: Language, number: u32) -> String {
    // 1 January 2024 was a Monday.
    formatted(language, Fields::Weekday, (2024, 1, number.clamp(1, 7)))
}

/// The day of a Unix time (UTC) in the page's language; empty for none.
#[cfg(feature = "ssr")]
pub fn day_of(unix_seconds: Option<i64>) -> String {
    use chrono::Datelike;
    unix_seconds
        .and_then(|at| chrono::DateTime::from_timestamp(at, 0))
        .map(|at| date(super::language(), at.year(), at.month(), at.day()))
        .unwrap_or_default()
}

/// A Unix time as "1 December 2026, 18:40 UTC" in the page's language.
#[cfg(feature = "ssr")]
pub fn time_of(unix_seconds: i64) -> String {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp(unix_seconds, 0)
        .map(|at| {
            let day = date(super::language(), at.year(), at.month(), at.day());
            format!("{day}, {} UTC", at.format("%H:%M"))
        })
        .unwrap_or_default()
}

/// A whole number with the language's digits and grouping: "1,024".
pub fn number(language: Language, value: i64) -> String {
    #[cfg(feature = "ssr")]
    {
        use icu_decimal::input::Decimal;
        use icu_decimal::DecimalFormatter;
        let formatter = icu_locale_core::Locale::try_from_str(language.formats())
            .ok()
            .and_then(|locale| {
                DecimalFormatter::try_new((&locale).into(), Default::default()).ok()
            });
        if let Some(formatter) = formatter {
            return formatter.format(&Decimal::from(value)).to_string();
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = language;
    value.to_string()
}

/// "in 3 days", "in 5 hours", "in 20 minutes", "now" for a start `seconds`
/// away (negative: it has started and not ended).
pub fn relative(language: Language, seconds: i64) -> String {
    let Some((count, unit)) = crate::models::meeting::relative_count(seconds) else {
        return language.text("relative-now");
    };
    let key = match unit {
        "minute" => "relative-minutes",
        "hour" => "relative-hours",
        _ => "relative-days",
    };
    language.text_with(key, &[("count", FluentValue::from(count))])
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn chinese() -> Language {
        Language::parse("zh-CN").expect("Chinese is offered")
    }

    #[test]
    fn dates_follow_the_language() {
        let english = Language::default();
        assert_eq!(month_year(english, 2026, 11), "November 2026");
        assert_eq!(date(english, 2026, 11, 26), "26 November 2026");
        assert_eq!(
            weekday_date(english, 2026, 11, 26),
            "Thursday, 26 November 2026"
        );
        assert_eq!(
            weekday_date(chinese(), 2026, 11, 26),
            "2026年11月26日星期四"
        );
        assert_eq!(weekday(english, 4), "Thursday");
        assert_eq!(month_year(chinese(), 2026, 11), "2026年11月");
        assert_eq!(date(chinese(), 2026, 11, 26), "2026年11月26日");
        assert_eq!(weekday(chinese(), 4), "星期四");
    }

    #[test]
    fn numbers_and_relative_times_follow_the_language() {
        assert_eq!(number(Language::default(), 1024), "1,024");
        assert_eq!(relative(Language::default(), 3 * 86_400), "in 3 days");
        assert_eq!(relative(Language::default(), 60), "in 1 minute");
        assert_eq!(relative(Language::default(), 5 * 3600), "in 5 hours");
        assert_eq!(relative(Language::default(), 0), "now");
        assert_eq!(relative(chinese(), 5 * 3600), "5小时后");
    }
}
