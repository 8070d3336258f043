//! The parts of the `sigs.yaml` format that its reader (`import`) and its
//! writer (`export`) share, so a file written by one reads back the same.

use app::models::meeting::LocalTime;
use app::models::sig::SigKind;

/// The group lists in the order they are read and written.
pub const GROUP_LISTS: [(&str, SigKind); 5] = [
    ("sigs", SigKind::Sig),
    ("workinggroups", SigKind::WorkingGroup),
    ("committees", SigKind::Committee),
    ("usergroups", SigKind::UserGroup),
    // The CNCF TOC's layout (its tags.yaml).
    ("tags", SigKind::Tag),
];

/// Lists read as groups of a kind but written back under that kind's own
/// list: the CNCF TOC's subprojects are working groups of the TOC.
pub const READ_ONLY_GROUP_LISTS: [(&str, SigKind); 1] =
    [("toc_subprojects", SigKind::WorkingGroup)];

/// Where a directory name's kind prefix ends: `sig-api-machinery` → `api-machinery`.
pub fn dir_prefix(kind: SigKind) -> &'static str {
    match kind {
        SigKind::Sig => "sig-",
        SigKind::WorkingGroup => "wg-",
        SigKind::Committee => "committee-",
        SigKind::UserGroup => "ug-",
        SigKind::Tag => "tag-",
    }
}

/// sigs.yaml gives no length: an hour, ending by midnight at the latest.
pub fn an_hour_later(start: LocalTime) -> LocalTime {
    if start.hour >= 23 {
        LocalTime {
            hour: 23,
            minute: 59,
        }
    } else {
        LocalTime {
            hour: start.hour + 1,
            minute: start.minute,
        }
    }
}

/// The end of a meeting that starts at `start` (HH:MM) when the file does
/// not say: an hour later, by midnight at the latest.
pub fn default_end(start: &str) -> Option<String> {
    LocalTime::parse(start).map(|start| an_hour_later(start).label())
}

/// The first sentence of a mission, as the group's one-line description.
pub fn first_sentence(mission: &str) -> String {
    let flat = mission.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = flat
        .char_indices()
        .find(|&(at, c)| c == '.' && flat[at + 1..].starts_with(' '))
        .map_or(flat.len(), |(at, _)| at + 1);
    let sentence = &flat[..end];
    if sentence.chars().count() <= 200 {
        return sentence.to_owned();
    }
    // Cut at a word boundary, so no word is left half-written.
    let cut: String = sentence.chars().take(199).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(words, _)| words);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}
