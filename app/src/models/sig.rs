use serde::{Deserialize, Serialize};

/// What kind of group a SIG-like group is; the community's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SigKind {
    Sig,
    WorkingGroup,
    Committee,
    UserGroup,
    /// A technical advisory group, as the CNCF TOC has.
    Tag,
}

impl SigKind {
    /// The value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            SigKind::Sig => "sig",
            SigKind::WorkingGroup => "working_group",
            SigKind::Committee => "committee",
            SigKind::UserGroup => "user_group",
            SigKind::Tag => "tag",
        }
    }

    pub const ALL: [SigKind; 5] = [
        Self::Sig,
        Self::WorkingGroup,
        Self::Committee,
        Self::UserGroup,
        Self::Tag,
    ];

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == value)
    }

    /// How the kind reads on a page.
    pub fn label(self) -> String {
        crate::i18n::t(match self {
            SigKind::Sig => "kind-sig",
            SigKind::WorkingGroup => "kind-working-group",
            SigKind::Committee => "kind-committee",
            SigKind::UserGroup => "kind-user-group",
            SigKind::Tag => "kind-tag",
        })
    }
}

/// A lead's role in one SIG. Emeritus leads are shown but hold no rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeadRole {
    Chair,
    TechLead,
    Emeritus,
}

impl LeadRole {
    pub fn as_str(self) -> &'static str {
        match self {
            LeadRole::Chair => "chair",
            LeadRole::TechLead => "tech_lead",
            LeadRole::Emeritus => "emeritus",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [Self::Chair, Self::TechLead, Self::Emeritus]
            .into_iter()
            .find(|role| role.as_str() == value)
    }

    pub fn label(self) -> String {
        crate::i18n::t(match self {
            LeadRole::Chair => "role-chair",
            LeadRole::TechLead => "role-tech-lead",
            LeadRole::Emeritus => "role-emeritus",
        })
    }
}

/// A person leading a SIG, as the public sees them (never their e-mail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lead {
    pub display_name: String,
    pub github_handle: Option<String>,
    pub role: LeadRole,
    /// "until 30 June 2027", or "since 1 July 2027, was chair" for an
    /// emeritus lead, when the records say.
    #[serde(default)]
    pub term: Option<String>,
    /// The company their group's file names, if any.
    #[serde(default)]
    pub company: Option<String>,
}

/// The dates of a lead's term, as the lead list shows them: a chair's or
/// tech lead's last day (YYYY-MM-DD), or when an emeritus lead stepped down
/// (Unix seconds) and from which role.
#[cfg(feature = "ssr")]
pub fn term_label(
    role: LeadRole,
    term_ends_on: Option<&str>,
    former_role: Option<LeadRole>,
    stepped_down_at: Option<i64>,
) -> Option<String> {
    use chrono::Datelike;
    let language = crate::i18n::language();
    if role == LeadRole::Emeritus {
        let day = chrono::DateTime::from_timestamp(stepped_down_at?, 0)?;
        let date = crate::i18n::format::date(language, day.year(), day.month(), day.day());
        return Some(match former_role {
            Some(former) => language.text_with(
                "lead-emeritus-since-was",
                &[("date", date.into()), ("role", former.label().into())],
            ),
            None => language.text_with("lead-emeritus-since", &[("date", date.into())]),
        });
    }
    let day = crate::models::meeting::Day::parse(term_ends_on?)?;
    Some(language.text_with("lead-term-until", &[("date", day.label().into())]))
}

impl Lead {
    pub fn github_url(&self) -> Option<String> {
        self.github_handle
            .as_ref()
            .map(|handle| format!("https://github.com/{handle}"))
    }
}

/// A named link, such as a chat channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedLink {
    pub label: String,
    pub url: String,
}

/// One card of the SIG directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigSummary {
    pub slug: String,
    pub name: String,
    pub kind: SigKind,
    pub description: String,
    pub chat_channel: Option<NamedLink>,
    pub leads: Vec<Lead>,
}

impl SigSummary {
    /// Whether the directory filter `query` matches this SIG: every word of the
    /// query must appear in its name, slug, description or a lead's name/handle.
    /// The same function filters on the server (`?q=`) and in the browser.
    pub fn matches(&self, query: &str) -> bool {
        text_matches(&self.search_text(), query)
    }

