//! `/sigs/:slug/reports/:year`: a SIG's annual report, in the sections of
//! the Kubernetes annual report template. The site counts the figures; the
//! leads write the prose beside them.

use serde::{Deserialize, Serialize};

use crate::errors::FieldErrors;
use crate::models::fields::check_length;
use crate::models::sig_health::LeadTerm;

/// The most a section's prose may hold.
pub const SECTION_MAX_CHARS: usize = 20_000;

/// The report's sections, in the template's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Section {
    Initiatives,
    ProjectHealth,
    Membership,
    Meetings,
    Subprojects,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Initiatives,
        Section::ProjectHealth,
        Section::Membership,
        Section::Meetings,
        Section::Subprojects,
    ];

    /// The section's heading, in the page's language.
    pub fn heading(self) -> String {
        crate::i18n::t(match self {
            Section::Initiatives => "report-initiatives",
            Section::ProjectHealth => "report-project-health",
            Section::Membership => "report-membership",
            Section::Meetings => "report-meetings",
            Section::Subprojects => "report-subprojects",
        })
    }

    /// The template's question the leads answer in the section.
    pub fn prompt(self) -> String {
        crate::i18n::t(match self {
            Section::Initiatives => "report-initiatives-prompt",
            Section::ProjectHealth => "report-project-health-prompt",
            Section::Membership => "report-membership-prompt",
            Section::Meetings => "report-meetings-prompt",
            Section::Subprojects => "report-subprojects-prompt",
        })
    }

    /// The form field and the column that hold it.
    pub fn field(self) -> &'static str {
        match self {
            Section::Initiatives => "initiatives",
            Section::ProjectHealth => "project_health",
            Section::Membership => "membership",
            Section::Meetings => "meetings",
            Section::Subprojects => "subprojects",
        }
    }
}

/// What the leads wrote, one text per section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportProse {
    pub initiatives: String,
    pub project_health: String,
    pub membership: String,
    pub meetings: String,
    pub subprojects: String,
}

impl ReportProse {
    pub fn section(&self, section: Section) -> &str {
        match section {
            Section::Initiatives => &self.initiatives,
            Section::ProjectHealth => &self.project_health,
            Section::Membership => &self.membership,
            Section::Meetings => &self.meetings,
            Section::Subprojects => &self.subprojects,
        }
    }
}

/// What a save does besides keeping the prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportIntent {
    Save,
    Publish,
    Withdraw,
}

impl ReportIntent {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportIntent::Save => "save",
            ReportIntent::Publish => "publish",
            ReportIntent::Withdraw => "withdraw",
        }
    }

    /// The button pressed; a plain save for anything else.
    pub fn parse(value: &str) -> Self {
        [ReportIntent::Publish, ReportIntent::Withdraw]
            .into_iter()
            .find(|intent| intent.as_str() == value)
            .unwrap_or(ReportIntent::Save)
    }
}

/// The report form as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub slug: String,
    pub year: String,
    pub version: String,
    pub initiatives: String,
    pub project_health: String,
    pub membership: String,
    pub meetings: String,
    pub subprojects: String,
    pub intent: String,
}

impl ReportForm {
    /// The prose, or a message on each section past its limit.
    pub fn validate(&self) -> Result<ReportProse, FieldErrors> {
        let prose = ReportProse {
            initiatives: self.initiatives.trim().to_owned(),
            project_health: self.project_health.trim().to_owned(),
            membership: self.membership.trim().to_owned(),
            meetings: self.meetings.trim().to_owned(),
            subprojects: self.subprojects.trim().to_owned(),
        };
        let mut errors = FieldErrors::default();
        for section in Section::ALL {
            check_length(
                &mut errors,
                section.field(),
                prose.section(section),
                SECTION_MAX_CHARS,
            );
        }
        errors.into_result()?;
        Ok(prose)
    }
}

