//! Writes the community in the `sigs.yaml` format, in the shape the
//! importer reads back to the same database: meeting times in IANA zones
//! and 24-hour clocks, each frequency with its start date.

use app::models::meeting::{weekday_in_files, Cadence, WeekOfMonth};
use app::models::sig::LeadRole;
use app::store::import::{ImportedLead, ImportedSeries, ImportedSig, NamedPerson};
use app::store::meetings::SeriesRule;
use serde::Serialize;

use crate::sigs_yaml_format::{default_end, dir_prefix, first_sentence, GROUP_LISTS};

#[derive(Serialize)]
struct File<'a> {
    sigs: Vec<Group<'a>>,
    workinggroups: Vec<Group<'a>>,
    committees: Vec<Group<'a>>,
    usergroups: Vec<Group<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<Group<'a>>,
}

#[derive(Serialize)]
struct Group<'a> {
    dir: String,
    name: &'a str,
    /// Written only when it is not the mission's first sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    mission_statement: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    charter_link: Option<&'a str>,
    /// Written only when it is not the first meeting's notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    meeting_notes_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    stakeholder_sigs: Vec<&'a str>,
    leadership: Leadership<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    meetings: Vec<Meeting<'a>>,
    contact: Contact<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    subprojects: Vec<Subproject<'a>>,
}

#[derive(Serialize)]
struct Leadership<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    chairs: Vec<Person<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tech_leads: Vec<Person<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    emeritus_leads: Vec<Person<'a>>,
}

#[derive(Serialize)]
struct Person<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    github: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
}

#[derive(Serialize)]
struct Meeting<'a> {
    description: &'a str,
    day: &'static str,
    time: &'a str,
    /// Written only when the meeting is not an hour long.
    #[serde(skip_serializing_if = "Option::is_none")]
    end_time: Option<&'a str>,
    tz: &'a str,
    frequency: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recordings_url: Option<&'a str>,
}

#[derive(Serialize)]
struct Contact<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    slack: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mailing_list: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    teams: Vec<Team<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    liaison: Option<Person<'a>>,
}

impl Contact<'_> {
    fn is_empty(&self) -> bool {
        self.slack.is_none()
            && self.mailing_list.is_none()
            && self.teams.is_empty()
            && self.liaison.is_none()
    }
}

#[derive(Serialize)]
struct Team<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
}

#[derive(Serialize)]
struct Subproject<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    owners: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    leads: Vec<Person<'a>>,
    #[serde(skip_serializing_if = "Contact::is_empty")]
    contact: Contact<'a>,
}

/// "biweekly starting 2026-01-07", "monthly, third Thursday, starting 2026-01-01".
fn frequency(series: &SeriesRule) -> String {
    let starts = &series.starts_on;
    match (series.cadence.as_str(), series.week_of_month) {
        ("monthly", Some(week)) => format!(
            "monthly, {} {}, starting {starts}",
            WeekOfMonth(week).label(),
            weekday_in_files(u32::try_from(series.weekday).unwrap_or(0))
        ),
        (cadence, _) => format!(
            "{} starting {starts}",
            Cadence::parse(cadence).unwrap_or(Cadence::Weekly).as_str()
        ),
    }
}

fn people(leads: &[ImportedLead], role: LeadRole) -> Vec<Person<'_>> {
    leads
        .iter()
        .filter(|lead| lead.role == role)
        .map(|lead| Person {
            github: lead.github_handle.as_deref(),
            name: &lead.display_name,
            company: lead.company.as_deref(),
            email: lead.email.as_deref(),
        })
        .collect()
}

