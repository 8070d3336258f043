//! `/meetings`: every SIG's regular meetings, the soonest first, and the
//! community calendar to subscribe to.

use leptos::prelude::*;

use crate::api::meetings::load_upcoming_meetings;
use crate::components::error_notice::ErrorNotice;
use crate::components::page_meta::PageMeta;
use crate::routes::sigs::meetings::SeriesCard;

#[component]
pub fn UpcomingMeetingsPage() -> impl IntoView {
    let meetings = Resource::new(|| (), |()| load_upcoming_meetings());
    view! {
        <PageMeta title=crate::i18n::t("meetings-title")
            description="When each SIG meets next, in your time zone, with a calendar to subscribe to.".to_owned()
            path="/meetings".to_owned() />
        <header class="page-header">
            <p class="eyebrow">"Community calendar"</p>
            <h1>"Meetings"</h1>
            <p class="lead-text">"Every SIG meets in the open. Pick one and drop in: no invitation needed."</p>
            <p class="button-row">
                <a class="button button-secondary" href="/meetings.ics">"Subscribe to all meetings"</a>
            </p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">"Loading meetings…"</p> }>
            {move || Suspend::new(async move {
                match meetings.await {
                    Ok(series) if series.is_empty() => view! {
                        <p class="empty">"No SIG has a regular meeting yet."</p>
                    }.into_any(),
                    Ok(series) => view! {
                        <div class="card-grid">
                            {series.into_iter().map(|series| {
                                let sig = series.sig_name.clone();
                                let href = format!("/sigs/{}/meetings", series.sig_slug);
                                view! {
                                    <div class="stack-tight">
                                        <p class="eyebrow"><a href=href>{sig}</a></p>
                                        <SeriesCard series />
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
