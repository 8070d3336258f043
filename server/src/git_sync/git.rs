//! The git command line, run in a bare repository of the sync's own: fetch,
//! read a file at a commit, write a commit without a work tree, push, and
//! three-way merge one file. Credentials reach git through its environment,
//! never its arguments, and are cut out of any message git prints.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use base64::Engine;
use tokio::io::AsyncWriteExt;

#[derive(Debug, thiserror::Error)]
#[error("git {command}: {message}")]
pub struct GitError {
    command: String,
    message: String,
}

/// Who a commit names as its author or committer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub name: String,
    pub email: String,
}

/// A three-way merge of one file.
pub struct Merged {
    pub text: String,
    pub conflicts: bool,
}

/// Which side a merge takes where both changed the same lines.
#[derive(Debug, Clone, Copy)]
pub enum Favour {
    /// Leave conflict markers.
    Neither,
    Site,
    Repository,
}

pub struct Git {
    dir: PathBuf,
    remote: String,
    env: Vec<(String, String)>,
    /// Texts cut out of git's messages.
    secrets: Vec<String>,
}

impl Git {
    /// `token` authenticates HTTPS (as GitHub's and Gitea's tokens do);
    /// `ssh_key` is the private key for SSH remotes.
    pub fn new(dir: PathBuf, remote: String, token: Option<&str>, ssh_key: Option<&Path>) -> Self {
        let mut env = vec![
            ("GIT_TERMINAL_PROMPT".to_owned(), "0".to_owned()),
            ("GIT_CONFIG_NOSYSTEM".to_owned(), "1".to_owned()),
            ("GIT_CONFIG_GLOBAL".to_owned(), "/dev/null".to_owned()),
        ];
        let mut secrets = Vec::new();
        if let Some(token) = token.filter(|token| !token.is_empty()) {
            let basic =
                base64::engine::general_purpose::STANDARD.encode(format!("x-access-token:{token}"));
            env.push(("GIT_CONFIG_COUNT".to_owned(), "1".to_owned()));
            env.push(("GIT_CONFIG_KEY_0".to_owned(), "http.extraHeader".to_owned()));
            env.push((
                "GIT_CONFIG_VALUE_0".to_owned(),
                format!("Authorization: Basic {basic}"),
            ));
            secrets.push(token.to_owned());
            secrets.push(basic);
        }
        if let Some(key) = ssh_key {
            let known_hosts = dir.join("known_hosts");
            env.push((
                "GIT_SSH_COMMAND".to_owned(),
                format!(
                    "ssh -i {} -o IdentitiesOnly=yes -o BatchMode=yes \
                     -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile={}",
                    shell_quoted(key),
                    shell_quoted(&known_hosts)
                ),
            ));
        }
        // A password written into the remote's URL is a secret too.
        if let Some(password) = url_password(&remote) {
            secrets.push(password);
        }
        Git {
            dir,
            remote,
            env,
            secrets,
        }
    }

    /// Makes the sync's bare repository on first use.
    pub async fn prepare(&self) -> Result<(), GitError> {
        if self.dir.join("HEAD").exists() {
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir).map_err(|error| GitError {
            command: "init".to_owned(),
            message: format!("cannot make {}: {error}", self.dir.display()),
        })?;
        self.run(&["init", "--quiet", "--bare", "."], None, &[])
            .await
            .map(drop)
    }

    /// Fetches `branch`; its commit, or `None` when the remote has no such
    /// branch yet (a new, empty repository).
    pub async fn fetch(&self, branch: &str) -> Result<Option<String>, GitError> {
        let heads = self
            .run(
                &[
                    "ls-remote",
                    "--heads",
                    &self.remote,
                    &format!("refs/heads/{branch}"),
                ],
                None,
                &[],
            )
            .await?;
        if heads.trim().is_empty() {
            return Ok(None);
        }
        let refspec = format!("+refs/heads/{branch}:refs/remotes/origin/{branch}");
        self.run(
            &["fetch", "--quiet", "--no-tags", &self.remote, &refspec],
            None,
            &[],
        )
        .await?;
        let commit = self
            .run(
                &[
                    "rev-parse",
                    "--verify",
                    &format!("refs/remotes/origin/{branch}^{{commit}}"),
                ],
                None,
                &[],
            )
            .await?;
        Ok(Some(commit.trim().to_owned()))
    }

