//! Time-zone names: IANA names as forms and stored rules use them, and the
//! free text communities write ("PT (Pacific Time)", "Beijing Time",
//! "UTC+8"), mapped to an IANA zone or refused with the reason. Nothing is
//! guessed: an abbreviation with several meanings ("CST", "IST") is refused
//! unless the rest of the text says which one.

use chrono_tz::{Tz, TZ_VARIANTS};

/// The zone of an IANA name, in any letter case.
pub fn parse(name: &str) -> Option<Tz> {
    let name = name.trim();
    name.parse::<Tz>().ok().or_else(|| {
        TZ_VARIANTS
            .iter()
            .find(|zone| zone.name().eq_ignore_ascii_case(name))
            .copied()
    })
}

/// The IANA spelling of `name`, for storing.
pub fn canonical(name: &str) -> Option<String> {
    parse(name).map(|zone| zone.name().to_owned())
}

/// The names offered as suggestions: the Region/City zones and UTC.
pub fn suggestions() -> Vec<String> {
    let mut names: Vec<String> = TZ_VARIANTS
        .iter()
        .map(|zone| zone.name())
        .filter(|name| {
            let region = name.split('/').next().unwrap_or("");
            name.contains('/')
                && matches!(
                    region,
                    "Africa"
                        | "America"
                        | "Antarctica"
                        | "Asia"
                        | "Atlantic"
                        | "Australia"
                        | "Europe"
                        | "Indian"
                        | "Pacific"
                )
        })
        .map(str::to_owned)
        .collect();
    names.push("UTC".to_owned());
    names.sort();
    names
}

/// Names people write for a zone, lower-case. These come before IANA names
/// because "EST" and "MST" are also legacy IANA zones without daylight
/// saving, which is not what "9:00 EST" means in a meeting invitation.
const ALIASES: &[(&str, &str)] = &[
    ("pt", "America/Los_Angeles"),
    ("pst", "America/Los_Angeles"),
    ("pdt", "America/Los_Angeles"),
    ("pacific", "America/Los_Angeles"),
    ("pacific time", "America/Los_Angeles"),
    ("pacific standard time", "America/Los_Angeles"),
    ("pacific daylight time", "America/Los_Angeles"),
    ("mt", "America/Denver"),
    ("mst", "America/Denver"),
    ("mdt", "America/Denver"),
    ("mountain time", "America/Denver"),
    ("ct", "America/Chicago"),
    ("cdt", "America/Chicago"),
    ("central time", "America/Chicago"),
    ("us central time", "America/Chicago"),
    ("et", "America/New_York"),
    ("est", "America/New_York"),
    ("edt", "America/New_York"),
    ("eastern", "America/New_York"),
    ("eastern time", "America/New_York"),
    ("eastern standard time", "America/New_York"),
    ("utc", "UTC"),
    ("gmt", "UTC"),
    ("z", "UTC"),
    ("coordinated universal time", "UTC"),
    ("greenwich mean time", "UTC"),
    ("cet", "CET"),
    ("cest", "CET"),
    ("central european time", "CET"),
    ("central european summer time", "CET"),
    ("eet", "EET"),
    ("eest", "EET"),
    ("eastern european time", "EET"),
    ("beijing", "Asia/Shanghai"),
    ("beijing time", "Asia/Shanghai"),
    ("china time", "Asia/Shanghai"),
    ("china standard time", "Asia/Shanghai"),
    ("jst", "Asia/Tokyo"),
    ("japan time", "Asia/Tokyo"),
    ("japan standard time", "Asia/Tokyo"),
    ("kst", "Asia/Seoul"),
    ("korea standard time", "Asia/Seoul"),
    ("india standard time", "Asia/Kolkata"),
    ("indian standard time", "Asia/Kolkata"),
    ("british time", "Europe/London"),
    ("uk time", "Europe/London"),
    ("british summer time", "Europe/London"),
    ("aest", "Australia/Sydney"),
    ("australian eastern time", "Australia/Sydney"),
    ("sgt", "Asia/Singapore"),
    ("singapore time", "Asia/Singapore"),
    ("hkt", "Asia/Hong_Kong"),
    ("hong kong time", "Asia/Hong_Kong"),
];

