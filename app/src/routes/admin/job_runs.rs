//! The admins' list of scheduled job runs: which instance ran each, when,
//! and how it went (a lost run was taken over after its instance stopped).

use leptos::prelude::*;

use crate::api::stewardship::load_job_runs;
use crate::i18n::t;
use crate::models::job_run::JobRun;

/// "2027-03-08 07:00 UTC". The table is rendered on the server only (no
/// island), so the browser build needs no date code.
pub fn moment(unix: i64) -> String {
    #[cfg(feature = "ssr")]
    return chrono::DateTime::from_timestamp(unix, 0)
        .map(|at| at.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    unix.to_string()
}

#[component]
pub fn JobRuns() -> impl IntoView {
    let runs = Resource::new(|| (), |_| load_job_runs());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                runs.await.ok().map(|runs| view! { <RunTable runs /> })
            })}
        </Suspense>
    }
}

#[component]
fn RunTable(runs: Vec<JobRun>) -> impl IntoView {
    let empty = runs.is_empty();
    view! {
        <section class="section" aria-labelledby="admin-jobs">
            <h2 id="admin-jobs">{t("admin-jobs")}</h2>
            <p>{t("admin-jobs-lead")}</p>
            {empty.then(|| view! { <p class="empty">{t("admin-jobs-none")}</p> })}
            {(!empty).then(|| view! {
                <div class="table-scroll">
                    <table>
                        <thead><tr>
                            <th scope="col">{t("admin-jobs-job")}</th>
                            <th scope="col">{t("admin-jobs-started")}</th>
                            <th scope="col">{t("admin-jobs-outcome")}</th>
                            <th scope="col">{t("admin-jobs-instance")}</th>
                        </tr></thead>
                        <tbody>
                            {runs.into_iter().map(|run| view! {
                                <tr>
                                    <th scope="row">{run.job}</th>
                                    <td>{moment(run.started_at)}</td>
                                    <td>{run.outcome}{(!run.detail.is_empty()).then(|| format!(": {}", run.detail))}</td>
                                    <td>{run.instance}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </section>
    }
}
