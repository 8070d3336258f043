//! The SIG table of a KubeSphere-style README: its columns found by header
//! name, and each row read into a SIG with its leads.

use app::models::sig::{LeadRole, NamedLink, SigKind};
use app::store::import::{ImportedLead, ImportedSig};

use super::{github_handle, slug_from_link, slugify, web_url, Cell, ParseError, Table};

const GROUP: &str = "Group";
const LEAD: &str = "Lead";

/// Column positions of the SIG table, found by header name.
struct Columns {
    group: usize,
    lead: usize,
    chat: Option<usize>,
    notes: Option<usize>,
    description: Option<usize>,
}

fn find_columns(table: &Table) -> Result<Columns, ParseError> {
    let find = |names: &[&str]| {
        table.header.iter().position(|header| {
            names
                .iter()
                .any(|name| header.to_lowercase().contains(&name.to_lowercase()))
        })
    };
    let group = find(&[GROUP]);
    let lead = find(&[LEAD, "chair"]);
    let missing: Vec<&'static str> = [(GROUP, group), (LEAD, lead)]
        .into_iter()
        .filter(|(_, found)| found.is_none())
        .map(|(name, _)| name)
        .collect();
    match (group, lead) {
        (Some(group), Some(lead)) => Ok(Columns {
            group,
            lead,
            chat: find(&["slack", "chat", "channel"]),
            notes: find(&["notes", "meeting"]),
            description: find(&["description", "scope"]),
        }),
        _ => Err(ParseError::MissingColumns {
            line: table.line,
            missing,
        }),
    }
}

pub(super) fn read_sig_table(table: &Table) -> Result<Vec<ImportedSig>, ParseError> {
    let columns = find_columns(table)?;
    let mut sigs: Vec<ImportedSig> = Vec::with_capacity(table.rows.len());
    let empty = Cell::default();
    for (line, cells) in &table.rows {
        let line = *line;
        let cell = |index: Option<usize>| index.and_then(|i| cells.get(i)).unwrap_or(&empty);
        let problem = |problem: String| ParseError::Row { line, problem };

        let group = cell(Some(columns.group));
        let name = group
            .links
            .first()
            .map(|(label, _)| label.clone())
            .unwrap_or_else(|| group.text.trim().to_owned());
        if name.is_empty() {
            return Err(problem("the row has no group name".to_owned()));
        }
        let slug = group
            .links
            .first()
            .and_then(|(_, url)| slug_from_link(url))
            .unwrap_or_else(|| slugify(&name));
        if slug.is_empty() {
            return Err(problem(format!(
                "cannot make a slug from the group name {name:?}"
            )));
        }
        if let Some(other) = sigs.iter().find(|sig| sig.slug == slug) {
            return Err(problem(format!(
                "the slug {slug:?} is already used by {:?}; give each group its own folder link",
                other.name
            )));
        }

        let leads = read_leads(cell(Some(columns.lead)));
        let chat_channel = match cell(columns.chat).links.first() {
            Some((label, url)) => Some(NamedLink {
                label: label.clone(),
                url: web_url(url).ok_or_else(|| {
                    problem(format!("the chat link {url:?} is not an http(s) address"))
                })?,
            }),
            None => None,
        };
        let meeting_notes_url = match cell(columns.notes).links.first() {
            Some((_, url)) => Some(web_url(url).ok_or_else(|| {
                problem(format!(
                    "the meeting notes link {url:?} is not an http(s) address"
                ))
            })?),
            None => None,
        };
        sigs.push(ImportedSig {
            slug,
            name,
            kind: SigKind::Sig,
            description: cell(columns.description).text.trim().to_owned(),
            chat_channel,
            meeting_notes_url,
            leads,
            details: None,
        });
    }
    Ok(sigs)
}

/// Leads are links to GitHub profiles; plain names separated by commas also count.
fn read_leads(cell: &Cell) -> Vec<ImportedLead> {
    if cell.links.is_empty() {
        return cell
            .text
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| ImportedLead {
                display_name: name.to_owned(),
                github_handle: None,
                role: LeadRole::Chair,
                email: None,
                company: None,
            })
            .collect();
    }
    cell.links
        .iter()
        .map(|(label, url)| {
            let github_handle = github_handle(url);
            let display_name = if label.is_empty() {
                github_handle.clone().unwrap_or_else(|| url.clone())
            } else {
                label.clone()
            };
            ImportedLead {
                display_name,
                github_handle,
                role: LeadRole::Chair,
                email: None,
                company: None,
            }
        })
        .collect()
}
