//! Command line and environment configuration. Every flag can also be set by
//! the environment variable named in `--help`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The community portal for Special Interest Groups.
#[derive(Debug, Parser)]
#[command(name = "server", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Without a sub-command the server serves with these settings.
    #[command(flatten)]
    pub serve: ServeArgs,
}

/// The shape of log lines, from `SIGPOST_LOG_FORMAT`: `text` (the default)
/// for people, `json` (one object per line) for log collectors. An
/// environment setting rather than a flag: it applies to every sub-command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    /// The format named by `value`; `Err` with the value when unknown.
    pub fn parse(value: Option<&str>) -> Result<Self, String> {
        match value.map(str::trim) {
            None | Some("") | Some("text") => Ok(LogFormat::Text),
            Some("json") => Ok(LogFormat::Json),
            Some(other) => Err(other.to_owned()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply database migrations, then serve the portal (the default).
    Serve(Box<ServeArgs>),
    /// Import SIGs, leads, channels and guidance pages from a file. Idempotent:
    /// running it again updates records by slug and never duplicates them.
    Import(ImportArgs),
    /// Write the community's groups as `sigs.yaml`, or as generated READMEs
    /// (a table of groups and one README per group). E-mail addresses are
    /// left out unless --include-private is given.
    Export(ExportArgs),
    /// Manage administrators.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Show the e-mails queued for an address, newest first (with or without
    /// an SMTP relay, every e-mail passes through the outbox).
    Outbox(OutboxArgs),
    /// Copy the SQLite database to a new FILE: a consistent snapshot, taken
    /// while the server keeps running. For PostgreSQL use pg_dump (README).
    Backup(BackupArgs),
    /// Replace the SQLite database with a FILE made by `server backup`, after
    /// checking it. Stop the server first.
    Restore(RestoreArgs),
}

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// Where to write the backup; the file must not exist yet.
    pub file: PathBuf,

    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    /// A backup made by `server backup`.
    pub file: PathBuf,

    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Clone, Args)]
pub struct OutboxArgs {
    /// The recipient's address.
    #[arg(long)]
    pub to: String,

    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a confirmed administrator account, or make an existing account
    /// an administrator. The password is read from SIGPOST_ADMIN_PASSWORD, or
    /// from the first line of standard input.
    Create(AdminCreateArgs),
}

#[derive(Debug, Clone, Args)]
pub struct AdminCreateArgs {
    /// The administrator's e-mail address (their sign-in).
    #[arg(long)]
    pub email: String,

    /// The name shown on their profile.
    #[arg(long)]
    pub name: String,

    #[command(flatten)]
    pub database: DatabaseArgs,
}

/// A value that must not appear in logs or `--help` defaults.
#[derive(Clone)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Secret(value.to_owned()))
    }
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// Where the data lives: `sqlite://FILE?mode=rwc` (embedded, the default)
    /// or `postgres://USER@HOST/DB` for several instances sharing one database.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://sigpost.db?mode=rwc"
    )]
    pub database_url: String,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on. Falls back to LEPTOS_SITE_ADDR, which
    /// cargo-leptos sets.
    #[arg(long, env = "SIGPOST_LISTEN")]
    pub listen: Option<SocketAddr>,

    #[command(flatten)]
    pub database: DatabaseArgs,

    /// The community's name, shown in the header, titles and footer.
    #[arg(long, env = "SIGPOST_SITE_NAME", default_value = "sigpost")]
    pub site_name: String,

    /// On an empty database, load the bundled KubeSphere SIG list as demo data.
    #[arg(long, env = "SIGPOST_DEMO_DATA")]
    pub demo_data: bool,

    /// Behind a reverse proxy or load balancer: take the client's address
    /// (the key of rate limits) from the last entry of `X-Forwarded-For`,
    /// which the proxy appends. Leave off when clients reach the server
    /// directly, or they could pick their own address.
    #[arg(long, env = "SIGPOST_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,

    /// Most database connections the server keeps open.
    #[arg(long, env = "SIGPOST_DB_CONNECTIONS", default_value_t = 16)]
    pub db_connections: u32,

    /// The address visitors use, for links in e-mails, such as
    /// `https://sigs.example.org`. Defaults to `http://` and the listen address.
    #[arg(long, env = "SIGPOST_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// SMTP relay for e-mail, such as `smtps://user:password@mail.example.org`
    /// or `smtp://127.0.0.1:25`. Without one, e-mails (and their links) are
    /// written to the log instead of sent.
    #[arg(long, env = "SIGPOST_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<Secret>,

    /// The sender of e-mails.
    #[arg(
        long,
        env = "SIGPOST_MAIL_FROM",
        default_value = "sigpost <noreply@localhost>"
    )]
    pub mail_from: String,

    /// On SIGTERM or Ctrl-C, how many seconds requests already taken may
    /// still run before the server stops anyway (keep it below the
    /// orchestrator's own grace period, 30 s in Kubernetes).
    #[arg(long, env = "SIGPOST_SHUTDOWN_GRACE_SECONDS", default_value_t = 20)]
    pub shutdown_grace_seconds: u64,

    /// Most bytes the pages kept for anonymous visitors may take (their
    /// plain and compressed forms together); 0 renders every request.
    #[arg(long, env = "SIGPOST_PAGE_CACHE_BYTES", default_value_t = 64 * 1024 * 1024)]
    pub page_cache_bytes: usize,

    #[command(flatten)]
    pub connections: ConnectionArgs,

    #[command(flatten)]
    pub sign_in: SignInArgs,

    #[command(flatten)]
    pub jobs: JobArgs,

    #[command(flatten)]
    pub git: crate::git_sync::config::GitSyncArgs,
}

