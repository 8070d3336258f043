//! A lead's home: what waits for them in each SIG they lead.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::leading::LeadingSig;

/// For each SIG the signed-in person leads (chair or tech lead): requests
/// waiting, members who joined since they last looked (this visit counts as
/// looking), open items overdue or without an owner, and the next meeting.
#[server(endpoint = "load_leading")]
pub async fn load_leading() -> Result<Vec<LeadingSig>, AppError> {
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    let mut sigs = Vec::new();
    for (sig_id, slug, name, role) in crate::store::leading::led_sigs(&state.db, account.id).await?
    {
        sigs.push(leading_sig(&state, account.id, sig_id, slug, name, role).await?);
    }
    Ok(sigs)
}

#[cfg(feature = "ssr")]
async fn leading_sig(
    state: &crate::state::AppState,
    person_id: i64,
    sig_id: i64,
    slug: String,
    name: String,
    role: crate::models::sig::LeadRole,
) -> Result<LeadingSig, AppError> {
    use crate::models::leading::{ItemToSee, NextMeeting};
    use crate::store::leading::{new_members_since_last_look, waiting};
    let db = &state.db;
    let now = state.clock.now();
    let board = crate::store::roadmap::board(
        db,
        &slug,
        state.clock.this_month(),
        state.clock.unix_seconds(),
    )
    .await?
    .map(|board| board.cards)
    .unwrap_or_default();
    let open = board.iter().filter(|card| card.status.is_open());
    let to_see = |card: &crate::models::roadmap::RoadmapCard| ItemToSee {
        href: card.href(),
        title: card.title.clone(),
        target_label: card.target_month.label(),
    };
    let overdue = open
        .clone()
        .filter(|card| card.overdue)
        .map(to_see)
        .collect();
    let ownerless = open
        .filter(|card| card.owner.is_none())
        .map(to_see)
        .collect();
    let series = crate::store::meetings::series_of_sig(db, &slug).await?;
    let next = series
        .iter()
        .filter_map(|stored| {
            let occurrence = stored.schedule()?.next_after(now)?;
            Some((occurrence, stored))
        })
        .min_by_key(|(occurrence, _)| occurrence.start.timestamp());
    let next_meeting = match next {
        Some((occurrence, stored)) => {
            let day = occurrence.start.date_naive().format("%Y-%m-%d").to_string();
            let records = crate::store::meetings::records_of_sig(db, &slug).await?;
            Some(NextMeeting {
                title: stored.title.clone(),
                when: crate::schedule::instant(occurrence, now),
                has_record: records.iter().any(|record| record.held_on == day),
            })
        }
        None => None,
    };
    Ok(LeadingSig {
        waiting: waiting(db, sig_id).await?,
        new_members: new_members_since_last_look(db, person_id, sig_id).await?,
        role_label: role.label(),
        slug,
        name,
        overdue,
        ownerless,
        next_meeting,
    })
}
