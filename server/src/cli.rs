//! Sub-commands of the `server` binary.

pub mod admin;
pub mod backup;
pub mod export;
pub mod import;
pub mod outbox;
pub mod restore;
pub mod serve;

use std::process::ExitCode;

use clap::Parser;

use crate::config::{Cli, Command, LogFormat};

/// Parses the command line and runs the chosen sub-command. With none, serves:
/// that is how cargo-leptos starts the binary.
pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    let format = std::env::var("SIGPOST_LOG_FORMAT").ok();
    let log_format = LogFormat::parse(format.as_deref());
    crate::telemetry::init(*log_format.as_ref().unwrap_or(&LogFormat::Text));
    if let Err(unknown) = log_format {
        tracing::warn!(%unknown, "SIGPOST_LOG_FORMAT is text or json; writing text");
    }
    let outcome = match cli.command {
        Some(Command::Serve(args)) => serve::run(*args).await.map_err(|e| e.to_string()),
        Some(Command::Import(args)) => import::run(args).await.map_err(|e| e.to_string()),
        Some(Command::Admin(command)) => admin::run(command).await,
        Some(Command::Export(args)) => export::run(args).await,
        Some(Command::Outbox(args)) => outbox::run(args).await,
        Some(Command::Backup(args)) => backup::run(args).await,
        Some(Command::Restore(args)) => restore::run(args).await,
        None => serve::run(cli.serve).await.map_err(|e| e.to_string()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
