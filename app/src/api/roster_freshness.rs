//! Saying a member still takes part: they themselves (signed in, or from
//! the e-mailed link) or a lead of the SIG, for them.

use leptos::prelude::*;

use crate::errors::AppError;
#[cfg(feature = "ssr")]
use crate::store::roster_freshness::{self, Member};

/// From the link in the yearly e-mail, without signing in.
#[server(endpoint = "still_active_by_link")]
pub async fn still_active_by_link(token: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let target = crate::store::joining::leave_target(&state.db, token.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let member = Member::Membership(target.membership_id);
    if !roster_freshness::mark_active(&state.db, &target.slug, member).await? {
        return Err(AppError::Rejected(crate::i18n::t_with(
            "still-active-not-member",
            &[("sig", target.sig_name.into())],
        )));
    }
    Ok(())
}

/// The signed-in person, from their SIGs page.
#[server(endpoint = "still_active")]
pub async fn still_active(sig: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    let member = Member::Person(account.id);
    if !roster_freshness::mark_active(&state.db, sig.trim(), member).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// A lead (or admin) restores an inactive member of their SIG.
#[server(endpoint = "restore_member")]
pub async fn restore_member(sig: String, membership_id: i64) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let slug = sig.trim();
    crate::permissions::sig_editor(&state.db, slug).await?;
    if !roster_freshness::mark_active(&state.db, slug, Member::Membership(membership_id)).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}
