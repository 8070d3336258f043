//! Reads the Kubernetes `sigs.yaml` format (also used by other communities):
//! SIGs, working groups, committees and user groups with their leadership,
//! meetings, contacts and subprojects. Lenient with values, precise about
//! shapes: a structural problem stops the import and names its path (or, for
//! YAML syntax, its line and column); a value that cannot be understood and
//! an unknown key are warnings with their path.

use std::collections::BTreeMap;
use std::fmt;

use app::models::sig::{LeadRole, NamedLink, SigKind};
use app::store::import::{
    CommunityImport, ImportedSeries, ImportedSig, ImportedSubproject, ImportedTeam, NamedPerson,
    SigDetails,
};
use serde_yaml_ng::Value;

mod meeting;
mod node;
mod people;
#[cfg(test)]
mod tests;

use node::{Map, Node};

use crate::sigs_yaml_format::{dir_prefix, first_sentence, GROUP_LISTS, READ_ONLY_GROUP_LISTS};

/// Something in the file, where it is and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("YAML syntax error at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

/// A file read whole, with what was left out or ignored.
#[derive(Debug)]
pub struct Parsed {
    pub community: CommunityImport,
    pub warnings: Vec<Problem>,
    /// Worth telling, nothing lost (a meeting listed twice, kept once).
    pub notes: Vec<Problem>,
}

const TOP_LEVEL_KEYS: &[&str] = &[
    "sigs",
    "workinggroups",
    "committees",
    "usergroups",
    "gb_rep",
    "tags",
    "toc_subprojects",
];
const GROUP_KEYS: &[&str] = &[
    "dir",
    "name",
    "description",
    "mission_statement",
    "charter_link",
    "meeting_notes_url",
    "label",
    "stakeholder_sigs",
    "leadership",
    "meetings",
    "contact",
    "subprojects",
];
const LEADERSHIP_KEYS: &[(&str, LeadRole)] = &[
    ("chairs", LeadRole::Chair),
    ("tech_leads", LeadRole::TechLead),
    ("emeritus_leads", LeadRole::Emeritus),
];
const PERSON_KEYS: &[&str] = &["github", "name", "company", "email"];
const CONTACT_KEYS: &[&str] = &[
    "slack",
    "mailing_list",
    "private_mailing_list",
    "teams",
    "liaison",
    "github_teams",
];
const TEAM_KEYS: &[&str] = &["name", "description"];
const SUBPROJECT_KEYS: &[&str] = &[
    "name",
    "description",
    "owners",
    "contact",
    "meetings",
    "leads",
];

/// The chat link for a Slack channel name, in whichever workspace the
/// visitor is signed in to.
pub fn slack_link(channel: &str) -> NamedLink {
    NamedLink {
        label: format!("#{channel}"),
        url: format!("https://slack.com/app_redirect?channel={channel}"),
    }
}

pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let document: Value = serde_yaml_ng::from_str(text).map_err(|error| {
        let (line, column) = error
            .location()
            .map_or((0, 0), |at| (at.line(), at.column()));
        ParseError::Syntax {
            line,
            column,
            message: error.to_string(),
        }
    })?;
    let mut reader = Reader::default();
    match Node::root(&document).map() {
        Ok(top) => reader.read_top(&top),
        Err(problem) => reader.errors.push(problem),
    }
    if !reader.errors.is_empty() {
        return Err(ParseError::Invalid(reader.errors));
    }
    Ok(Parsed {
        community: CommunityImport {
            sigs: reader.sigs,
            ..CommunityImport::default()
        },
        warnings: reader.warnings,
        notes: reader.notes,
    })
}

/// A group's `contact`: where to talk.
#[derive(Default)]
struct Contact {
    chat: Option<NamedLink>,
    mailing_list_url: Option<String>,
    teams: Vec<ImportedTeam>,
    liaison: Option<NamedPerson>,
}

#[derive(Default)]
struct Reader {
    sigs: Vec<ImportedSig>,
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    notes: Vec<Problem>,
    /// Slug → the path of the group that took it first.
    slugs: BTreeMap<String, String>,
}

impl Reader {
    fn read_top(&mut self, top: &Map<'_>) {
        top.unknown_keys(TOP_LEVEL_KEYS, &mut self.warnings);
        // A read-only list right after its kind's own, as an export writes
        // its groups: a round trip keeps the groups' order.
        let lists = GROUP_LISTS.into_iter().flat_map(|(key, kind)| {
            std::iter::once((key, kind)).chain(
                READ_ONLY_GROUP_LISTS
                    .into_iter()
                    .filter(move |(_, also)| *also == kind),
            )
        });
        for (key, kind) in lists {
            let groups = match top.list(key) {
                Ok(groups) => groups,
                Err(problem) => {
                    self.errors.push(problem);
                    continue;
                }
            };
            for group in groups {
                match self.read_group(group.clone(), kind) {
                    Ok(sig) => self.sigs.push(sig),
                    Err(problem) => self.errors.push(problem),
                }
            }
        }
    }

