//! Who may do what: every rule about visitors, members, leads (emeritus
//! leads included) and admins, checked inside every mutating server function
//! and plain route whatever the page showed (server only).

use crate::auth::{current_account, CurrentAccount};
use crate::errors::AppError;
use crate::models::sig::LeadRole;
use crate::store::accounts::Account;
use crate::store::Database;

/// Whether `account` administers the community.
pub fn is_admin(account: &Account) -> bool {
    account.is_admin != 0
}

/// What one person may do with one SIG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SigRights {
    pub admin: bool,
    /// Their role among the SIG's leads, if they are one.
    pub lead_role: Option<LeadRole>,
}

impl SigRights {
    /// Admins, chairs and tech leads change a SIG (its page, roadmap,
    /// meetings, roster); emeritus leads are shown but have no rights.
    pub fn may_edit(self) -> bool {
        self.admin || matches!(self.lead_role, Some(LeadRole::Chair | LeadRole::TechLead))
    }

    /// `account`'s rights over the SIG `slug`; 404 for an unknown SIG.
    pub async fn of(db: &Database, slug: &str, account: &Account) -> Result<Self, AppError> {
        let lead_role = crate::store::sig_changes::lead_role(db, slug, account.id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(SigRights {
            admin: is_admin(account),
            lead_role,
        })
    }
}

impl CurrentAccount {
    /// The signed-in person; 401 for visitors.
    pub fn signed_in(self) -> Result<Account, AppError> {
        self.0.ok_or(AppError::Unauthorized)
    }

    /// An administrator; 401 for visitors, 403 for others.
    pub fn admin(self) -> Result<Account, AppError> {
        let account = self.signed_in()?;
        if is_admin(&account) {
            Ok(account)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Someone who may change the SIG `slug` (`SigRights::may_edit`); 401
    /// for visitors, 403 for others, 404 for an unknown SIG.
    pub async fn sig_editor(self, db: &Database, slug: &str) -> Result<Account, AppError> {
        let account = self.signed_in()?;
        if SigRights::of(db, slug, &account).await?.may_edit() {
            Ok(account)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// The signed-in person of this call; 401 for visitors.
pub async fn signed_in(db: &Database) -> Result<Account, AppError> {
    CurrentAccount(current_account(db).await?).signed_in()
}

/// An administrator of the community; 401 for visitors, 403 for others.
pub async fn admin(db: &Database) -> Result<Account, AppError> {
    CurrentAccount(current_account(db).await?).admin()
}

/// An admin, or a chair or tech lead of the SIG `slug`; 404 for an unknown SIG.
pub async fn sig_editor(db: &Database, slug: &str) -> Result<Account, AppError> {
    CurrentAccount(current_account(db).await?)
        .sig_editor(db, slug)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chairs_tech_leads_and_admins_edit_emeritus_leads_do_not() {
        let rights = |admin, lead_role| SigRights { admin, lead_role };
        assert!(rights(false, Some(LeadRole::Chair)).may_edit());
        assert!(rights(false, Some(LeadRole::TechLead)).may_edit());
        assert!(!rights(false, Some(LeadRole::Emeritus)).may_edit());
        assert!(!rights(false, None).may_edit());
        assert!(rights(true, None).may_edit());
        assert!(rights(true, Some(LeadRole::Emeritus)).may_edit());
    }
}
