//! Reads a KubeSphere-style community README: a markdown table of SIGs
//! (Group, Lead, Slack Channel, Meeting Notes, Description), bullet lists of
//! chat channels, and guidance sections that become pages.

use app::models::channel::ChannelKind;
use app::store::import::{CommunityImport, ImportedChannel, ImportedPage};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::mojibake::{self, Repair};

mod sig_table;

use sig_table::read_sig_table;

/// Why a file cannot be imported; every variant names where to look.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("no SIG table found: expected a markdown table whose header has a \"Group\" column")]
    NoSigTable,
    #[error("line {line}: the SIG table has no {columns} column", columns = quote_list(.missing))]
    MissingColumns {
        line: usize,
        missing: Vec<&'static str>,
    },
    #[error("line {line}: {problem}")]
    Row { line: usize, problem: String },
}

fn quote_list(names: &[&'static str]) -> String {
    names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// What the file holds, and the mis-encoded characters that were repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub community: CommunityImport,
    pub repairs: Vec<Repair>,
}

/// A table cell as read: its plain text and its links.
#[derive(Debug, Default, Clone)]
struct Cell {
    text: String,
    links: Vec<(String, String)>,
}

#[derive(Debug, Default)]
struct Table {
    line: usize,
    header: Vec<String>,
    rows: Vec<(usize, Vec<Cell>)>,
}

/// A heading and where its section's body starts and ends in the source.
#[derive(Debug)]
struct Section {
    title: String,
    body_start: usize,
    body_end: usize,
}

/// A bullet list item: its text before the first link, and its links.
#[derive(Debug)]
struct ListItem {
    line: usize,
    cell: Cell,
    /// The paragraph before the list, which says what the list is about.
    intro: String,
    section: usize,
}

pub fn parse(source: &str) -> Result<Parsed, ParseError> {
    let (text, repairs) = mojibake::repair(source.trim_start_matches('\u{feff}'));
    let text = text.as_ref();
    let lines = LineIndex::new(text);
    let collected = collect(text, &lines);

    let sig_table_index = collected
        .tables
        .iter()
        .position(|table| table.header.iter().any(|h| h.eq_ignore_ascii_case("group")))
        .ok_or(ParseError::NoSigTable)?;
    let sig_table = &collected.tables[sig_table_index];
    let sigs = read_sig_table(sig_table)?;

    // Sections that hold the SIG table or channel lists are data, not guidance.
    let table_section = collected.table_sections[sig_table_index];
    let channel_sections: Vec<usize> = collected.items.iter().map(|item| item.section).collect();
    let channels = read_channels(&collected.items, &collected.sections)?;
    let pages = collected
        .sections
        .iter()
        .enumerate()
        .filter(|(index, _)| Some(*index) != table_section && !channel_sections.contains(index))
        .filter_map(|(_, section)| {
            let markdown = text[section.body_start..section.body_end].trim().to_owned();
            (!markdown.is_empty()).then(|| ImportedPage {
                slug: slugify(&section.title),
                title: section.title.clone(),
                markdown,
            })
        })
        .collect();

    Ok(Parsed {
        community: CommunityImport {
            sigs,
            channels,
            pages,
        },
        repairs,
    })
}

#[derive(Default)]
struct Collected {
    tables: Vec<Table>,
    /// For each table, the index of the section it sits in.
    table_sections: Vec<Option<usize>>,
    sections: Vec<Section>,
    items: Vec<ListItem>,
}

/// One pass over the markdown events, gathering tables, sections and list items.
fn collect(text: &str, lines: &LineIndex) -> Collected {
    let mut out = Collected::default();
    let mut heading: Option<String> = None;
    let mut table: Option<Table> = None;
    let mut row: Option<(usize, Vec<Cell>)> = None;
    let mut cell: Option<Cell> = None;
    let mut link: Option<(String, String)> = None;
    let mut paragraph = String::new();
    let mut last_paragraph = String::new();
    let mut in_head = false;
    let mut item: Option<(usize, Cell)> = None;

    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2 | HeadingLevel::H3,
                ..
            }) => {
                if let Some(previous) = out.sections.last_mut() {
                    previous.body_end = range.start;
                }
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2 | HeadingLevel::H3)) => {
                let title = heading.take().unwrap_or_default().trim().to_owned();
                out.sections.push(Section {
                    title,
                    body_start: range.end,
                    body_end: text.len(),
                });
            }
            Event::Start(Tag::Heading { .. }) => {
                // A heading of another level ends the current section's body.
                if let Some(previous) = out.sections.last_mut() {
                    previous.body_end = previous.body_end.min(range.start);
                }
            }
            Event::Start(Tag::Table(_)) => {
                table = Some(Table {
                    line: lines.line_of(range.start),
                    ..Table::default()
                });
            }
            Event::End(TagEnd::Table) => {
                if let Some(done) = table.take() {
                    out.tables.push(done);
                    out.table_sections.push(out.sections.len().checked_sub(1));
                }
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => row = Some((lines.line_of(range.start), Vec::new())),
            Event::End(TagEnd::TableRow) => {
                if let (Some(done), Some(table)) = (row.take(), table.as_mut()) {
                    table.rows.push(done);
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(Cell::default()),
            Event::End(TagEnd::TableCell) => {
                if let Some(done) = cell.take() {
                    match (in_head, table.as_mut(), row.as_mut()) {
                        (true, Some(table), _) => table.header.push(done.text.trim().to_owned()),
                        (false, _, Some((_, cells))) => cells.push(done),
                        _ => {}
                    }
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((String::new(), dest_url.to_string()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((label, url)) = link.take() {
                    let label = label.trim().to_owned();
                    if let Some(cell) = cell.as_mut() {
                        cell.links.push((label, url));
                    } else if let Some((_, cell)) = item.as_mut() {
                        cell.links.push((label, url));
                    }
                }
            }
            Event::Start(Tag::Item) => item = Some((lines.line_of(range.start), Cell::default())),
            Event::End(TagEnd::Item) => {
                if let Some((line, cell)) = item.take() {
                    if !cell.links.is_empty() {
                        out.items.push(ListItem {
                            line,
                            cell,
                            intro: last_paragraph.clone(),
                            section: out.sections.len().saturating_sub(1),
                        });
                    }
                }
            }
            Event::Start(Tag::Paragraph) if item.is_none() && cell.is_none() => paragraph.clear(),
            Event::End(TagEnd::Paragraph) if item.is_none() && cell.is_none() => {
                last_paragraph = std::mem::take(&mut paragraph);
            }
            // Raw HTML in a cell is kept as text; pages escape it.
            Event::InlineHtml(t) | Event::Html(t) if link.is_none() => {
                if let Some(cell) = cell.as_mut() {
                    cell.text.push_str(&t);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(heading) = heading.as_mut() {
                    heading.push_str(&t);
                }
                if let Some((label, _)) = link.as_mut() {
                    label.push_str(&t);
                }
                if let Some(cell) = cell.as_mut() {
                    cell.text.push_str(&t);
                } else if let Some((_, cell)) = item.as_mut() {
                    if link.is_none() && cell.links.is_empty() {
                        cell.text.push_str(&t);
                    }
                } else {
                    paragraph.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

fn read_channels(
    items: &[ListItem],
    sections: &[Section],
) -> Result<Vec<ImportedChannel>, ParseError> {
    let mut channels = Vec::new();
    for item in items {
        let in_channel_section = sections
            .get(item.section)
            .is_some_and(|section| section.title.to_lowercase().contains("channel"));
        if !in_channel_section {
            continue;
        }
        let (name, url) = &item.cell.links[0];
        let url = web_url(url).ok_or_else(|| ParseError::Row {
            line: item.line,
            problem: format!("the channel link {url:?} is not an http(s) address"),
        })?;
        let intro = item.intro.to_lowercase();
        let kind = if intro.contains("local") || intro.contains("non-english") {
            ChannelKind::Local
        } else {
            ChannelKind::General
        };
        let purpose = item.cell.text.trim().to_owned();
        channels.push(ImportedChannel {
            purpose: if purpose.is_empty() {
                name.clone()
            } else {
                purpose
            },
            name: name.clone(),
            url,
            kind,
        });
    }
    Ok(channels)
}

/// `./sig-apps/` → `apps`; `sig-observability` → `observability`.
fn slug_from_link(url: &str) -> Option<String> {
    if url.contains("://") {
        return None;
    }
    let last = url.trim_end_matches('/').rsplit('/').next()?;
    let slug = slugify(last.strip_prefix("sig-").unwrap_or(last));
    (!slug.is_empty()).then_some(slug)
}

/// Lower-case ASCII letters and digits joined by single hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

fn github_handle(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://github.com/")
        .or_else(|| url.strip_prefix("http://github.com/"))?;
    let handle = rest.split('/').next()?.trim();
    (!handle.is_empty()).then(|| handle.to_owned())
}

/// Accepts absolute http(s) URLs only.
fn web_url(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.to_owned())
}

/// Maps byte offsets to 1-based line numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(index, _)| index + 1));
        LineIndex { starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests;
