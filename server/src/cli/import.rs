//! `server import`: read a community file, then write it in one transaction.

use app::store::import::{ImportMode, ImportReport};
use app::store::{ConnectError, Database};

use crate::config::ImportArgs;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("{path}: {count} warning(s) and --strict: nothing was imported")]
    Strict { path: String, count: usize },
    #[error(transparent)]
    Database(#[from] ConnectError),
    #[error("the import was not applied: {0}")]
    Write(#[from] sqlx::Error),
}

pub async fn run(args: ImportArgs) -> Result<(), ImportError> {
    let path = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).map_err(|source| ImportError::Read {
        path: path.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|error| ImportError::NotUtf8 {
        path: path.clone(),
        offset: error.utf8_error().valid_up_to(),
    })?;
    // Parse everything before connecting: bad input never touches the database.
    let read = crate::import::read(args.format, &text).map_err(|message| ImportError::Parse {
        path: path.clone(),
        message,
    })?;
    for note in &read.notes {
        println!("note: {note}");
    }
    let (community, warnings) = (read.community, read.warnings);
    for warning in &warnings {
        println!("warning: {warning}");
    }
    if args.strict && !warnings.is_empty() {
        return Err(ImportError::Strict {
            path,
            count: warnings.len(),
        });
    }
    let db = Database::connect(&args.database.database_url, 2).await?;
    db.migrate().await?;
    let mode = if args.dry_run {
        ImportMode::DryRun
    } else {
        ImportMode::Apply
    };
    let report = app::store::import::run(&db, &community, mode).await?;
    print_report(&report);
    if args.dry_run {
        println!("dry run: nothing was changed");
    }
    db.pool.close().await;
    Ok(())
}

fn print_report(report: &ImportReport) {
    for created in &report.created {
        println!("created {created}");
    }
    for updated in &report.updated {
        println!("updated {updated}");
    }
    println!(
        "import done: {} created, {} updated, {} unchanged",
        report.created.len(),
        report.updated.len(),
        report.unchanged
    );
}
