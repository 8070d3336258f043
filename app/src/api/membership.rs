//! Joining and leaving SIGs, and what leads do with requests and rosters.
//! Each call says who is calling, checks its input, then makes one store call.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::membership::{
    DecisionForm, JoinForm, JoinPage, MySig, Roster, Standings, Welcome,
};

/// The signed-in person's id, if any (visitors are welcome here).
#[cfg(feature = "ssr")]
async fn caller(db: &crate::store::Database) -> Result<Option<i64>, AppError> {
    Ok(crate::auth::current_account(db)
        .await?
        .map(|account| account.id))
}

/// The SIGs one can join, with the caller's status in each.
#[server(endpoint = "load_join_page")]
pub async fn load_join_page() -> Result<JoinPage, AppError> {
    let state = crate::state::app_state()?;
    let account = crate::auth::current_account(&state.db).await?;
    let mut choices = crate::store::rosters::join_choices(
        &state.db,
        account.as_ref().map(|a| a.id),
        state.clock.now(),
    )
    .await?;
    crate::store::translations::translate_descriptions(
        &state.db,
        crate::i18n::language(),
        choices
            .iter_mut()
            .map(|choice| (choice.slug.as_str(), &mut choice.description)),
    )
    .await?;
    Ok(JoinPage {
        choices,
        signed_in_as: account.map(|account| account.display_name),
    })
}

/// Asks to join the ticked SIGs. Visitors are always told to check their
/// inbox, whether or not the address has an account (and a bot that filled
/// the honeypot is told the same, with nothing written). A visitor's request
/// is queued for the join worker, so the answer takes as long either way.
#[server(endpoint = "join_sigs")]
pub async fn join_sigs(form: JoinForm) -> Result<(), AppError> {
    use crate::api::account::{limits, rate_limit};
    let state = crate::state::app_state()?;
    rate_limit(&state.db, limits::JOIN).await?;
    let signed_in = caller(&state.db).await?;
    let joiner = form.validate(signed_in)?;
    if form.is_bot() {
        crate::i18n::redirect("/join?sent=1");
        return Ok(());
    }
    let wishes = crate::store::joining::Wishes {
        interest: form.interest.trim(),
        weekly_digest: !form.weekly_digest.is_empty(),
    };
    let language = crate::i18n::language();
    let unknown = if signed_in.is_some() {
        let site = &state.site;
        let outcome = crate::store::joining::request_join(
            &state.db,
            &joiner,
            &form.picked(),
            &wishes,
            language,
            |letter| crate::mail::join_request(site, letter),
            |notice| crate::mail::newcomer_for_lead(site, notice),
        )
        .await?;
        match outcome {
            crate::store::joining::JoinOutcome::UnknownSigs(unknown) => unknown,
            crate::store::joining::JoinOutcome::Done(_) => Vec::new(),
        }
    } else {
        let unknown = crate::store::join_queue::enqueue(
            &state.db,
            &joiner,
            &form.picked(),
            &wishes,
            language,
        )
        .await?;
        state.joins_queued.notify_one();
        unknown
    };
    if !unknown.is_empty() {
        let mut errors = crate::errors::FieldErrors::default();
        errors.add(
            "sigs",
            crate::i18n::t_with("join-unknown-sigs", &[("sigs", unknown.join(", ").into())]),
        );
        return Err(errors.into());
    }
    crate::i18n::redirect(if signed_in.is_some() {
        "/my/sigs?joined=1"
    } else {
        "/join?sent=1"
    });
    Ok(())
}

/// Follows a join confirmation link (a POST from the link's page): the
/// memberships start, the address is confirmed and the newcomer is signed
/// in, then welcomed by the first SIG.
#[server(endpoint = "confirm_join")]
pub async fn confirm_join(token: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let site = &state.site;
    let confirmed = crate::store::joining::confirm(&state.db, token.trim(), |notice| {
        crate::mail::newcomer_for_lead(site, notice)
    })
    .await?
    .ok_or_else(|| AppError::Rejected(crate::i18n::t("link-expired-join")))?;
    crate::auth::begin_session(&state.db, confirmed.person_id, "email-link").await?;
    match confirmed.slugs.first() {
        Some(slug) => crate::i18n::redirect(&format!("/sigs/{slug}/welcome?joined=1")),
        None => crate::i18n::redirect("/my/sigs"),
    }
    Ok(())
}

