//! `server export`: the community's groups as `sigs.yaml` or READMEs.

use std::path::Path;

use app::store::Database;

use crate::config::{ExportArgs, ExportFormat, ImportFormat};
use crate::export::{readme, readmes};

pub async fn run(args: ExportArgs) -> Result<(), String> {
    let db = Database::connect(&args.database.database_url, 2)
        .await
        .map_err(|error| error.to_string())?;
    db.migrate().await.map_err(|error| error.to_string())?;
    let sigs = app::store::export::community(&db, args.include_private)
        .await
        .map_err(|error| format!("cannot read the groups: {error}"))?;
    let data_format = match args.format {
        ExportFormat::SigsYaml => Some(ImportFormat::SigsYaml),
        ExportFormat::KubesphereMd => Some(ImportFormat::KubesphereMd),
        ExportFormat::Readme => None,
    };
    let text = match data_format {
        Some(format) => Some(crate::export::data_file(&db, format, &sigs).await),
        None => None,
    };
    db.pool.close().await;
    match (text, &args.out) {
        (Some(text), Some(path)) => write_new(path, &text?)?,
        (Some(text), None) => print_out(&text?)?,
        (None, None) => print_out(&readme::table(&args.site_name, &sigs))?,
        (None, Some(folder)) => {
            let files = readmes(&args.site_name, &sigs);
            for (path, text) in &files {
                write_new(&folder.join(path), text)?;
            }
            println!("wrote {} READMEs under {}", files.len(), folder.display());
        }
    }
    Ok(())
}

/// Writes `text` to standard output; a reader that stopped early (`| head`)
/// is not an error.
fn print_out(text: &str) -> Result<(), String> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the export: {error}"))
        }
        _ => Ok(()),
    }
}

/// Writes `text` to `path`, making its folder; replaces an older export.
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| format!("cannot make {}: {error}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}
