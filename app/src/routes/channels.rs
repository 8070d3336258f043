use crate::components::page_meta::PageMeta;
use leptos::prelude::*;

use crate::api::guidance::list_channels;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::t;
use crate::models::channel::{Channel, ChannelKind};

/// Community-wide chat: general channels and local-language communities.
#[component]
pub fn ChannelsPage() -> impl IntoView {
    let channels = Resource::new(|| (), |_| list_channels());
    view! {
        <PageMeta title=t("channels-title") path="/channels" description=t("channels-description") />
        <header class="page-header">
            <h1>{t("channels-title")}</h1>
            <p class="lead-text">{t("channels-lead")}</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">{t("channels-loading")}</p> }>
            {move || Suspend::new(async move {
                match channels.await {
                    Ok(channels) => {
                        let (general, local): (Vec<Channel>, Vec<Channel>) =
                            channels.into_iter().partition(|c| c.kind == ChannelKind::General);
                        view! {
                            <ChannelSection id="general" title=t("channels-general") channels=general
                                empty=t("channels-no-general") />
                            <ChannelSection id="local" title=t("channels-local") channels=local
                                empty=t("channels-no-local") />
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChannelSection(
    id: &'static str,
    title: String,
    channels: Vec<Channel>,
    empty: String,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section aria-labelledby=labelled_by class="section">
            <h2 id=heading_id>{title}</h2>
            {if channels.is_empty() {
                view! { <p class="empty">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="card-grid">
                        {channels.into_iter().map(|channel| view! {
                            <li class="card channel-card">
                                <h3 class="card-title">{channel.purpose}</h3>
                                <a href=channel.url rel="noopener">{channel.name}</a>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