/// The scheduler of digests and reminders: every instance polls, the
/// database lets one run each job.
#[derive(Debug, Clone, Args)]
pub struct JobArgs {
    /// How often, in seconds, an instance looks for due jobs.
    #[arg(long, env = "SIGPOST_JOB_POLL_SECONDS", default_value_t = 30)]
    pub job_poll_seconds: u64,

    /// How long, in seconds, a claimed job stays with its instance before
    /// another may take it over (an instance that crashed mid-run).
    #[arg(long, env = "SIGPOST_JOB_LEASE_SECONDS", default_value_t = 300)]
    pub job_lease_seconds: i64,

    /// After how many days without a sign of life (joining, signing in,
    /// a roadmap change, saying so) a member is asked by e-mail whether they
    /// still take part; 0 never asks.
    #[arg(long, env = "SIGPOST_ROSTER_CHECK_DAYS", default_value_t = 365)]
    pub roster_check_days: i64,
}

impl Default for JobArgs {
    fn default() -> Self {
        JobArgs {
            job_poll_seconds: 30,
            job_lease_seconds: 300,
            roster_check_days: 365,
        }
    }
}

/// Signing in through GitHub or an OpenID Connect provider: each shows its
/// button once its client id and secret are set. Callbacks are
/// `PUBLIC_URL/auth/github/callback` and `PUBLIC_URL/auth/oidc/callback`.
#[derive(Debug, Clone, Args)]
pub struct SignInArgs {
    /// Client ID of the site's GitHub OAuth app.
    #[arg(long, env = "SIGPOST_GITHUB_CLIENT_ID")]
    pub github_client_id: Option<String>,

    /// The GitHub OAuth app's client secret (never logged).
    #[arg(long, env = "SIGPOST_GITHUB_CLIENT_SECRET", hide_env_values = true)]
    pub github_client_secret: Option<Secret>,

    /// GitHub's web address (GitHub Enterprise Server: its own).
    #[arg(long, env = "SIGPOST_GITHUB_URL", default_value = SignInArgs::GITHUB_URL)]
    pub github_url: String,

    /// GitHub's REST API (GitHub Enterprise Server: `https://HOST/api/v3`).
    #[arg(long, env = "SIGPOST_GITHUB_API_URL", default_value = SignInArgs::GITHUB_API_URL)]
    pub github_api_url: String,

    /// The OpenID Connect provider's issuer (its discovery document is at
    /// `ISSUER/.well-known/openid-configuration`).
    #[arg(long, env = "SIGPOST_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,

    /// The client ID registered at the OpenID Connect provider.
    #[arg(long, env = "SIGPOST_OIDC_CLIENT_ID")]
    pub oidc_client_id: Option<String>,

    /// Its client secret (never logged).
    #[arg(long, env = "SIGPOST_OIDC_CLIENT_SECRET", hide_env_values = true)]
    pub oidc_client_secret: Option<Secret>,

    /// The provider's name on its button: "Sign in with NAME".
    #[arg(long, env = "SIGPOST_OIDC_NAME", default_value = SignInArgs::OIDC_NAME)]
    pub oidc_name: String,
}

