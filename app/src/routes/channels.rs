use crate::components::page_meta::PageMeta;
use leptos::prelude::*;

use crate::api::guidance::list_channels;
use crate::components::error_notice::ErrorNotice;
use crate::models::channel::{Channel, ChannelKind};

/// Community-wide chat: general channels and local-language communities.
#[component]
pub fn ChannelsPage() -> impl IntoView {
    let channels = Resource::new(|| (), |_| list_channels());
    view! {
        <PageMeta title=crate::i18n::t("channels-title") path="/channels"
            description="Where the community talks: general channels and local-language communities." />
        <header class="page-header">
            <h1>"Chat channels"</h1>
            <p class="lead-text">
                "Besides each SIG's own channel, these are open to everyone. Say hello, ask questions, find people who speak your language."
            </p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">"Loading channels…"</p> }>
            {move || Suspend::new(async move {
                match channels.await {
                    Ok(channels) => {
                        let (general, local): (Vec<Channel>, Vec<Channel>) =
                            channels.into_iter().partition(|c| c.kind == ChannelKind::General);
                        view! {
                            <ChannelSection id="general" title="General channels" channels=general
                                empty="No general channels are listed yet." />
                            <ChannelSection id="local" title="Local communities" channels=local
                                empty="No local-language communities are listed yet." />
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
    title: &'static str,
    channels: Vec<Channel>,
    empty: &'static str,
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
