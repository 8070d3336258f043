//! A commit of site edits: its author (the first editor; the others as
//! co-authors) and its message (what changed, by whom).

use app::store::git_sync::SiteEdit;

use super::git::Signature;

/// The author and message of a commit carrying `edits`; with none (an
/// import, a change from the command line) the site is the author.
pub fn compose(
    site_name: &str,
    site: &Signature,
    file: &str,
    edits: &[SiteEdit],
) -> (Signature, String) {
    let mut people: Vec<Signature> = Vec::new();
    for edit in edits {
        if let Some(person) = editor(edit, site) {
            if !people.contains(&person) {
                people.push(person);
            }
        }
    }
    let subject = match edits {
        [] => format!("Update {file} from {site_name}"),
        [only] => one_line(&only.summary),
        [first, rest @ ..] => format!("{} and {} more", one_line(&first.summary), rest.len()),
    };
    let mut message = subject;
    if !edits.is_empty() {
        message.push_str(&format!("\n\nChanged on {}:\n", one_line(site_name)));
        for edit in edits {
            let by = edit.display_name.as_deref().unwrap_or("someone");
            message.push_str(&format!(
                "- {} ({})\n",
                one_line(&edit.summary),
                one_line(by)
            ));
        }
    }
    let mut people = people.into_iter();
    let author = people.next().unwrap_or_else(|| site.clone());
    let co_authors: Vec<String> = people
        .map(|person| format!("Co-authored-by: {} <{}>", person.name, person.email))
        .collect();
    if !co_authors.is_empty() {
        message.push('\n');
        message.push_str(&co_authors.join("\n"));
        message.push('\n');
    }
    (author, message)
}

/// The person behind an edit, as git names them. Their e-mail address is
/// private on the site, so it never goes into a public history: GitHub's
/// no-reply address for their handle (GitHub links the commit to them), or
/// one at the site's domain.
fn editor(edit: &SiteEdit, site: &Signature) -> Option<Signature> {
    let id = edit.person_id?;
    let name = one_line(edit.display_name.as_deref()?);
    let domain = site
        .email
        .rsplit_once('@')
        .map_or("localhost", |(_, domain)| domain);
    let email = match edit.github_handle.as_deref() {
        Some(handle) if !handle.is_empty() => format!("{handle}@users.noreply.github.com"),
        _ => format!("person-{id}@{domain}"),
    };
    Some(Signature { name, email })
}

/// Text on one line, without control characters (a name cannot forge a
/// trailer or a second subject).
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(id: i64, person: Option<(i64, &str, Option<&str>)>, summary: &str) -> SiteEdit {
        SiteEdit {
            id,
            person_id: person.map(|p| p.0),
            display_name: person.map(|p| p.1.to_owned()),
            github_handle: person.and_then(|p| p.2.map(str::to_owned)),
            summary: summary.to_owned(),
        }
    }

    fn site() -> Signature {
        Signature {
            name: "Community".into(),
            email: "noreply@sigs.example.org".into(),
        }
    }

    #[test]
    fn the_first_editor_is_the_author_and_the_others_co_authors() {
        let edits = [
            edit(1, Some((7, "Ada", Some("ada"))), "storage: details edited"),
            edit(
                2,
                Some((8, "Lin\nCo-authored-by: X <x@y>", None)),
                "storage: meeting saved",
            ),
            edit(3, Some((7, "Ada", Some("ada"))), "network: details edited"),
        ];
        let (author, message) = compose("Community", &site(), "sigs.yaml", &edits);
        assert_eq!(author.name, "Ada");
        assert_eq!(author.email, "ada@users.noreply.github.com");
        assert!(
            message.starts_with("storage: details edited and 2 more\n\n"),
            "{message}"
        );
        assert!(
            message.ends_with(
                "\nCo-authored-by: Lin Co-authored-by: X <x@y> <person-8@sigs.example.org>\n"
            ),
            "{message}"
        );
        assert_eq!(message.matches("\nCo-authored-by:").count(), 1, "{message}");
    }

    #[test]
    fn without_edits_the_site_writes_the_commit() {
        let (author, message) = compose("Community", &site(), "sigs.yaml", &[]);
        assert_eq!(author, site());
        assert_eq!(message, "Update sigs.yaml from Community");
    }
}
