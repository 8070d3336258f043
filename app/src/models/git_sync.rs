//! Where the sync with the community's git repository stands, as the
//! admins' page shows it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GitSyncStatus {
    /// "REMOTE (branch BRANCH, file PATH)", without any credentials; empty
    /// when the site was never set to sync.
    pub target: String,
    pub last_commit: Option<String>,
    /// Unix seconds.
    pub last_synced_at: Option<i64>,
    pub last_error: String,
    /// Site edits not committed yet.
    pub waiting_edits: i64,
    pub hold: Option<GitSyncHold>,
}

/// A change from the repository waiting for an admin's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct GitSyncHold {
    pub id: i64,
    /// "conflict" or "deletions".
    pub kind: String,
    pub repo_commit: String,
    pub site_text: String,
    pub repo_text: String,
    pub import_text: String,
    pub merged_text: String,
    /// Slugs, one per line.
    pub archived: String,
    pub held_at: i64,
    /// "site" or "repository" once an admin chose.
    pub resolution: Option<String>,
}

impl GitSyncHold {
    pub fn is_conflict(&self) -> bool {
        self.kind == "conflict"
    }

    /// The merge's disagreements with a little context, each under the
    /// group it is in (`- dir: …`), instead of the whole file.
    pub fn conflict_excerpt(&self) -> String {
        const CONTEXT: usize = 2;
        let lines: Vec<&str> = self.merged_text.lines().collect();
        let mut shown = vec![false; lines.len()];
        let mut index = 0;
        while index < lines.len() {
            if !lines[index].starts_with("<<<<<<<") {
                index += 1;
                continue;
            }
            let end = (index..lines.len())
                .find(|&i| lines[i].starts_with(">>>>>>>"))
                .unwrap_or(lines.len() - 1);
            let group = (0..index).rev().find(|&i| lines[i].starts_with("- "));
            if let Some(group) = group {
                shown[group] = true;
            }
            let from = index.saturating_sub(CONTEXT);
            let to = (end + CONTEXT).min(lines.len() - 1);
            shown[from..=to].iter_mut().for_each(|line| *line = true);
            index = end + 1;
        }
        let mut excerpt = String::new();
        let mut skipped = false;
        for (line, show) in lines.iter().zip(shown) {
            if show {
                if skipped && !excerpt.is_empty() {
                    excerpt.push_str("  …\n");
                }
                excerpt.push_str(line);
                excerpt.push('\n');
                skipped = false;
            } else {
                skipped = true;
            }
        }
        if skipped && !excerpt.is_empty() {
            excerpt.push_str("  …\n");
        }
        excerpt
    }

    /// The groups taking the repository's side would archive.
    pub fn archived_slugs(&self) -> Vec<String> {
        self.archived.lines().map(str::to_owned).collect()
    }
}

/// An admin's choice for a hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GitSyncSide {
    Site,
    Repository,
}

impl GitSyncSide {
    pub fn as_str(self) -> &'static str {
        match self {
            GitSyncSide::Site => "site",
            GitSyncSide::Repository => "repository",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "site" => Some(GitSyncSide::Site),
            "repository" => Some(GitSyncSide::Repository),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_excerpt_shows_each_disagreement_under_its_group() {
        let merged = "sigs:\n- dir: sig-apps\n  name: Apps\n  description: Apps.\n  label: apps\n\
            - dir: sig-storage\n  name: Storage\n<<<<<<< site\n  description: Site.\n=======\n\
            \x20 description: Repository.\n>>>>>>> repository\n  leadership:\n    chairs:\n    - github: a\n";
        let hold = GitSyncHold {
            id: 1,
            kind: "conflict".into(),
            repo_commit: String::new(),
            site_text: String::new(),
            repo_text: String::new(),
            import_text: String::new(),
            merged_text: merged.into(),
            archived: String::new(),
            held_at: 0,
            resolution: None,
        };
        assert_eq!(
            hold.conflict_excerpt(),
            "- dir: sig-storage\n  name: Storage\n<<<<<<< site\n  description: Site.\n=======\n\
             \x20 description: Repository.\n>>>>>>> repository\n  leadership:\n    chairs:\n  …\n"
        );
    }
}