    /// The text of `path` at `commit`; `None` when the commit has no such file.
    pub async fn file_at(&self, commit: &str, path: &str) -> Result<Option<String>, GitError> {
        let object = format!("{commit}:{path}");
        if self
            .run(&["cat-file", "-e", &object], None, &[])
            .await
            .is_err()
        {
            return Ok(None);
        }
        self.run(&["cat-file", "blob", &object], None, &[])
            .await
            .map(Some)
    }

    /// A commit on `parent` with `files` (path, text) written; `None` when
    /// they are already so there.
    pub async fn commit(
        &self,
        parent: Option<&str>,
        files: &[(String, String)],
        message: &str,
        author: &Signature,
        committer: &Signature,
    ) -> Result<Option<String>, GitError> {
        let index = self.dir.join("sync-index");
        let index = index.to_string_lossy().into_owned();
        let with_index = [("GIT_INDEX_FILE", index.as_str())];
        match parent {
            Some(parent) => self.run(&["read-tree", parent], None, &with_index).await?,
            None => {
                self.run(&["read-tree", "--empty"], None, &with_index)
                    .await?
            }
        };
        for (path, text) in files {
            let blob = self
                .run(
                    &["hash-object", "-w", "--stdin"],
                    Some(text.as_bytes()),
                    &[],
                )
                .await?;
            let entry = format!("100644,{},{path}", blob.trim());
            self.run(
                &["update-index", "--add", "--cacheinfo", &entry],
                None,
                &with_index,
            )
            .await?;
        }
        let tree = self.run(&["write-tree"], None, &with_index).await?;
        let tree = tree.trim();
        if let Some(parent) = parent {
            let parent_tree = self
                .run(&["rev-parse", &format!("{parent}^{{tree}}")], None, &[])
                .await?;
            if parent_tree.trim() == tree {
                return Ok(None);
            }
        }
        let mut args = vec!["commit-tree", tree];
        if let Some(parent) = parent {
            args.extend(["-p", parent]);
        }
        args.extend(["-F", "-"]);
        let names = [
            ("GIT_AUTHOR_NAME", author.name.as_str()),
            ("GIT_AUTHOR_EMAIL", author.email.as_str()),
            ("GIT_COMMITTER_NAME", committer.name.as_str()),
            ("GIT_COMMITTER_EMAIL", committer.email.as_str()),
        ];
        let commit = self.run(&args, Some(message.as_bytes()), &names).await?;
        Ok(Some(commit.trim().to_owned()))
    }

    /// Pushes `commit` to `branch`; refused (not forced) when the branch
    /// moved meanwhile: the next sync merges first.
    pub async fn push(&self, commit: &str, branch: &str) -> Result<(), GitError> {
        let refspec = format!("{commit}:refs/heads/{branch}");
        self.run(&["push", "--quiet", &self.remote, &refspec], None, &[])
            .await
            .map(drop)
    }

    /// Merges the site's and the repository's changes to one file since
    /// `base`, line by line.
    pub async fn merge(
        &self,
        site: &str,
        base: &str,
        repository: &str,
        favour: Favour,
    ) -> Result<Merged, GitError> {
        // One sync runs at a time (it holds the lease), so one folder serves.
        let folder = self.dir.join("merge");
        let mut paths = Vec::new();
        for (name, text) in [("site", site), ("base", base), ("repository", repository)] {
            let path = folder.join(name);
            std::fs::create_dir_all(&folder)
                .and_then(|()| std::fs::write(&path, text))
                .map_err(|error| GitError {
                    command: "merge-file".to_owned(),
                    message: error.to_string(),
                })?;
            paths.push(path.to_string_lossy().into_owned());
        }
        let mut args = vec![
            "merge-file",
            "--stdout",
            "-L",
            "site",
            "-L",
            "base",
            "-L",
            "repository",
        ];
        match favour {
            Favour::Neither => {}
            Favour::Site => args.push("--ours"),
            Favour::Repository => args.push("--theirs"),
        }
        args.extend(paths.iter().map(String::as_str));
        // merge-file exits with the number of conflicts: not a failure.
        let output = self.output(&args, None, &[]).await?;
        match output.status.code() {
            Some(code) if (0..128).contains(&code) => Ok(Merged {
                text: String::from_utf8_lossy(&output.stdout).into_owned(),
                conflicts: code > 0,
            }),
            _ => Err(self.failure("merge-file", &output.stderr)),
        }
    }

