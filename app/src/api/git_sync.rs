//! The git sync as admins see and steer it, and the note each site edit
//! leaves for the commit that will carry it.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::git_sync::GitSyncStatus;

/// Where the sync with the community repository stands (admins).
#[server(endpoint = "load_git_sync")]
pub async fn load_git_sync() -> Result<GitSyncStatus, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    Ok(crate::store::git_sync::status(&state.db).await?)
}

/// An admin's choice for a change the sync holds: keep the site's side or
/// take the repository's. The sync applies it within seconds.
#[server(endpoint = "choose_git_side")]
pub async fn choose_git_side(hold: i64, side: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let admin = crate::permissions::admin(&state.db).await?;
    let Some(side) = crate::models::git_sync::GitSyncSide::parse(&side) else {
        return Err(AppError::Rejected(crate::i18n::t("git-sync-side-unknown")));
    };
    if !crate::store::git_sync::choose(&state.db, hold, side, admin.id).await? {
        return Err(AppError::Rejected(crate::i18n::t(
            "git-sync-already-chosen",
        )));
    }
    crate::i18n::redirect("/admin?done=git-sync#git-sync");
    Ok(())
}

/// Notes who changed what, for the commit that will carry the change. The
/// edit is saved already: a failure here is logged, not shown.
#[cfg(feature = "ssr")]
pub async fn note_edit(db: &crate::store::Database, person_id: i64, summary: String) {
    if let Err(error) = crate::store::git_sync::record_edit(db, person_id, &summary).await {
        tracing::warn!(%error, "could not note a site edit for the git history");
    }
}
