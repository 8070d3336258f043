//! Reading governance pages and community channels.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::channel::Channel;
use crate::models::page::{GuidancePage, PageLink};

/// The governance pages, in reading order, in the page's language where
/// they are translated.
#[server]
pub async fn list_guidance() -> Result<Vec<PageLink>, AppError> {
    let state = crate::state::app_state()?;
    let mut pages = crate::store::pages::list_pages(&state.db, card_summary).await?;
    translate_links(&state.db, &mut pages).await?;
    Ok(pages)
}

/// Puts the translated titles and summaries of the page's language on
/// `pages` (the home page lists them too).
#[cfg(feature = "ssr")]
pub(crate) async fn translate_links(
    db: &crate::store::Database,
    pages: &mut [PageLink],
) -> Result<(), sqlx::Error> {
    let language = crate::i18n::language();
    if language.is_default() {
        return Ok(());
    }
    let mut translated = crate::store::translations::page_texts(db, language).await?;
    for page in pages {
        if let Some(text) = translated.remove(&page.slug) {
            if !text.title.trim().is_empty() {
                page.title = text.title;
            }
            if !text.markdown.trim().is_empty() {
                page.summary = card_summary(&text.markdown);
            }
        }
    }
    Ok(())
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
    let mut page = crate::store::pages::find_page(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let language = crate::i18n::language();
    let (mut title_untranslated, mut text_untranslated) = (false, false);
    if !language.is_default() {
        let text = crate::store::translations::page_text(&state.db, &slug, language).await?;
        match text.title.trim().is_empty() {
            true => title_untranslated = true,
            false => page.title = text.title,
        }
        match text.markdown.trim().is_empty() {
            true => text_untranslated = !page.body_markdown.trim().is_empty(),
            false => page.body_markdown = text.markdown,
        }
    }
    Ok(GuidancePage {
        html: crate::markdown::render(&page.body_markdown),
        summary: crate::markdown::plain_summary(&page.body_markdown, 160),
        slug: page.slug,
        title: page.title,
        title_untranslated,
        text_untranslated,
    })
}

/// Community-wide chat channels: general first, then local communities.
#[server]
pub async fn list_channels() -> Result<Vec<Channel>, AppError> {
    let state = crate::state::app_state()?;
    Ok(crate::store::pages::list_channels(&state.db).await?)
}
