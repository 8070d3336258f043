//! Who may change what, checked inside every mutating server function
//! whatever the page showed (server only).

use crate::api::account::current_account;
use crate::errors::AppError;
use crate::store::accounts::Account;
use crate::store::Database;

/// The signed-in person; 401 for visitors.
pub async fn signed_in(db: &Database) -> Result<Account, AppError> {
    current_account(db).await?.ok_or(AppError::Unauthorized)
}

/// An administrator of the community; 401 for visitors, 403 for others.
pub async fn admin(db: &Database) -> Result<Account, AppError> {
    let account = signed_in(db).await?;
    if account.is_admin != 0 {
        Ok(account)
    } else {
        Err(AppError::Forbidden)
    }
}

/// An admin, or a chair or tech lead of the SIG `slug` (emeritus leads have no
/// rights); 404 for an unknown SIG.
pub async fn sig_editor(db: &Database, slug: &str) -> Result<Account, AppError> {
    let account = signed_in(db).await?;
    may_edit_sig(db, slug, &account).await?;
    Ok(account)
}

/// Whether `account` may change the SIG `slug`: the one rule behind every
/// lead-only page, call and download.
pub async fn may_edit_sig(db: &Database, slug: &str, account: &Account) -> Result<(), AppError> {
    let (_, leads_it) = crate::store::sig_changes::editor_role(db, slug, account.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if leads_it || account.is_admin != 0 {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