/// The signed-in person's memberships.
#[server(endpoint = "load_my_sigs")]
pub async fn load_my_sigs() -> Result<Vec<MySig>, AppError> {
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    crate::store::rosters::my_sigs(&state.db, account.id)
        .await
        .map_err(AppError::from)
}

/// The signed-in person leaves a SIG (or withdraws a request). Leaving
/// twice is harmless.
#[server(endpoint = "leave_sig")]
pub async fn leave_sig(sig: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    crate::store::joining::leave(&state.db, account.id, sig.trim()).await?;
    Ok(())
}

/// What a leave link points to: the SIG and whether the person is still in it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LeaveLink {
    pub sig_slug: String,
    pub sig_name: String,
    pub display_name: String,
    pub is_current: bool,
    /// An active member (who may say they still take part).
    pub is_active: bool,
    /// Asked whether they still take part, or shown as inactive.
    pub awaits_answer: bool,
}

#[server(endpoint = "load_leave_link")]
pub async fn load_leave_link(token: String) -> Result<LeaveLink, AppError> {
    use crate::models::membership::MembershipStatus;
    let state = crate::state::app_state()?;
    let target = crate::store::joining::leave_target(&state.db, token.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let status = MembershipStatus::parse(&target.status);
    Ok(LeaveLink {
        is_current: status.is_some_and(MembershipStatus::is_current),
        is_active: status == Some(MembershipStatus::Active),
        awaits_answer: target.activity_asked_at.is_some() || target.inactive_at.is_some(),
        sig_slug: target.slug,
        sig_name: target.sig_name,
        display_name: target.display_name,
    })
}

/// Leaves through an e-mailed link, without signing in.
#[server(endpoint = "leave_by_link")]
pub async fn leave_by_link(token: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let target = crate::store::joining::leave_target(&state.db, token.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    crate::store::joining::leave(&state.db, target.person_id, &target.slug).await?;
    Ok(())
}

/// How to take part in a SIG, with the caller's status if signed in.
#[server(endpoint = "load_welcome")]
pub async fn load_welcome(slug: String) -> Result<Welcome, AppError> {
    let state = crate::state::app_state()?;
    let person = caller(&state.db).await?;
    crate::store::rosters::welcome(&state.db, &slug, person, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)
}

/// A SIG's roster with e-mail addresses: its leads and admins only.
#[server(endpoint = "load_roster")]
pub async fn load_roster(slug: String) -> Result<Roster, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::sig_editor(&state.db, &slug).await?;
    crate::store::rosters::roster(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// A lead accepts or declines a request to join; the newcomer is e-mailed.
#[server(endpoint = "decide_join_request")]
pub async fn decide_join_request(form: DecisionForm) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let slug = form.sig.trim();
    crate::permissions::sig_editor(&state.db, slug).await?;
    let accept = form.validate()?;
    let site = &state.site;
    let decided = crate::store::rosters::decide(
        &state.db,
        slug,
        form.membership_id,
        accept,
        form.message.trim(),
        |letter, message| crate::mail::join_decision(site, letter, message),
    )
    .await?;
    if !decided {
        return Err(AppError::Rejected(crate::i18n::t(
            "request-already-answered",
        )));
    }
    Ok(())
}

/// Where the person looking stands with each group; empty for visitors.
#[server]
pub async fn load_standings() -> Result<Standings, AppError> {
    let state = crate::state::app_state()?;
    let Some(account) = crate::auth::current_account(&state.db).await? else {
        return Ok(Standings::default());
    };
    Ok(crate::store::rosters::standings(&state.db, account.id).await?)
}
