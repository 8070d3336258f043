//! Settings of the sync with the community's git repository.

use std::path::PathBuf;

use clap::Args;

use crate::config::{ImportFormat, Secret};

/// Keeping the community's data file in a git repository: site edits become
/// commits, commits become the site. Off until `--git-remote` is set.
#[derive(Debug, Clone, Args)]
pub struct GitSyncArgs {
    /// The community repository: an HTTPS or SSH URL, or a local path.
    #[arg(long, env = "SIGPOST_GIT_REMOTE")]
    pub git_remote: Option<String>,

    /// The branch kept in step with the site.
    #[arg(long, env = "SIGPOST_GIT_BRANCH", default_value = "main")]
    pub git_branch: String,

    /// The data file's path in the repository.
    #[arg(long, env = "SIGPOST_GIT_FILE", default_value = "sigs.yaml")]
    pub git_file: String,

    /// The data file's format.
    #[arg(long, env = "SIGPOST_GIT_FORMAT", value_enum, default_value_t = ImportFormat::SigsYaml)]
    pub git_format: ImportFormat,

    /// A folder in the repository for generated READMEs (the table of groups
    /// and one per group), written with each commit; "." is the top. Unset:
    /// no READMEs.
    #[arg(long, env = "SIGPOST_GIT_READMES")]
    pub git_readmes: Option<String>,

    /// A token for HTTPS remotes (sent as a header, never logged).
    #[arg(long, env = "SIGPOST_GIT_TOKEN", hide_env_values = true)]
    pub git_token: Option<Secret>,

    /// A private key file for SSH remotes.
    #[arg(long, env = "SIGPOST_GIT_SSH_KEY")]
    pub git_ssh_key: Option<PathBuf>,

    /// The secret that signs calls of `POST /hooks/git` (GitHub's and
    /// Gitea's `X-Hub-Signature-256`). Unset: no webhook.
    #[arg(long, env = "SIGPOST_GIT_WEBHOOK_SECRET", hide_env_values = true)]
    pub git_webhook_secret: Option<Secret>,

    /// How often, in seconds, the repository is pulled without a webhook.
    #[arg(long, env = "SIGPOST_GIT_PULL_SECONDS", default_value_t = 300)]
    pub git_pull_seconds: u64,

    /// Where the sync keeps its own copy of the repository.
    #[arg(long, env = "SIGPOST_GIT_WORKDIR", default_value = "git-sync")]
    pub git_workdir: PathBuf,
}

impl Default for GitSyncArgs {
    fn default() -> Self {
        GitSyncArgs {
            git_remote: None,
            git_branch: "main".to_owned(),
            git_file: "sigs.yaml".to_owned(),
            git_format: ImportFormat::SigsYaml,
            git_readmes: None,
            git_token: None,
            git_ssh_key: None,
            git_webhook_secret: None,
            git_pull_seconds: 300,
            git_workdir: PathBuf::from("git-sync"),
        }
    }
}