    /// Runs git; its standard output when it succeeds.
    async fn run(
        &self,
        args: &[&str],
        stdin: Option<&[u8]>,
        env: &[(&str, &str)],
    ) -> Result<String, GitError> {
        let output = self.output(args, stdin, env).await?;
        if !output.status.success() {
            return Err(self.failure(args.first().copied().unwrap_or("git"), &output.stderr));
        }
        String::from_utf8(output.stdout).map_err(|_| GitError {
            command: args.first().copied().unwrap_or("git").to_owned(),
            message: "printed text that is not UTF-8".to_owned(),
        })
    }

    async fn output(
        &self,
        args: &[&str],
        stdin: Option<&[u8]>,
        env: &[(&str, &str)],
    ) -> Result<std::process::Output, GitError> {
        let command_name = args.first().copied().unwrap_or("git").to_owned();
        let mut command = tokio::process::Command::new("git");
        command
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            .envs(
                self.env
                    .iter()
                    .map(|(key, value)| (key.as_str(), value.as_str())),
            )
            .envs(env.iter().copied())
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let mut child = command.spawn().map_err(|error| GitError {
            command: command_name.clone(),
            message: format!("cannot run git (is it installed?): {error}"),
        })?;
        if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(bytes).await.map_err(|error| GitError {
                command: command_name.clone(),
                message: error.to_string(),
            })?;
        }
        child.wait_with_output().await.map_err(|error| GitError {
            command: command_name,
            message: error.to_string(),
        })
    }

    fn failure(&self, command: &str, stderr: &[u8]) -> GitError {
        let mut message = String::from_utf8_lossy(stderr).trim().to_owned();
        for secret in &self.secrets {
            message = message.replace(secret.as_str(), "[hidden]");
        }
        GitError {
            command: command.to_owned(),
            message,
        }
    }
}

/// The remote as admins may see it: any `user:password@` taken out.
pub fn shown_remote(remote: &str) -> String {
    match remote.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let host = authority
                .rsplit_once('@')
                .map_or(authority, |(_, host)| host);
            format!("{scheme}://{host}{path}")
        }
        None => remote.to_owned(),
    }
}

fn url_password(remote: &str) -> Option<String> {
    let (_, rest) = remote.split_once("://")?;
    let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
    let (userinfo, _) = authority.rsplit_once('@')?;
    let (_, password) = userinfo.split_once(':')?;
    (!password.is_empty()).then(|| password.to_owned())
}

/// `path` in single quotes for the shell git runs `GIT_SSH_COMMAND` with.
fn shell_quoted(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_a_remote_are_never_shown() {
        assert_eq!(
            shown_remote("https://bot:s3cret@git.example.org/community.git"),
            "https://git.example.org/community.git"
        );
        assert_eq!(
            shown_remote("/srv/git/community.git"),
            "/srv/git/community.git"
        );
        assert_eq!(
            url_password("https://bot:s3cret@h/x").as_deref(),
            Some("s3cret")
        );
        assert_eq!(url_password("ssh://git@h/x"), None);
    }

    #[test]
    fn a_token_is_cut_out_of_what_git_says() {
        let git = Git::new(
            PathBuf::from("/tmp/x"),
            "https://h/x".into(),
            Some("tok-123"),
            None,
        );
        let error = git.failure("push", b"fatal: could not read tok-123 from header");
        assert!(!error.to_string().contains("tok-123"), "{error}");
    }
}