/// What the site counted for the year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFigures {
    pub meetings_scheduled: i64,
    pub meetings_held: i64,
    pub meetings_with_notes: i64,
    pub meetings_with_recording: i64,
    pub members_joined: i64,
    pub members_left: i64,
    /// Active members at the year's end (or now, for the year under way).
    pub members_at_end: i64,
    /// Titles of the items done in the year, and how many were dropped.
    pub items_done: Vec<String>,
    pub items_dropped: i64,
    /// Titles of the items open at the year's end.
    pub items_open: Vec<String>,
    pub subprojects: Vec<String>,
    pub leads: Vec<LeadTerm>,
}

/// A labelled list under a section: item titles, subprojects, leads.
pub type NamedList = (String, Vec<String>);

impl ReportFigures {
    /// The counted facts of `section`, as label and value.
    pub fn facts(&self, section: Section) -> Vec<(String, String)> {
        let fact = |key: &str, value: i64| (crate::i18n::t(key), value.to_string());
        match section {
            Section::Initiatives => vec![
                fact("report-fact-done", self.items_done.len() as i64),
                fact("report-fact-open", self.items_open.len() as i64),
            ],
            Section::ProjectHealth => vec![
                fact("report-fact-dropped", self.items_dropped),
                fact("report-fact-leads", self.leads.len() as i64),
            ],
            Section::Membership => vec![
                fact("report-fact-members", self.members_at_end),
                fact("report-fact-joined", self.members_joined),
                fact("report-fact-left", self.members_left),
            ],
            Section::Meetings => vec![
                fact("report-fact-scheduled", self.meetings_scheduled),
                fact("report-fact-held", self.meetings_held),
                fact("report-fact-notes", self.meetings_with_notes),
                fact("report-fact-recordings", self.meetings_with_recording),
            ],
            // Its list says it all.
            Section::Subprojects => Vec::new(),
        }
    }

    /// The lists of `section`, each with its heading.
    pub fn lists(&self, section: Section) -> Vec<NamedList> {
        let list = |key: &str, items: &[String]| (crate::i18n::t(key), items.to_vec());
        match section {
            Section::Initiatives => vec![
                list("report-list-done", &self.items_done),
                list("report-list-open", &self.items_open),
            ],
            Section::Membership => {
                let leads = self
                    .leads
                    .iter()
                    .map(|lead| format!("{} ({})", lead.name, lead.role.label()))
                    .collect::<Vec<_>>();
                vec![list("report-list-leads", &leads)]
            }
            Section::Subprojects => vec![list("report-list-subprojects", &self.subprojects)],
            Section::ProjectHealth | Section::Meetings => Vec::new(),
        }
    }
}

/// A report as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualReport {
    pub slug: String,
    pub name: String,
    pub year: i64,
    pub figures: ReportFigures,
    pub prose: ReportProse,
    /// Each section's prose as sanitised HTML, in `Section::ALL`'s order.
    pub rendered: Vec<String>,
    /// The day it was published, in the page's language; None while a draft.
    pub published_on: Option<String>,
    /// The version a save must name (0: nothing saved yet).
    pub version: i64,
    /// Whether the visitor leads the SIG (or is an admin) and may edit it.
    pub can_edit: bool,
}

/// The first year a report may be written for; the last is this one.
pub const FIRST_YEAR: i64 = 2000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_past_its_limit_is_refused_by_name() {
        let mut form = ReportForm::default();
        assert!(form.validate().is_ok());
        form.meetings = "x".repeat(SECTION_MAX_CHARS + 1);
        let errors = form.validate().expect_err("too long");
        assert!(errors.get("meetings").is_some());
        form.meetings = "字".repeat(SECTION_MAX_CHARS);
        assert!(form.validate().is_ok());
        assert_eq!(ReportIntent::parse("publish"), ReportIntent::Publish);
        assert_eq!(ReportIntent::parse("<b>"), ReportIntent::Save);
    }
}
