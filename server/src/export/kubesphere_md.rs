//! The whole community as one KubeSphere-style README, the file
//! `import --format kubesphere-md` reads: the guidance pages as sections,
//! the table of SIGs, and the chat channels (general, then local).
//! Importing what this writes gives the same groups, leads, channels and
//! pages again.

use std::fmt::Write;

use app::models::channel::{Channel, ChannelKind};
use app::store::import::ImportedSig;
use app::store::pages::StoredPage;

use super::readme::{escape, link, table_rows};

pub fn write(sigs: &[ImportedSig], pages: &[StoredPage], channels: &[Channel]) -> String {
    let mut out = String::new();
    for page in pages {
        let _ = write!(
            out,
            "## {}\n\n{}\n\n",
            escape(&page.title),
            page.body_markdown.trim()
        );
    }
    let _ = write!(out, "## SIGs\n\n{}\n", table_rows(sigs));
    if channels.is_empty() {
        return out;
    }
    // The importer tells the lists apart by the sentence before each.
    out.push_str("## Chat channels\n");
    for (kind, intro) in [
        (
            ChannelKind::General,
            "Other than the SIG channels, these are for everyone.",
        ),
        (ChannelKind::Local, "These are for local communities."),
    ] {
        let of_kind: Vec<&Channel> = channels.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = write!(out, "\n{intro}\n\n");
        for channel in of_kind {
            let _ = writeln!(
                out,
                "- {} {}",
                escape(&channel.purpose),
                link(&channel.name, &channel.url)
            );
        }
    }
    out
}
