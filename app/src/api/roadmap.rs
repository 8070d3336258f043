//! Roadmaps: reading boards and items (public), and the changes a SIG's
//! leads and admins make to its items. Every change checks who is calling,
//! then validates, then makes one store call.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::roadmap::{
    CommunityRoadmap, RoadmapBoard, RoadmapFilter, RoadmapItemDetail, RoadmapItemEditor,
    RoadmapItemForm,
};

/// A SIG's board; 404 for an unknown SIG.
#[server(endpoint = "load_roadmap_board")]
pub async fn load_roadmap_board(slug: String) -> Result<RoadmapBoard, AppError> {
    use crate::store::roadmap::board;
    let state = crate::state::app_state()?;
    let mut board = board(
        &state.db,
        &slug,
        state.clock.this_month(),
        state.clock.unix_seconds(),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    board.can_edit = crate::permissions::sig_editor(&state.db, &slug)
        .await
        .is_ok();
    Ok(board)
}

/// Every SIG's items that pass `filter`, with the filters' choices.
#[server(endpoint = "load_community_roadmap")]
pub async fn load_community_roadmap(filter: RoadmapFilter) -> Result<CommunityRoadmap, AppError> {
    use crate::models::fields::Choice;
    use crate::store::roadmap::community;
    let state = crate::state::app_state()?;
    let all = community(&state.db, state.clock.this_month()).await?;
    let mut sigs: Vec<Choice> = crate::store::sigs::list_active(&state.db)
        .await?
        .into_iter()
        .map(|sig| Choice {
            value: sig.slug,
            label: sig.name,
        })
        .collect();
    sigs.sort_by_key(|choice| choice.label.to_lowercase());
    let mut owners: Vec<Choice> = all
        .iter()
        .filter_map(|card| card.owner.as_ref())
        .map(|owner| Choice {
            value: owner.person_id.to_string(),
            label: owner.display_name.clone(),
        })
        .collect();
    // By name, then id: one person's entries sit together, so dedup finds them.
    owners.sort_by(|a, b| {
        (a.label.to_lowercase(), &a.value).cmp(&(b.label.to_lowercase(), &b.value))
    });
    owners.dedup();
    let mut months: Vec<_> = all.iter().map(|card| card.target_month).collect();
    months.sort();
    months.dedup();
    let total = all.len();
    Ok(CommunityRoadmap {
        cards: all
            .into_iter()
            .filter(|card| filter.matches(card))
            .collect(),
        total,
        sigs,
        owners,
        months: months
            .into_iter()
            .map(|month| Choice {
                value: month.key(),
                label: month.label(),
            })
            .collect(),
    })
}

/// One item with its history; 404 when it is not an item of that SIG.
#[server(endpoint = "load_roadmap_item")]
pub async fn load_roadmap_item(slug: String, id: i64) -> Result<RoadmapItemDetail, AppError> {
    use crate::store::roadmap::item;
    let state = crate::state::app_state()?;
    let mut detail = item(&state.db, &slug, id, state.clock.this_month())
        .await?
        .ok_or(AppError::NotFound)?;
    detail.can_edit = crate::permissions::sig_editor(&state.db, &slug)
        .await
        .is_ok();
    Ok(detail)
}

/// The item form's starting values and choices (`id` 0 for a new item).
#[server(endpoint = "load_roadmap_editor")]
pub async fn load_roadmap_editor(slug: String, id: i64) -> Result<RoadmapItemEditor, AppError> {
    use crate::store::roadmap::editor;
    let state = crate::state::app_state()?;
    crate::permissions::sig_editor(&state.db, &slug).await?;
    editor(&state.db, &slug, id, state.clock.this_month())
        .await?
        .ok_or(AppError::NotFound)
}

/// Turns a store outcome into the item's id or the error a form shows.
#[cfg(feature = "ssr")]
fn saved(outcome: crate::store::roadmap_changes::Outcome) -> Result<i64, AppError> {
    use crate::store::roadmap_changes::Outcome;
    match outcome {
        Outcome::Saved(id) => Ok(id),
        Outcome::Conflict(current) => Err(AppError::Conflict(current)),
        Outcome::NotFound => Err(AppError::NotFound),
        Outcome::OwnerNotInSig => {
            let mut errors = crate::errors::FieldErrors::default();
            errors.add("owner", crate::i18n::t("check-owner-person"));
            Err(errors.into())
        }
    }
}

/// Creates an item (`id` 0) or saves an edit over the version the editor
/// started from; then shows the item.
#[server(endpoint = "save_roadmap_item")]
pub async fn save_roadmap_item(form: RoadmapItemForm) -> Result<i64, AppError> {
    use crate::store::roadmap_changes::{create, update};
    let state = crate::state::app_state()?;
    let slug = form.sig.trim();
    let editor = crate::permissions::sig_editor(&state.db, slug).await?;
    let item = form.validate(state.clock.this_month())?;
    let outcome = if form.id == 0 {
        create(&state.db, slug, editor.id, &item).await
    } else {
        update(&state.db, slug, form.id, form.version, editor.id, &item).await
    };
    let id = saved(outcome?)?;
    crate::i18n::redirect(&format!("/sigs/{slug}/roadmap/{id}"));
    Ok(id)
}

/// Moves an item to another column. Without JavaScript the browser returns
/// to the board it came from.
#[server(endpoint = "change_roadmap_status")]
pub async fn change_roadmap_status(
    sig: String,
    id: i64,
    version: i64,
    status: String,
) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let editor = crate::permissions::sig_editor(&state.db, &sig).await?;
    let status = parse_status(&status)?;
    let outcome =
        crate::store::roadmap_changes::set_status(&state.db, &sig, id, version, editor.id, status)
            .await?;
    saved(outcome).map(|_| ())
}