impl SignInArgs {
    const GITHUB_URL: &str = "https://github.com";
    const GITHUB_API_URL: &str = "https://api.github.com";
    const OIDC_NAME: &str = "single sign-on";
}

/// No provider configured: the defaults of every flag.
impl Default for SignInArgs {
    fn default() -> Self {
        SignInArgs {
            github_client_id: None,
            github_client_secret: None,
            github_url: Self::GITHUB_URL.to_owned(),
            github_api_url: Self::GITHUB_API_URL.to_owned(),
            oidc_issuer: None,
            oidc_client_id: None,
            oidc_client_secret: None,
            oidc_name: Self::OIDC_NAME.to_owned(),
        }
    }
}

/// Bounds on connections, so idle or half-sent ones cannot use up the
/// server's file descriptors or memory.
#[derive(Debug, Clone, Args)]
pub struct ConnectionArgs {
    /// Seconds a client has to send a request's headers; a connection idle
    /// between requests is closed after as long.
    #[arg(long, env = "SIGPOST_HEADER_TIMEOUT_SECONDS", default_value_t = ConnectionArgs::DEFAULT.header_timeout_seconds)]
    pub header_timeout_seconds: u64,

    /// Seconds a connection may stay open in all; then it finishes the
    /// request in hand and closes (the browser opens a new one).
    #[arg(long, env = "SIGPOST_CONNECTION_MAX_SECONDS", default_value_t = ConnectionArgs::DEFAULT.connection_max_seconds)]
    pub connection_max_seconds: u64,

    /// Most connections open at once; further ones are closed at once. Never
    /// more than the process's file limit allows (raised to its hard limit
    /// at start), less a reserve for the database and files.
    #[arg(long, env = "SIGPOST_MAX_CONNECTIONS", default_value_t = ConnectionArgs::DEFAULT.max_connections)]
    pub max_connections: usize,

    /// Most connections open at once from one client address. Not applied
    /// with --trust-forwarded-for, where every connection comes from the proxy.
    #[arg(long, env = "SIGPOST_MAX_CONNECTIONS_PER_CLIENT", default_value_t = ConnectionArgs::DEFAULT.max_connections_per_client)]
    pub max_connections_per_client: usize,
}

impl ConnectionArgs {
    pub const DEFAULT: ConnectionArgs = ConnectionArgs {
        header_timeout_seconds: 10,
        connection_max_seconds: 300,
        max_connections: 8192,
        max_connections_per_client: 256,
    };
}

impl Default for ConnectionArgs {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    /// A KubeSphere-style README: a markdown table of SIGs, channel lists and
    /// guidance sections.
    KubesphereMd,
    /// The Kubernetes `sigs.yaml` format: groups, leadership, meetings,
    /// contacts and subprojects.
    SigsYaml,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// The Kubernetes `sigs.yaml` format, which `import` reads back.
    SigsYaml,
    /// A README with the table of groups; with --out DIR, also one README
    /// per group in its folder.
    Readme,
    /// The whole community as one KubeSphere-style README (guidance pages,
    /// the SIG table, chat channels), which `import` reads back.
    KubesphereMd,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// Where: a file for sigs-yaml and kubesphere-md, a folder for readme.
    /// Standard output when left out (the readme table only).
    #[arg(long)]
    pub out: Option<PathBuf>,

    /// Include leads' private e-mail addresses (for moving data between
    /// sites, never for publishing).
    #[arg(long)]
    pub include_private: bool,

    /// The community's name, for the README's title.
    #[arg(long, env = "SIGPOST_SITE_NAME", default_value = "sigpost")]
    pub site_name: String,

    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The file to read.
    pub file: PathBuf,

    /// The file's format.
    #[arg(long, value_enum, default_value = "kubesphere-md")]
    pub format: ImportFormat,

    /// Report what the import would change, and change nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse the import when anything gives a warning (an unknown key, a
    /// meeting whose time or zone could not be understood).
    #[arg(long)]
    pub strict: bool,

    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[cfg(test)]
mod tests {
    use super::LogFormat;

    #[test]
    fn log_formats_are_text_by_default() {
        assert_eq!(LogFormat::parse(None), Ok(LogFormat::Text));
        assert_eq!(LogFormat::parse(Some("json")), Ok(LogFormat::Json));
        assert_eq!(LogFormat::parse(Some(" text ")), Ok(LogFormat::Text));
        assert_eq!(LogFormat::parse(Some("yaml")), Err("yaml".to_owned()));
    }
}