/// Abbreviations with more than one common meaning.
const AMBIGUOUS: &[&str] = &["cst", "ist", "bst", "ast", "amt", "gst", "sst"];

/// What one piece of free text says.
enum Reading {
    Zone(Tz),
    Ambiguous,
    Nothing,
}

/// Maps the free text of an imported meeting to an IANA zone, or says why
/// it cannot: `Err` holds the message to report.
pub fn from_free_text(text: &str) -> Result<Tz, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("no time zone given".to_owned());
    }
    let mut found: Vec<Tz> = Vec::new();
    let mut ambiguous = false;
    for piece in pieces(text) {
        match read(&piece) {
            Reading::Zone(zone) if !found.contains(&zone) => found.push(zone),
            Reading::Zone(_) | Reading::Nothing => {}
            Reading::Ambiguous => ambiguous = true,
        }
    }
    match found.as_slice() {
        [zone] => Ok(*zone),
        [] if ambiguous => Err(format!(
            "ambiguous time zone “{text}”: write an IANA name such as Asia/Shanghai or America/Chicago"
        )),
        [] => Err(format!("unknown time zone “{text}”")),
        several => Err(format!(
            "time zone “{text}” names several zones ({})",
            several
                .iter()
                .map(|zone| zone.name())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The whole text, the part in parentheses and the part outside them.
fn pieces(text: &str) -> Vec<String> {
    let mut pieces = vec![text.to_owned()];
    if let (Some(open), Some(close)) = (text.find('('), text.rfind(')')) {
        if open < close {
            pieces.push(text[open + 1..close].to_owned());
            pieces.push(format!("{} {}", &text[..open], &text[close + 1..]));
        }
    }
    pieces
}

fn read(piece: &str) -> Reading {
    let normal = piece
        .trim()
        .trim_matches(|c: char| c == ',' || c == '.')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if normal.is_empty() {
        return Reading::Nothing;
    }
    if let Some((_, zone)) = ALIASES.iter().find(|(alias, _)| *alias == normal) {
        return parse(zone).map_or(Reading::Nothing, Reading::Zone);
    }
    if AMBIGUOUS.contains(&normal.as_str()) {
        return Reading::Ambiguous;
    }
    if let Some(zone) = parse(&normal.replace(' ', "_")) {
        return Reading::Zone(zone);
    }
    if let Some(zone) = fixed_offset(&normal) {
        return Reading::Zone(zone);
    }
    by_city(&normal).map_or(Reading::Nothing, Reading::Zone)
}

/// "utc+8", "gmt-05:00" → the Etc/GMT zone of that whole-hour offset
/// (whose sign is inverted by POSIX convention). Offsets with minutes have
/// no IANA zone and are not read.
fn fixed_offset(normal: &str) -> Option<Tz> {
    let rest = normal
        .strip_prefix("utc")
        .or_else(|| normal.strip_prefix("gmt"))?
        .trim();
    let (sign, digits) = match rest.chars().next()? {
        '+' => (1, &rest[1..]),
        '-' | '−' => (-1, rest.trim_start_matches(['-', '−'])),
        _ => return None,
    };
    let (hours, minutes) = digits.split_once(':').unwrap_or((digits, "00"));
    let hours: i32 = hours.trim().parse().ok()?;
    if minutes.trim() != "00" || hours > 14 {
        return None;
    }
    if hours == 0 {
        return parse("UTC");
    }
    // Etc/GMT-8 is eight hours ahead of UTC.
    parse(&format!(
        "Etc/GMT{}{}",
        if sign > 0 { '-' } else { '+' },
        hours
    ))
}

/// "berlin" or "new york" → the one Region/City zone of that city.
fn by_city(normal: &str) -> Option<Tz> {
    let city = normal.replace(' ', "_");
    let mut matches = TZ_VARIANTS.iter().filter(|zone| {
        zone.name()
            .rsplit('/')
            .next()
            .is_some_and(|last| zone.name().contains('/') && last.eq_ignore_ascii_case(&city))
    });
    match (matches.next(), matches.next()) {
        (Some(zone), None) => Some(*zone),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
