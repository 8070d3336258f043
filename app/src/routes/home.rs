use crate::components::page_meta::PageMeta;
use leptos::prelude::*;

use crate::api::directory::load_overview;
use crate::components::error_notice::ErrorNotice;
use crate::components::site_name::SiteName;
use crate::i18n::{href, t, t_with};

/// The front door: what SIGs are, the community in figures, where to go next.
#[component]
pub fn HomePage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| load_overview());
    let site = expect_context::<SiteName>();
    view! {
        <PageMeta title=t("home-title") path="/" description=t("home-description") />
        <section class="hero">
            <p class="eyebrow">
                <Suspense fallback=|| t_with("home-eyebrow", &[("site", "sigpost".into())])>
                    {move || t_with("home-eyebrow", &[("site", site.get().into())])}
                </Suspense>
            </p>
            <h1>{t("home-heading")}</h1>
            <p class="lead-text">{t("home-lead")}</p>
            <ul class="button-row">
                <li><a class="button" href=href("/sigs")>{t("home-browse")}</a></li>
                <li><a class="button button-secondary" href=href("/guidance")>{t("home-how")}</a></li>
            </ul>
        </section>
        <Suspense fallback=|| view! { <p class="loading">{t("home-loading")}</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! {
                        <section aria-labelledby="figures-heading" class="figures">
                            <h2 id="figures-heading" class="visually-hidden">"The community in figures"</h2>
                            <ul class="stat-list">
                                <li class="stat"><a href=crate::i18n::href("/sigs")><strong>{overview.sig_count}</strong>" SIGs"</a></li>
                                <li class="stat"><span><strong>{overview.lead_count}</strong>" leads"</span></li>
                                <li class="stat"><a href=crate::i18n::href("/channels")><strong>{overview.channel_count}</strong>" community channels"</a></li>
                            </ul>
                        </section>
                        <section aria-labelledby="guidance-heading">
                            <h2 id="guidance-heading">"How SIGs work"</h2>
                            <ul class="card-grid">
                                {overview.guidance.into_iter().map(|page| view! {
                                    <li class="card">
                                        <h3 class="card-title"><a href=crate::i18n::href(&format!("/guidance/{}", page.slug))>{page.title}</a></h3>
                                        <p class="card-text">{page.summary}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
