//! `/meetings`: every SIG's regular meetings, the soonest first, and the
//! community calendar to subscribe to.

use leptos::prelude::*;

use crate::api::meetings::load_upcoming_meetings;
use crate::components::error_notice::ErrorNotice;
use crate::components::page_meta::PageMeta;
use crate::i18n::{href, t};
use crate::models::meeting::SeriesView;
use crate::routes::sigs::meetings::SeriesCard;

#[component]
pub fn UpcomingMeetingsPage() -> impl IntoView {
    let meetings = Resource::new(|| (), |()| load_upcoming_meetings());
    view! {
        <PageMeta title=t("meetings-title") description=t("meetings-description") path="/meetings" />
        <header class="page-header">
            <p class="eyebrow">{t("meetings-eyebrow")}</p>
            <h1>{t("meetings-title")}</h1>
            <p class="lead-text">{t("meetings-lead")}</p>
            <p class="button-row">
                <a class="button button-secondary" href=href("/meetings.ics")>{t("meetings-subscribe-all")}</a>
            </p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">{t("meetings-loading")}</p> }>
            {move || Suspend::new(async move {
                match meetings.await {
                    Ok(series) if series.is_empty() => view! {
                        <p class="empty">{t("meetings-none")}</p>
                    }.into_any(),
                    Ok(series) => view! {
                        <div class="card-grid">
                            {series.into_iter().map(|series| view! { <SigSeriesCard series /> }).collect_view()}
                        </div>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A series card under the name of its SIG, linked to the SIG's meetings.
#[component]
pub fn SigSeriesCard(series: SeriesView) -> impl IntoView {
    let sig = series.sig_name.clone();
    let link = href(&format!("/sigs/{}/meetings", series.sig_slug));
    // Erased: nested in the home page's views, the full type is too deep
    // for the compiler's layout of the browser build.
    view! {
        <div class="stack-tight">
            <p class="eyebrow"><a href=link>{sig}</a></p>
            <SeriesCard series />
        </div>
    }
    .into_any()
}