    /// What the directory filter searches: name, slug, description and
    /// leads, in lower case.
    pub fn search_text(&self) -> String {
        let mut text = format!("{} {} {}", self.name, self.slug, self.description);
        for lead in &self.leads {
            text.push(' ');
            text.push_str(&lead.display_name);
            if let Some(handle) = &lead.github_handle {
                text.push(' ');
                text.push_str(handle);
            }
        }
        text.to_lowercase()
    }
}

/// Whether every word of `query` occurs in `search_text` (lower case).
pub fn text_matches(search_text: &str, query: &str) -> bool {
    query
        .split_whitespace()
        .all(|word| search_text.contains(&word.to_lowercase()))
}

/// Everything the SIG page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigDetail {
    pub summary: SigSummary,
    /// Mission/charter, already rendered from markdown and sanitised on the server.
    pub mission_html: String,
    pub meeting_notes_url: Option<String>,
    pub recordings_url: Option<String>,
    pub mailing_list_url: Option<String>,
    pub archived: bool,
    pub teams: Vec<SigTeam>,
    pub subprojects: Vec<Subproject>,
    /// Whether the description and the mission are shown in the default
    /// language because the leads have not translated them into the page's.
    pub description_untranslated: bool,
    pub mission_untranslated: bool,
    /// Years with a published annual report, newest first.
    pub reports: Vec<i64>,
    /// The group's GitHub label (`sig/LABEL`), from its file.
    pub label: Option<String>,
    /// The groups a working group answers to, by name.
    pub stakeholder_sigs: Vec<String>,
    /// Its liaison on the steering body: "Name (@handle)".
    pub liaison: Option<String>,
}

/// A discussion team of a SIG (a GitHub team people can mention).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct SigTeam {
    pub name: String,
    pub description: String,
}

/// A piece of work a SIG owns, with the OWNERS files that say who owns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subproject {
    pub name: String,
    pub description: String,
    pub owners: Vec<String>,
    /// "Name (@handle, Company)", one per lead.
    pub leads: Vec<String>,
    /// Its own Slack channel, without `#`.
    pub slack: Option<String>,
    pub mailing_list_url: Option<String>,
}

/// "Name (@handle, Company)": a person a group's file names, as pages show them.
pub fn person_label(name: &str, github: Option<&str>, company: Option<&str>) -> String {
    let details: Vec<String> = github
        .map(|handle| format!("@{handle}"))
        .into_iter()
        .chain(company.map(str::to_owned))
        .collect();
    if details.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", details.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn storage() -> SigSummary {
        SigSummary {
            slug: "storage".into(),
            name: "Storage".into(),
            kind: SigKind::Sig,
            description: "CSI plugins".into(),
            chat_channel: None,
            leads: vec![Lead {
                display_name: "Yonghong Shi".into(),
                github_handle: Some("stoneshi-yunify".into()),
                role: LeadRole::Chair,
                term: None,
                company: None,
            }],
        }
    }

    #[rstest]
    #[case("", true)]
    #[case("stor", true)]
    #[case("STORAGE", true)]
    #[case("csi", true)]
    #[case("yonghong", true)]
    #[case("stoneshi", true)]
    #[case("csi plugins", true)]
    #[case("csi network", false)]
    #[case("network", false)]
    fn filter_matches_words_of_name_description_and_leads(
        #[case] query: &str,
        #[case] expected: bool,
    ) {
        assert_eq!(storage().matches(query), expected);
    }

    #[test]
    fn kinds_and_roles_round_trip_through_their_stored_names() {
        for kind in [
            SigKind::Sig,
            SigKind::WorkingGroup,
            SigKind::Committee,
            SigKind::UserGroup,
        ] {
            assert_eq!(SigKind::parse(kind.as_str()), Some(kind));
        }
        for role in [LeadRole::Chair, LeadRole::TechLead, LeadRole::Emeritus] {
            assert_eq!(LeadRole::parse(role.as_str()), Some(role));
        }
        assert_eq!(SigKind::parse("club"), None);
    }
}
