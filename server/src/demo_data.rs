//! The demo data `serve --demo-data` loads into an empty directory: the
//! KubeSphere SIG list shipped with sigpost, and a few meeting series.

use app::store::import::apply;
use app::store::Database;

use crate::import::kubesphere_md;

mod meetings;

/// The KubeSphere SIG list shipped with sigpost.
const DEMO_DATA: &str = include_str!("../seed/kubesphere-SIGs.md");

#[derive(Debug, thiserror::Error)]
pub enum DemoDataError {
    #[error("the bundled SIG list cannot be read: {0}")]
    Parse(String),
    #[error("the demo data was not written: {0}")]
    Write(#[from] sqlx::Error),
}

/// Imports the bundled KubeSphere list when the directory has no SIG yet.
pub async fn load_if_empty(db: &Database) -> Result<(), DemoDataError> {
    if !app::store::sigs::is_empty(db).await? {
        return Ok(());
    }
    let parsed =
        kubesphere_md::parse(DEMO_DATA).map_err(|error| DemoDataError::Parse(error.to_string()))?;
    let report = apply(db, &parsed.community).await?;
    meetings::add(db).await?;
    tracing::info!(
        created = report.created.len(),
        "loaded the KubeSphere demo data"
    );
    Ok(())
}
