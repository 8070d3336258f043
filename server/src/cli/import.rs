//! `server import`: read a community file, then write it in one transaction.

use app::store::import::{apply, ImportReport};
use app::store::{ConnectError, Database};

use crate::config::{ImportArgs, ImportFormat};
use crate::import::kubesphere_md::{self, ParseError};

/// The KubeSphere SIG list shipped with sigpost, loaded by `--demo-data`.
const DEMO_DATA: &str = include_str!("../../seed/kubesphere-SIGs.md");

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: {source}")]
    Parse { path: String, source: ParseError },
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
    let parsed = match args.format {
        ImportFormat::KubesphereMd => {
            kubesphere_md::parse(&text).map_err(|source| ImportError::Parse {
                path: path.clone(),
                source,
            })?
        }
    };
    for repair in &parsed.repairs {
        println!(
            "repaired line {}: {:?} read as {:?} (UTF-8 that was once decoded as Windows-1252)",
            repair.line, repair.found, repair.replaced_by
        );
    }
    let db = Database::connect(&args.database.database_url, 2).await?;
    db.migrate().await?;
    let report = apply(&db, &parsed.community).await?;
    print_report(&report);
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

/// Imports the bundled KubeSphere list when the directory has no SIG yet.
pub async fn load_demo_data_if_empty(db: &Database) -> Result<(), ImportError> {
    if !app::store::sigs::is_empty(db).await? {
        return Ok(());
    }
    let parsed = kubesphere_md::parse(DEMO_DATA).map_err(|source| ImportError::Parse {
        path: "demo data".to_owned(),
        source,
    })?;
    let report = apply(db, &parsed.community).await?;
    super::demo_meetings::add(db).await?;
    tracing::info!(
        created = report.created.len(),
        "loaded the KubeSphere demo data"
    );
    Ok(())
}
