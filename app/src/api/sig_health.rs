//! A SIG's health page and its annual reports.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::annual_report::{AnnualReport, ReportForm};
use crate::models::sig_health::SigHealthPage;

/// The last twelve months of the SIG `slug`, with their charts; 404 for an
/// unknown SIG.
#[server]
pub async fn load_sig_health(slug: String) -> Result<SigHealthPage, AppError> {
    let state = crate::state::app_state()?;
    let mut page = crate::store::sig_health::page(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let language = crate::i18n::language();
    let labels: Vec<String> = page
        .months
        .iter()
        .map(|figures| crate::i18n::format::short_month(language, figures.month.month()))
        .collect();
    page.charts = crate::charts::health_charts(&page.months, &labels);
    let account = crate::auth::current_account(&state.db).await?;
    page.can_edit = may_edit(&state.db, &slug, account.as_ref()).await?;
    Ok(page)
}

/// Whether `account` may edit the SIG's reports (its chairs and tech leads, admins).
#[cfg(feature = "ssr")]
async fn may_edit(
    db: &crate::store::Database,
    slug: &str,
    account: Option<&crate::store::accounts::Account>,
) -> Result<bool, AppError> {
    let Some(account) = account else {
        return Ok(false);
    };
    Ok(crate::permissions::SigRights::of(db, slug, account)
        .await?
        .may_edit())
}

/// Whether the year is one a report may be written for.
#[cfg(feature = "ssr")]
fn check_year(db: &crate::store::Database, year: i64) -> Result<(), AppError> {
    let this_year = i64::from(db.clock.this_month().year());
    if (crate::models::annual_report::FIRST_YEAR..=this_year).contains(&year) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The report of `year` as `account` may see it: published for everyone,
/// a draft for its leads; 404 for a year outside the site's, or a draft
/// asked for by anyone else. The markdown download reads it here too.
#[cfg(feature = "ssr")]
pub async fn report_for(
    db: &crate::store::Database,
    slug: &str,
    year: i64,
    account: Option<&crate::store::accounts::Account>,
) -> Result<AnnualReport, AppError> {
    check_year(db, year)?;
    let sig = crate::store::sig_health::find_sig(db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let stored = crate::store::sig_reports::find(db, sig.id, year).await?;
    let can_edit = may_edit(db, slug, account).await?;
    let published_at = stored.as_ref().and_then(|report| report.published_at);
    if published_at.is_none() && !can_edit {
        return Err(AppError::NotFound);
    }
    let figures = crate::store::sig_health::year_figures(db, &sig, year).await?;
    let (prose, version) = stored
        .map(|report| (report.prose, report.version))
        .unwrap_or_default();
    Ok(AnnualReport {
        slug: sig.slug,
        name: sig.name,
        year,
        figures,
        rendered: crate::models::annual_report::Section::ALL
            .into_iter()
            .map(|section| crate::markdown::render(prose.section(section)))
            .collect(),
        prose,
        published_on: published_at.map(|at| crate::i18n::format::day_of(Some(at))),
        version,
        can_edit,
    })
}

/// The report of `year` for the page (see `report_for`).
#[server]
pub async fn load_report(slug: String, year: i64) -> Result<AnnualReport, AppError> {
    let state = crate::state::app_state()?;
    let account = crate::auth::current_account(&state.db).await?;
    report_for(&state.db, &slug, year, account.as_ref()).await
}

/// Saves a report's prose, and publishes or withdraws it as asked (its
/// leads and admins). A save over a version someone else moved on from is
/// refused with what is stored now.
#[server(endpoint = "save_report")]
pub async fn save_report(form: ReportForm) -> Result<(), AppError> {
    use crate::models::annual_report::{ReportIntent, Section};
    use crate::store::sig_reports::{Publication, Saved};
    let state = crate::state::app_state()?;
    let slug = form.slug.trim();
    let account = crate::permissions::sig_editor(&state.db, slug).await?;
    let year: i64 = form.year.trim().parse().map_err(|_| AppError::NotFound)?;
    check_year(&state.db, year)?;
    let version: i64 = form.version.trim().parse().unwrap_or(0);
    let prose = form.validate()?;
    let sig = crate::store::sig_health::find_sig(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let intent = ReportIntent::parse(form.intent.trim());
    let publication = match intent {
        ReportIntent::Save => Publication::Keep,
        ReportIntent::Publish => Publication::Publish,
        ReportIntent::Withdraw => Publication::Withdraw,
    };
    let saved = crate::store::sig_reports::save(
        &state.db,
        sig.id,
        year,
        account.id,
        version,
        &prose,
        publication,
    )
    .await?;
    match saved {
        Saved::Written(_) => {
            crate::i18n::redirect(&format!(
                "/sigs/{slug}/reports/{year}?saved={}",
                intent.as_str()
            ));
            Ok(())
        }
        Saved::Conflict(stored) => {
            Err(AppError::Conflict(Box::new(crate::errors::CurrentValues {
                version: stored.version,
                fields: Section::ALL
                    .into_iter()
                    .map(|section| (section.heading(), stored.prose.section(section).to_owned()))
                    .collect(),
            })))
        }
    }
}
