//! Reading the SIG directory: the list, one SIG, the home page figures.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::community::{CommunityOverview, SiteInfo};
use crate::models::sig::{SigDetail, SigSummary};

/// The site's name and public address as configured on the server.
#[server]
pub async fn load_site_info() -> Result<SiteInfo, AppError> {
    let site = crate::state::app_state()?.site.clone();
    Ok(SiteInfo {
        name: site.site_name,
        public_url: site.public_url.clone(),
        sign_in_with: site.sign_in_with,
    })
}

/// Every active SIG with its leads. Filtering happens where it is shown, so
/// the directory filters instantly in the browser and via `?q=` without it.
/// Descriptions come in the page's language where the leads wrote one.
#[server]
pub async fn list_sigs() -> Result<Vec<SigSummary>, AppError> {
    let state = crate::state::app_state()?;
    let mut sigs = crate::store::sigs::list_active(&state.db).await?;
    crate::store::translations::translate_descriptions(
        &state.db,
        crate::i18n::language(),
        sigs.iter_mut()
            .map(|sig| (sig.slug.as_str(), &mut sig.description)),
    )
    .await?;
    Ok(sigs)
}

/// One SIG's page data, its description and mission in the page's
/// language where the leads wrote them; `NotFound` for an unknown slug.
#[server]
pub async fn get_sig(slug: String) -> Result<SigDetail, AppError> {
    let state = crate::state::app_state()?;
    let mut sig = crate::store::sigs::find_by_slug(&state.db, &slug, crate::markdown::render)
        .await?
        .ok_or(AppError::NotFound)?;
    let language = crate::i18n::language();
    if !language.is_default() {
        let texts = crate::store::translations::sig_texts(&state.db, &slug, language).await?;
        if !texts.description.trim().is_empty() {
            sig.summary.description = texts.description;
        } else {
            sig.description_untranslated = !sig.summary.description.is_empty();
        }
        if !texts.mission.trim().is_empty() {
            sig.mission_html = crate::markdown::render(&texts.mission);
        } else {
            sig.mission_untranslated = !sig.mission_html.trim().is_empty();
        }
    }
    Ok(sig)
}

/// The figures and guidance links of the home page.
#[server]
pub async fn load_overview() -> Result<CommunityOverview, AppError> {
    let state = crate::state::app_state()?;
    let (sig_count, lead_count) = crate::store::sigs::counts(&state.db).await?;
    let channel_count = crate::store::pages::list_channels(&state.db).await?.len() as i64;
    let mut guidance =
        crate::store::pages::list_pages(&state.db, crate::api::guidance::card_summary).await?;
    crate::api::guidance::translate_links(&state.db, &mut guidance).await?;
    Ok(CommunityOverview {
        sig_count,
        lead_count,
        channel_count,
        guidance,
    })
}
