//! Reading the SIG directory: the list, one SIG, the home page figures.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::community::{CommunityOverview, HomeActivity, SiteInfo};
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

/// The home page's signs of life: the next meetings (shown in the viewer's
/// zone once hydrated), the newest roadmap changes, open items nobody owns
/// yet, and the SIGs added last.
#[server]
pub async fn load_home_activity() -> Result<HomeActivity, AppError> {
    use crate::i18n::format::day_of;
    use crate::models::community::{NewSig, RecentChange};
    // How many of each the home page lists.
    const HOME_MEETINGS: usize = 3;
    const HOME_CHANGES: i64 = 5;
    const HOME_HELP_WANTED: usize = 6;
    const HOME_NEW_SIGS: i64 = 3;
    let state = crate::state::app_state()?;
    let mut next_meetings = crate::api::meetings::load_upcoming_meetings().await?;
    next_meetings.retain(|series| series.next.is_some());
    next_meetings.truncate(HOME_MEETINGS);
    let changes = crate::store::roadmap::recent_changes(&state.db, None, HOME_CHANGES)
        .await?
        .into_iter()
        .map(|change| RecentChange {
            item_path: (change.action != "deleted")
                .then(|| format!("/sigs/{}/roadmap/{}", change.sig_slug, change.item_id)),
            sig_slug: change.sig_slug,
            sig_name: change.sig_name,
            item_title: change.item_title,
            summary: change.summary,
            day: day_of(Some(change.changed_at)),
        })
        .collect();
    let help_wanted = crate::store::roadmap::community(&state.db, state.clock.this_month())
        .await?
        .into_iter()
        .filter(|card| card.owner.is_none() && card.status.is_open())
        .take(HOME_HELP_WANTED)
        .collect();
    let newest_sigs = crate::store::sigs::newest(&state.db, HOME_NEW_SIGS)
        .await?
        .into_iter()
        .map(|(slug, name, created_at)| NewSig {
            slug,
            name,
            added: day_of(Some(created_at)),
        })
        .collect();
    Ok(HomeActivity {
        next_meetings,
        changes,
        help_wanted,
        newest_sigs,
    })
}
