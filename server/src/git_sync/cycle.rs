//! One sync: compare the site's export and the repository's file with the
//! text they last agreed on, then commit the site's change, import the
//! repository's, merge both, or hold what needs an admin.

use std::collections::BTreeSet;

use app::models::git_sync::{GitSyncHold, GitSyncSide};
use app::store::git_sync::{self, NewHold};
use app::store::import::CommunityImport;

use super::git::Favour;
use super::{GitSync, SyncError};

/// After a step: look again (an import changed the site, whose export may
/// now need a commit), or stop.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    Again,
    Done,
}

impl GitSync {
    pub(super) async fn cycle(&self) -> Result<(), SyncError> {
        let state = git_sync::state(&self.db).await?;
        if state.target != self.target {
            git_sync::start_over(&self.db, &self.target).await?;
        }
        self.git.prepare().await?;
        if let Some(hold) = git_sync::open_hold(&self.db).await? {
            match hold.resolution.as_deref().and_then(GitSyncSide::parse) {
                // Nothing moves until an admin chooses.
                None => return Ok(()),
                Some(side) => self.apply_choice(&hold, side).await?,
            }
        }
        for _ in 0..3 {
            if self.step().await? == Step::Done {
                break;
            }
        }
        Ok(())
    }

    async fn step(&self) -> Result<Step, SyncError> {
        let state = git_sync::state(&self.db).await?;
        // The edits read before the export: any later one is in a later commit.
        let edits = git_sync::waiting_edits(&self.db).await?;
        let site = self.site_text().await?;
        let head = self.git.fetch(&self.branch).await?;
        let repo = match &head {
            Some(head) => self.git.file_at(head, &self.file).await?,
            None => None,
        };
        let (Some(head), Some(repo)) = (head.clone(), repo) else {
            if state.last_commit.is_some() && head.is_some() {
                return Err(SyncError::Data(format!(
                    "the repository's {} has no {} any more: restore it there, or set another file",
                    self.branch, self.file
                )));
            }
            // A new repository or branch: the site's file starts it.
            self.commit_site(head.as_deref(), &site, &edits).await?;
            return Ok(Step::Done);
        };
        let Some(synced) = state.synced_text.filter(|_| state.last_commit.is_some()) else {
            // The first look at a repository that has the file: it is the truth.
            return self.take_repository(&head, &repo, &repo, &site).await;
        };
        match (site != synced, repo != synced) {
            (false, false) => {
                if let Some(last) = edits.last() {
                    git_sync::forget_edits_through(&self.db, last.id).await?;
                }
                if state.last_commit.as_deref() == Some(head.as_str()) {
                    git_sync::looked(&self.db).await?;
                } else {
                    git_sync::in_step(&self.db, &head, &repo).await?;
                }
                Ok(Step::Done)
            }
            (true, false) => {
                self.commit_site(Some(&head), &site, &edits).await?;
                Ok(Step::Done)
            }
            (false, true) => self.take_repository(&head, &repo, &repo, &site).await,
            (true, true) => {
                let merged = self
                    .git
                    .merge(&site, &synced, &repo, Favour::Neither)
                    .await?;
                if merged.conflicts {
                    let theirs = self
                        .git
                        .merge(&site, &synced, &repo, Favour::Repository)
                        .await?;
                    let archived = match self.read(&head, &theirs.text) {
                        Ok(community) => self.missing_groups(&community).await?,
                        Err(_) => Vec::new(),
                    };
                    self.hold(NewHold {
                        kind: "conflict",
                        repo_commit: &head,
                        site_text: &site,
                        repo_text: &repo,
                        import_text: &theirs.text,
                        merged_text: &merged.text,
                        archived: &archived,
                    })
                    .await?;
                    return Ok(Step::Done);
                }
                self.take_repository(&head, &repo, &merged.text, &site)
                    .await
            }
        }
    }

    /// Imports `import_text` (the repository's file, or a clean merge of it
    /// with the site's edits) unless it would archive groups: that waits
    /// for an admin.
    async fn take_repository(
        &self,
        head: &str,
        repo: &str,
        import_text: &str,
        site: &str,
    ) -> Result<Step, SyncError> {
        let community = self.read(head, import_text)?;
        let archived = self.missing_groups(&community).await?;
        if !archived.is_empty() {
            self.hold(NewHold {
                kind: "deletions",
                repo_commit: head,
                site_text: site,
                repo_text: repo,
                import_text,
                merged_text: "",
                archived: &archived,
            })
            .await?;
            return Ok(Step::Done);
        }
        let report = app::store::import::apply_whole(&self.db, &community, &[]).await?;
        tracing::info!(
            commit = head,
            created = report.created.len(),
            updated = report.updated.len(),
            "git sync imported the repository's file"
        );
        git_sync::in_step(&self.db, head, repo).await?;
        Ok(Step::Again)
    }

