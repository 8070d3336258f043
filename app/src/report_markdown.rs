//! An annual report as a markdown file for the community repository: the
//! template's sections, each with the counted facts and lists (escaped, so
//! a title stays text) and the leads' prose as they wrote it, its raw
//! HTML turned into text.

use crate::escape::markdown_text;
use crate::i18n::{t, t_with};
use crate::models::annual_report::{AnnualReport, Section};

pub fn render(report: &AnnualReport) -> String {
    let mut out = format!(
        "# {}\n\n",
        markdown_text(&t_with(
            "report-title",
            &[
                ("sig", report.name.clone().into()),
                ("year", report.year.to_string().into())
            ],
        ))
    );
    for section in Section::ALL {
        out.push_str(&format!("## {}\n\n", markdown_text(&section.heading())));
        for (label, value) in report.figures.facts(section) {
            out.push_str(&format!("- {}: {}\n", markdown_text(&label), value));
        }
        for (heading, items) in report.figures.lists(section) {
            out.push_str(&format!("\n{}:\n\n", markdown_text(&heading)));
            if items.is_empty() {
                out.push_str(&format!("- {}\n", markdown_text(&t("report-none"))));
            }
            for item in items {
                out.push_str(&format!("- {}\n", markdown_text(&item)));
            }
        }
        let prose = crate::markdown::without_raw_html(report.prose.section(section).trim());
        if !prose.is_empty() {
            out.push('\n');
            out.push_str(&prose);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::annual_report::{ReportFigures, ReportProse};

    #[test]
    fn titles_stay_text_and_prose_stays_markdown() {
        let report = AnnualReport {
            slug: "storage".into(),
            name: "Storage".into(),
            year: 2026,
            figures: ReportFigures {
                meetings_held: 7,
                items_done: vec!["# <script>alert(1)</script>\n- [x](javascript:1)".into()],
                ..ReportFigures::default()
            },
            prose: ReportProse {
                initiatives: "We shipped **CSI snapshots**.".into(),
                ..ReportProse::default()
            },
            rendered: Vec::new(),
            published_on: None,
            version: 1,
            can_edit: false,
        };
        let markdown = render(&report);
        assert!(
            markdown.starts_with("# Storage annual report 2026\n"),
            "{markdown}"
        );
        assert!(
            markdown.contains("- \\# \\<script\\>alert(1)\\</script\\> - \\[x\\](javascript:1)\n"),
            "{markdown}"
        );
        assert!(markdown.contains("\nWe shipped **CSI snapshots**.\n"));
        assert!(markdown.contains(": 7\n"));
    }
}
