//! Server functions of the admins' import pages. The upload and the apply
//! step are plain form posts handled by the server (they carry a file);
//! these read what they stored.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::import::ImportPreview;

/// The latest uploads with their reports (admins).
#[server(endpoint = "load_import_previews")]
pub async fn load_import_previews() -> Result<Vec<ImportPreview>, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    crate::store::import_previews::recent(&state.db)
        .await
        .map_err(AppError::from)
}

/// One upload with its dry run, or what applying it did (admins).
#[server(endpoint = "load_import_preview")]
pub async fn load_import_preview(id: i64) -> Result<ImportPreview, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    crate::store::import_previews::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}