fn group(sig: &ImportedSig) -> Group<'_> {
    let details = sig.details.as_ref();
    let mission = details.map_or("", |details| details.mission.as_str());
    Group {
        dir: format!("{}{}", dir_prefix(sig.kind), sig.slug),
        name: &sig.name,
        description: (first_sentence(mission) != sig.description).then_some(&sig.description),
        mission_statement: mission,
        charter_link: details.and_then(|details| details.charter_url.as_deref()),
        meeting_notes_url: sig.meeting_notes_url.as_deref().filter(|notes| {
            let first =
                details.and_then(|d| d.meetings.iter().find_map(|m| m.rule.notes_url.as_deref()));
            first != Some(*notes)
        }),
        label: details.and_then(|details| details.label.as_deref()),
        stakeholder_sigs: details
            .map(|details| {
                details
                    .stakeholder_sigs
                    .iter()
                    .map(String::as_str)
                    .collect()
            })
            .unwrap_or_default(),
        leadership: Leadership {
            chairs: people(&sig.leads, LeadRole::Chair),
            tech_leads: people(&sig.leads, LeadRole::TechLead),
            emeritus_leads: people(&sig.leads, LeadRole::Emeritus),
        },
        meetings: details
            .map(|details| details.meetings.iter().map(meeting).collect())
            .unwrap_or_default(),
        contact: Contact {
            slack: sig
                .chat_channel
                .as_ref()
                .map(|chat| chat.label.trim_start_matches('#')),
            mailing_list: details.and_then(|details| details.mailing_list_url.as_deref()),
            teams: details
                .map(|details| {
                    details
                        .teams
                        .iter()
                        .map(|team| Team {
                            name: &team.name,
                            description: &team.description,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            liaison: details
                .and_then(|details| details.liaison.as_ref())
                .map(named_person),
        },
        subprojects: details
            .map(|details| {
                details
                    .subprojects
                    .iter()
                    .map(|sub| Subproject {
                        name: &sub.name,
                        description: &sub.description,
                        owners: sub.owners.iter().map(String::as_str).collect(),
                        leads: sub.leads.iter().map(named_person).collect(),
                        contact: Contact {
                            slack: sub.slack.as_deref(),
                            mailing_list: sub.mailing_list_url.as_deref(),
                            teams: Vec::new(),
                            liaison: None,
                        },
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn named_person(person: &NamedPerson) -> Person<'_> {
    Person {
        github: person.github.as_deref(),
        name: &person.name,
        company: person.company.as_deref(),
        email: None,
    }
}

fn meeting(imported: &ImportedSeries) -> Meeting<'_> {
    let series = &imported.rule;
    Meeting {
        description: &imported.title,
        day: weekday_in_files(u32::try_from(series.weekday).unwrap_or(0)),
        time: &series.start_time,
        end_time: (default_end(&series.start_time).as_deref() != Some(series.end_time.as_str()))
            .then_some(series.end_time.as_str()),
        tz: &series.time_zone,
        frequency: frequency(series),
        url: series.join_url.as_deref(),
        archive_url: series.notes_url.as_deref(),
        recordings_url: series.recordings_url.as_deref(),
    }
}

/// The whole file as text.
pub fn write(sigs: &[ImportedSig]) -> Result<String, serde_yaml_ng::Error> {
    let of_kind = |wanted| {
        sigs.iter()
            .filter(|sig| sig.kind == wanted)
            .map(group)
            .collect::<Vec<_>>()
    };
    let [sigs_kind, groups_kind, committees_kind, users_kind, tags_kind] =
        GROUP_LISTS.map(|(_, kind)| kind);
    let text = serde_yaml_ng::to_string(&File {
        sigs: of_kind(sigs_kind),
        workinggroups: of_kind(groups_kind),
        committees: of_kind(committees_kind),
        usergroups: of_kind(users_kind),
        tags: of_kind(tags_kind),
    })?;
    Ok(quote_clock_times(&text))
}

/// YAML 1.1 readers (PyYAML, older Go tools) take an unquoted `11:00` for
/// the number 660; the clock times are quoted so every reader sees text.
fn quote_clock_times(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    for line in text.lines() {
        let trimmed = line.trim_start();
        let quoted = ["time: ", "end_time: "].iter().find_map(|key| {
            let value = trimmed.strip_prefix(key)?;
            let is_clock = value.len() == 5
                && value.as_bytes()[2] == b':'
                && value
                    .bytes()
                    .enumerate()
                    .all(|(i, b)| i == 2 || b.is_ascii_digit());
            is_clock.then(|| format!("{}{key}\"{value}\"", &line[..line.len() - trimmed.len()]))
        });
        out.push_str(quoted.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}
