//! Readers of community data files. Each parses the whole file into an
//! `app::store::import::CommunityImport` before anything touches the database.

pub mod kubesphere_md;
pub mod mojibake;
pub mod sigs_yaml;

use app::store::import::CommunityImport;

use crate::config::ImportFormat;

/// A file read whole: what to import, lines worth telling (repairs), and
/// warnings with their paths.
pub struct ReadFile {
    pub community: CommunityImport,
    pub notes: Vec<String>,
    pub warnings: Vec<String>,
}

/// Reads `text` in `format`; `Err` holds every problem, one per line.
pub fn read(format: ImportFormat, text: &str) -> Result<ReadFile, String> {
    match format {
        ImportFormat::KubesphereMd => {
            let parsed = kubesphere_md::parse(text).map_err(|error| error.to_string())?;
            Ok(ReadFile {
                notes: parsed
                    .repairs
                    .iter()
                    .map(|repair| {
                        format!(
                            "repaired line {}: {:?} read as {:?} (UTF-8 that was once decoded as Windows-1252)",
                            repair.line, repair.found, repair.replaced_by
                        )
                    })
                    .collect(),
                community: parsed.community,
                warnings: Vec::new(),
            })
        }
        ImportFormat::SigsYaml => {
            let parsed = sigs_yaml::parse(text).map_err(|error| error.to_string())?;
            Ok(ReadFile {
                community: parsed.community,
                notes: parsed.notes.iter().map(ToString::to_string).collect(),
                warnings: parsed.warnings.iter().map(ToString::to_string).collect(),
            })
        }
    }
}
