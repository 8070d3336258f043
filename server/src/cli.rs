//! Sub-commands of the `server` binary.

pub mod admin;
pub mod import;
pub mod outbox;
pub mod serve;

use std::process::ExitCode;

use clap::Parser;

use crate::config::{Cli, Command};

/// Parses the command line and runs the chosen sub-command. With none, serves:
/// that is how cargo-leptos starts the binary.
pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    crate::telemetry::init();
    let outcome = match cli.command {
        Some(Command::Serve(args)) => serve::run(args).await.map_err(|e| e.to_string()),
        Some(Command::Import(args)) => import::run(args).await.map_err(|e| e.to_string()),
        Some(Command::Admin(command)) => admin::run(command).await,
        Some(Command::Outbox(args)) => outbox::run(args).await,
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
