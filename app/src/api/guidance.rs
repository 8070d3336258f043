//! Reading governance pages and community channels.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::channel::Channel;
use crate::models::page::{GuidancePage, PageLink};

/// The governance pages, in reading order.
#[server]
pub async fn list_guidance() -> Result<Vec<PageLink>, AppError> {
    let state = crate::state::app_state()?;
    Ok(crate::store::pages::list_pages(&state.db, card_summary).await?)
}

/// The summary under a page's title on cards.
#[cfg(feature = "ssr")]
pub(crate) fn card_summary(markdown: &str) -> String {
    crate::markdown::plain_summary(markdown, 140)
}

/// One governance page, rendered and sanitised; `NotFound` for an unknown slug.
#[server]
pub async fn get_guidance(slug: String) -> Result<GuidancePage, AppError> {
    let state = crate::state::app_state()?;
    let page = crate::store::pages::find_page(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(GuidancePage {
        html: crate::markdown::render(&page.body_markdown),
        summary: crate::markdown::plain_summary(&page.body_markdown, 160),
        slug: page.slug,
        title: page.title,
    })
}

/// Community-wide chat channels: general first, then local communities.
#[server]
pub async fn list_channels() -> Result<Vec<Channel>, AppError> {
    let state = crate::state::app_state()?;
    Ok(crate::store::pages::list_channels(&state.db).await?)
}