    fn read_group(&mut self, node: Node<'_>, kind: SigKind) -> Result<ImportedSig, Problem> {
        let map = node.map()?;
        map.unknown_keys(GROUP_KEYS, &mut self.warnings);
        let Some(name) = map.text("name")? else {
            return Err(map.node().problem("a group without a name"));
        };
        let dir = map.text("dir")?;
        let slug = slug_of(dir.as_deref(), &name, kind);
        if slug.is_empty() {
            return Err(map
                .node()
                .problem(format!("no usable folder name for “{name}”")));
        }
        if let Some(first) = self.slugs.get(&slug) {
            return Err(map
                .node()
                .problem(format!("duplicate group “{slug}” (also at {first})")));
        }
        self.slugs
            .insert(slug.clone(), map.node().path().to_owned());

        let mission = map.text("mission_statement")?.unwrap_or_default();
        let description = map
            .text("description")?
            .unwrap_or_else(|| first_sentence(&mission));
        let leads = self.read_leadership(&map)?;
        let mut meetings = Vec::new();
        for entry in map.list("meetings")? {
            let path = entry.path().to_owned();
            if let Some(series) = meeting::read(entry, &name, &mut self.warnings)? {
                self.add_meeting(&mut meetings, series, path);
            }
        }
        let Contact {
            chat: chat_channel,
            mailing_list_url,
            teams,
            liaison,
        } = self.read_contact(&map)?;
        let mut stakeholder_sigs = Vec::new();
        for stakeholder in map.list("stakeholder_sigs")? {
            stakeholder_sigs.push(stakeholder.text()?);
        }
        let subprojects = self.read_subprojects(&map, &name, &mut meetings)?;
        Ok(ImportedSig {
            slug,
            name,
            kind,
            description,
            chat_channel,
            meeting_notes_url: match map.text("meeting_notes_url")? {
                Some(url) => Some(url),
                None => meetings
                    .iter()
                    .find_map(|series| series.rule.notes_url.clone()),
            },
            leads,
            details: Some(SigDetails {
                mission,
                charter_url: map.text("charter_link")?,
                mailing_list_url,
                meetings,
                teams,
                subprojects,
                label: map.text("label")?,
                stakeholder_sigs,
                liaison,
            }),
        })
    }

    /// A group's series are known by their titles. Subprojects often list
    /// their group's own meeting again: the same meeting is kept once; a
    /// different one with a title already taken is reported and left out.
    fn add_meeting(
        &mut self,
        meetings: &mut Vec<ImportedSeries>,
        series: ImportedSeries,
        path: String,
    ) {
        let same_title = meetings.iter().find(|known| known.title == series.title);
        if same_title == Some(&series) {
            self.notes.push(Problem {
                path,
                message: format!("the group's “{}” again; kept once", series.title),
            });
            return;
        }
        if same_title.is_some() {
            self.warnings.push(Problem {
                path,
                message: format!(
                    "another meeting of this group is called “{}”; meeting left out",
                    series.title
                ),
            });
        } else {
            meetings.push(series);
        }
    }

    /// The group's subprojects; their meetings join the group's own (the
    /// group's leads run them, and its calendar should show them).
    fn read_subprojects(
        &mut self,
        group: &Map<'_>,
        group_name: &str,
        meetings: &mut Vec<ImportedSeries>,
    ) -> Result<Vec<ImportedSubproject>, Problem> {
        let mut subprojects = Vec::new();
        for node in group.list("subprojects")? {
            let map = node.map()?;
            map.unknown_keys(SUBPROJECT_KEYS, &mut self.warnings);
            let Some(name) = map.text("name")? else {
                return Err(map.node().problem("a subproject without a name"));
            };
            for entry in map.list("meetings")? {
                let path = entry.path().to_owned();
                let fallback = format!("{group_name} {name}");
                if let Some(series) = meeting::read(entry, &fallback, &mut self.warnings)? {
                    self.add_meeting(meetings, series, path);
                }
            }
            let mut owners = Vec::new();
            for owner in map.list("owners")? {
                let owner = owner.text()?;
                if !owner.is_empty() {
                    owners.push(owner);
                }
            }
            let mut leads = Vec::new();
            for lead in map.list("leads")? {
                leads.push(self.read_named_person(lead)?);
            }
            let contact = match map.get("contact") {
                Some(node) => self.read_contact_of_subproject(node)?,
                None => (None, None),
            };
            subprojects.push(ImportedSubproject {
                name,
                description: map.text("description")?.unwrap_or_default(),
                owners,
                slack: contact.0,
                mailing_list_url: contact.1,
                leads,
            });
        }
        Ok(subprojects)
    }
}

/// The group's slug: its folder name without the kind's prefix, or its name
/// in lower case with dashes when there is no folder.
fn slug_of(dir: Option<&str>, name: &str, kind: SigKind) -> String {
    let source = dir.unwrap_or(name).trim().trim_matches('/');
    let source = source.rsplit('/').next().unwrap_or(source).to_lowercase();
    let source = source.strip_prefix(dir_prefix(kind)).unwrap_or(&source);
    let mut slug = String::with_capacity(source.len());
    for c in source.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_owned()
}
