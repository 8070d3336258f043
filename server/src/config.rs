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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply database migrations, then serve the portal (the default).
    Serve(ServeArgs),
    /// Import SIGs, leads, channels and guidance pages from a file. Idempotent:
    /// running it again updates records by slug and never duplicates them.
    Import(ImportArgs),
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

    /// Most database connections the server keeps open.
    #[arg(long, env = "SIGPOST_DB_CONNECTIONS", default_value_t = 16)]
    pub db_connections: u32,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    /// A KubeSphere-style README: a markdown table of SIGs, channel lists and
    /// guidance sections.
    KubesphereMd,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The file to read.
    pub file: PathBuf,

    /// The file's format.
    #[arg(long, value_enum, default_value = "kubesphere-md")]
    pub format: ImportFormat,

    #[command(flatten)]
    pub database: DatabaseArgs,
}
