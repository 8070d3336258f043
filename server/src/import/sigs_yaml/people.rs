//! The people and contacts of a group in `sigs.yaml`: its leadership, a
//! liaison or a subproject's leads, and where to talk.

use app::models::sig::LeadRole;
use app::store::import::{ImportedLead, ImportedTeam, NamedPerson};

use super::node::{Map, Node};
use super::{slack_link, Contact, Problem, Reader};
use super::{CONTACT_KEYS, LEADERSHIP_KEYS, PERSON_KEYS, TEAM_KEYS};

impl Reader {
    /// Chairs, then tech leads, then emeritus leads; a person named twice
    /// keeps the first role (a SIG's lead has one role on its page).
    pub(super) fn read_leadership(
        &mut self,
        group: &Map<'_>,
    ) -> Result<Vec<ImportedLead>, Problem> {
        let Some(node) = group.get("leadership") else {
            return Ok(Vec::new());
        };
        let map = node.map()?;
        let known: Vec<&str> = LEADERSHIP_KEYS.iter().map(|(key, _)| *key).collect();
        map.unknown_keys(&known, &mut self.warnings);
        let mut leads: Vec<ImportedLead> = Vec::new();
        for (key, role) in LEADERSHIP_KEYS {
            for person in map.list(key)? {
                let lead = self.read_person(person, *role)?;
                let same = |other: &ImportedLead| match (&other.github_handle, &lead.github_handle)
                {
                    (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                    _ => other.display_name == lead.display_name,
                };
                if !leads.iter().any(same) {
                    leads.push(lead);
                }
            }
        }
        Ok(leads)
    }

    pub(super) fn read_person(
        &mut self,
        node: Node<'_>,
        role: LeadRole,
    ) -> Result<ImportedLead, Problem> {
        let map = node.map()?;
        map.unknown_keys(PERSON_KEYS, &mut self.warnings);
        let github_handle = map.text("github")?;
        let display_name = match (map.text("name")?, &github_handle) {
            (Some(name), _) => name,
            (None, Some(handle)) => handle.clone(),
            (None, None) => {
                return Err(map.node().problem("a lead without a name or GitHub handle"))
            }
        };
        Ok(ImportedLead {
            display_name,
            github_handle,
            role,
            email: map.text("email")?,
            company: map.text("company")?,
        })
    }

    /// A liaison or a subproject's lead: a name and a GitHub handle, at least one.
    pub(super) fn read_named_person(&mut self, node: Node<'_>) -> Result<NamedPerson, Problem> {
        let lead = self.read_person(node, LeadRole::Chair)?;
        Ok(NamedPerson {
            name: lead.display_name,
            github: lead.github_handle,
            company: lead.company,
        })
    }

    pub(super) fn read_contact(&mut self, group: &Map<'_>) -> Result<Contact, Problem> {
        let Some(node) = group.get("contact") else {
            return Ok(Contact::default());
        };
        let map = node.map()?;
        map.unknown_keys(CONTACT_KEYS, &mut self.warnings);
        let chat = map
            .text("slack")?
            .map(|channel| slack_link(channel.trim_start_matches('#')));
        let mut teams = Vec::new();
        for team in map.list("teams")? {
            let team = team.map()?;
            team.unknown_keys(TEAM_KEYS, &mut self.warnings);
            let Some(name) = team.text("name")? else {
                return Err(team.node().problem("a team without a name"));
            };
            teams.push(ImportedTeam {
                name,
                description: team.text("description")?.unwrap_or_default(),
            });
        }
        let liaison = match map.get("liaison") {
            Some(node) => Some(self.read_named_person(node)?),
            None => None,
        };
        Ok(Contact {
            chat,
            mailing_list_url: map.text("mailing_list")?,
            teams,
            liaison,
        })
    }

    /// A subproject's own Slack channel (without `#`) and mailing list.
    pub(super) fn read_contact_of_subproject(
        &mut self,
        node: Node<'_>,
    ) -> Result<(Option<String>, Option<String>), Problem> {
        let map = node.map()?;
        map.unknown_keys(CONTACT_KEYS, &mut self.warnings);
        let slack = map
            .text("slack")?
            .map(|channel| channel.trim_start_matches('#').to_owned());
        Ok((slack, map.text("mailing_list")?))
    }
}