/// Moves a dragged item to `status`, just before the item `before` (or
/// last): the board's drag and drop.
#[server(endpoint = "place_roadmap_item")]
pub async fn place_roadmap_item(
    sig: String,
    id: i64,
    version: i64,
    status: String,
    before: Option<i64>,
) -> Result<(), AppError> {
    use crate::store::roadmap_changes::{place, Spot};
    let state = crate::state::app_state()?;
    let editor = crate::permissions::sig_editor(&state.db, &sig).await?;
    let status = parse_status(&status)?;
    let outcome = place(
        &state.db,
        &sig,
        id,
        version,
        editor.id,
        status,
        Spot::Before(before),
    )
    .await?;
    saved(outcome).map(|_| ())
}

/// A status sent by a form, or the field error naming the choice.
#[cfg(feature = "ssr")]
fn parse_status(status: &str) -> Result<crate::models::roadmap::RoadmapStatus, AppError> {
    crate::models::roadmap::RoadmapStatus::parse(status.trim()).ok_or_else(|| {
        let mut errors = crate::errors::FieldErrors::default();
        errors.add("status", crate::i18n::t("check-status"));
        errors.into()
    })
}

/// Moves an item one place `up` or `down` in its column.
#[server(endpoint = "reorder_roadmap_item")]
pub async fn reorder_roadmap_item(sig: String, id: i64, direction: String) -> Result<(), AppError> {
    use crate::store::roadmap_changes::{reorder, Direction};
    let state = crate::state::app_state()?;
    let editor = crate::permissions::sig_editor(&state.db, &sig).await?;
    let direction = match direction.as_str() {
        "up" => Direction::Up,
        "down" => Direction::Down,
        _ => return Err(AppError::Rejected(crate::i18n::t("check-direction"))),
    };
    let outcome = reorder(&state.db, &sig, id, direction, editor.id).await?;
    saved(outcome).map(|_| ())
}

/// Deletes an item once the lead ticked the confirmation; back to the board.
#[server(endpoint = "delete_roadmap_item")]
pub async fn delete_roadmap_item(
    sig: String,
    id: i64,
    version: i64,
    confirm: Option<String>,
) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let editor = crate::permissions::sig_editor(&state.db, &sig).await?;
    if confirm.as_deref() != Some("yes") {
        let mut errors = crate::errors::FieldErrors::default();
        errors.add("confirm", crate::i18n::t("check-confirm-delete"));
        return Err(errors.into());
    }
    let outcome =
        crate::store::roadmap_changes::delete(&state.db, &sig, id, version, editor.id).await?;
    saved(outcome)?;
    crate::i18n::redirect(&format!("/sigs/{sig}/roadmap"));
    Ok(())
}

/// Markdown as the item page will show it, for the form's preview
/// (signed-in people only; the same size limit as a description).
#[server(endpoint = "preview_markdown")]
pub async fn preview_markdown(markdown: String) -> Result<String, AppError> {
    use crate::models::roadmap::ITEM_DESCRIPTION_MAX_CHARS;
    let state = crate::state::app_state()?;
    crate::permissions::signed_in(&state.db).await?;
    if markdown.chars().count() > ITEM_DESCRIPTION_MAX_CHARS {
        return Err(AppError::Rejected(format!(
            "A description has at most {ITEM_DESCRIPTION_MAX_CHARS} characters."
        )));
    }
    Ok(crate::markdown::render(&markdown))
}
