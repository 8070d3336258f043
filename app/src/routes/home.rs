use crate::components::page_meta::PageMeta;
use leptos::prelude::*;

use crate::api::directory::load_overview;
use crate::components::error_notice::ErrorNotice;
use crate::components::site_name::SiteName;

/// The front door: what SIGs are, the community in figures, where to go next.
#[component]
pub fn HomePage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| load_overview());
    let site = expect_context::<SiteName>();
    view! {
        <PageMeta title="Special Interest Groups" path="/"
            description="Special Interest Groups of the community: who leads them, where they talk, what they plan, and how to join." />
        <section class="hero">
            <p class="eyebrow">
                <span><Suspense fallback=|| "Community">{move || site.get()}</Suspense></span>
                " community"
            </p>
            <h1>"Find the group that works on what you care about"</h1>
            <p class="lead-text">
                "Most of our work happens in Special Interest Groups. Each SIG owns a part of the project, "
                "meets in the open and keeps a three-month roadmap. Meet the leads, join the channel, "
                "and pick something to work on."
            </p>
            <ul class="button-row">
                <li><a class="button" href="/sigs">"Browse SIGs"</a></li>
                <li><a class="button button-secondary" href="/guidance">"How SIGs work"</a></li>
            </ul>
        </section>
        <Suspense fallback=|| view! { <p class="loading">"Loading the community…"</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! {
                        <section aria-labelledby="figures-heading" class="figures">
                            <h2 id="figures-heading" class="visually-hidden">"The community in figures"</h2>
                            <ul class="stat-list">
                                <li class="stat"><a href="/sigs"><strong>{overview.sig_count}</strong>" SIGs"</a></li>
                                <li class="stat"><span><strong>{overview.lead_count}</strong>" leads"</span></li>
                                <li class="stat"><a href="/channels"><strong>{overview.channel_count}</strong>" community channels"</a></li>
                            </ul>
                        </section>
                        <section aria-labelledby="guidance-heading">
                            <h2 id="guidance-heading">"How SIGs work"</h2>
                            <ul class="card-grid">
                                {overview.guidance.into_iter().map(|page| view! {
                                    <li class="card">
                                        <h3 class="card-title"><a href=format!("/guidance/{}", page.slug)>{page.title}</a></h3>
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
