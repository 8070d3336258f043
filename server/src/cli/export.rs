//! `server export`: the community's groups as `sigs.yaml` or READMEs.

use std::path::Path;

use app::store::Database;

use crate::config::{ExportArgs, ExportFormat};
use crate::export::{kubesphere_md, readme, sigs_yaml};

pub async fn run(args: ExportArgs) -> Result<(), String> {
    let db = Database::connect(&args.database.database_url, 2)
        .await
        .map_err(|error| error.to_string())?;
    db.migrate().await.map_err(|error| error.to_string())?;
    let sigs = app::store::export::community(&db, args.include_private)
        .await
        .map_err(|error| format!("cannot read the groups: {error}"))?;
    let community_pages = match args.format {
        ExportFormat::KubesphereMd => Some((
            app::store::pages::all_pages(&db).await,
            app::store::pages::list_channels(&db).await,
        )),
        _ => None,
    };
    db.pool.close().await;
    match (args.format, &args.out) {
        (ExportFormat::KubesphereMd, out) => {
            let Some((Ok(pages), Ok(channels))) = community_pages else {
                return Err("cannot read the pages and channels".to_owned());
            };
            let text = kubesphere_md::write(&sigs, &pages, &channels);
            match out {
                Some(path) => write_new(path, &text)?,
                None => print_out(&text)?,
            }
        }
        (ExportFormat::SigsYaml, out) => {
            let text = sigs_yaml::write(&sigs).map_err(|error| error.to_string())?;
            match out {
                Some(path) => write_new(path, &text)?,
                None => print_out(&text)?,
            }
        }
        (ExportFormat::Readme, None) => print_out(&readme::table(&args.site_name, &sigs))?,
        (ExportFormat::Readme, Some(folder)) => {
            write_new(
                &folder.join("README.md"),
                &readme::table(&args.site_name, &sigs),
            )?;
            for sig in &sigs {
                let path = folder.join(readme::folder(sig)).join("README.md");
                write_new(&path, &readme::group(sig))?;
            }
            println!(
                "wrote {} READMEs under {}",
                sigs.len() + 1,
                folder.display()
            );
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
