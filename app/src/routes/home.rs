mod activity;

use crate::components::page_meta::PageMeta;
use leptos::prelude::*;

use activity::Activity;

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
                            <h2 id="figures-heading" class="visually-hidden">{t("home-figures")}</h2>
                            <ul class="stat-list">
                                <li class="stat"><a href=href("/sigs")>{figure("home-sigs", overview.sig_count)}</a></li>
                                <li class="stat"><span>{figure("home-leads", overview.lead_count)}</span></li>
                                <li class="stat"><a href=href("/channels")>{figure("home-channels", overview.channel_count)}</a></li>
                            </ul>
                        </section>
                        <Activity />
                        <section aria-labelledby="guidance-heading">
                            <h2 id="guidance-heading">{t("guidance-title")}</h2>
                            <ul class="card-grid">
                                {overview.guidance.into_iter().map(|page| view! {
                                    <li class="card">
                                        <h3 class="card-title"><a href=href(&format!("/guidance/{}", page.slug))>{page.title}</a></h3>
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

/// "19 SIGs": the figure in the language's digits, in bold, and the words
/// around it chosen by the figure (plural rules).
fn figure(key: &str, count: i64) -> impl IntoView {
    let number = crate::i18n::format::number(crate::i18n::language(), count);
    let text = crate::i18n::t_with(key, &[("count", count.into())]);
    let (before, after) = text
        .split_once(&count.to_string())
        .map_or((text.clone(), String::new()), |(before, after)| {
            (before.to_owned(), after.to_owned())
        });
    view! { {before}<strong>{number}</strong>{after} }
}
