//! Writers of community data files: `sigs.yaml`, generated READMEs and the
//! KubeSphere README. All start from `app::store::export::community`.

pub mod kubesphere_md;
pub mod readme;
pub mod sigs_yaml;

use app::store::import::ImportedSig;
use app::store::Database;

use crate::config::ImportFormat;

/// The community as one file in `format` (a format the importer reads
/// back), from the groups `sigs` of `community` and, for the KubeSphere
/// README, the site's pages and channels.
pub async fn data_file(
    db: &Database,
    format: ImportFormat,
    sigs: &[ImportedSig],
) -> Result<String, String> {
    match format {
        ImportFormat::SigsYaml => sigs_yaml::write(sigs).map_err(|error| error.to_string()),
        ImportFormat::KubesphereMd => {
            let pages = app::store::pages::all_pages(db)
                .await
                .map_err(|error| format!("cannot read the pages: {error}"))?;
            let channels = app::store::pages::list_channels(db)
                .await
                .map_err(|error| format!("cannot read the channels: {error}"))?;
            Ok(kubesphere_md::write(sigs, &pages, &channels))
        }
    }
}

/// The generated READMEs: the table of groups, then one per group, each
/// with its path under the folder they go in.
pub fn readmes(site_name: &str, sigs: &[ImportedSig]) -> Vec<(String, String)> {
    std::iter::once(("README.md".to_owned(), readme::table(site_name, sigs)))
        .chain(sigs.iter().map(|sig| {
            (
                format!("{}/README.md", readme::folder(sig)),
                readme::group(sig),
            )
        }))
        .collect()
}