    /// Applies an admin's choice: the site's side keeps the site's groups
    /// and edits; the repository's side imports its file (or, for a
    /// conflict, the merge taking its lines) and archives what it dropped.
    async fn apply_choice(&self, hold: &GitSyncHold, side: GitSyncSide) -> Result<(), SyncError> {
        let state = git_sync::state(&self.db).await?;
        let text = match (hold.is_conflict(), side) {
            (_, GitSyncSide::Repository) => Some(hold.import_text.clone()),
            (false, GitSyncSide::Site) => Some(hold.import_text.clone()),
            (true, GitSyncSide::Site) => match state.synced_text {
                Some(base) => Some(
                    self.git
                        .merge(&hold.site_text, &base, &hold.repo_text, Favour::Site)
                        .await?
                        .text,
                ),
                None => None,
            },
        };
        if let Some(text) = text {
            let community = self.read(&hold.repo_commit, &text)?;
            let archive = match side {
                GitSyncSide::Site if !hold.is_conflict() => Vec::new(),
                _ => self.missing_groups(&community).await?,
            };
            app::store::import::apply_whole(&self.db, &community, &archive).await?;
        }
        git_sync::in_step(&self.db, &hold.repo_commit, &hold.repo_text).await?;
        git_sync::applied(&self.db, hold.id).await?;
        tracing::info!(
            hold = hold.id,
            side = side.as_str(),
            "git sync applied an admin's choice"
        );
        Ok(())
    }

    async fn hold(&self, hold: NewHold<'_>) -> Result<(), SyncError> {
        git_sync::hold(&self.db, &hold).await?;
        tracing::warn!(
            kind = hold.kind,
            commit = hold.repo_commit,
            "git sync holds a change for an admin"
        );
        Ok(())
    }

    /// Commits the site's files on `parent` and pushes them; the edits
    /// they carry are then forgotten.
    async fn commit_site(
        &self,
        parent: Option<&str>,
        site: &str,
        edits: &[git_sync::SiteEdit],
    ) -> Result<(), SyncError> {
        let mut files = vec![(self.file.clone(), site.to_owned())];
        if let Some(folder) = &self.readmes {
            let sigs = app::store::export::community(&self.db, false).await?;
            let folder = folder.trim_matches('/');
            for (path, text) in crate::export::readmes(&self.site_name, &sigs) {
                let path = match folder {
                    "" | "." => path,
                    folder => format!("{folder}/{path}"),
                };
                files.push((path, text));
            }
        }
        let (author, text) =
            super::message::compose(&self.site_name, &self.committer, &self.file, edits);
        let commit = self
            .git
            .commit(parent, &files, &text, &author, &self.committer)
            .await?;
        let commit = match commit {
            Some(commit) => {
                self.git.push(&commit, &self.branch).await?;
                tracing::info!(%commit, edits = edits.len(), "git sync pushed the site's changes");
                commit
            }
            None => parent.unwrap_or_default().to_owned(),
        };
        if let Some(last) = edits.last() {
            git_sync::forget_edits_through(&self.db, last.id).await?;
        }
        git_sync::in_step(&self.db, &commit, site).await?;
        Ok(())
    }

    async fn site_text(&self) -> Result<String, SyncError> {
        let sigs = app::store::export::community(&self.db, false).await?;
        crate::export::data_file(&self.db, self.format, &sigs)
            .await
            .map_err(SyncError::Data)
    }

    fn read(&self, commit: &str, text: &str) -> Result<CommunityImport, SyncError> {
        crate::import::read(self.format, text)
            .map(|read| read.community)
            .map_err(|error| {
                SyncError::Data(format!(
                    "{} at {} cannot be read: {error}",
                    self.file,
                    &commit[..commit.len().min(12)]
                ))
            })
    }

    /// Active groups `community` does not list: importing it as the whole
    /// truth would archive them.
    async fn missing_groups(&self, community: &CommunityImport) -> Result<Vec<String>, SyncError> {
        let listed: BTreeSet<&str> = community.sigs.iter().map(|sig| sig.slug.as_str()).collect();
        Ok(app::store::export::community(&self.db, false)
            .await?
            .into_iter()
            .map(|sig| sig.slug)
            .filter(|slug| !listed.contains(slug.as_str()))
            .collect())
    }
}
