//! `/sigs/:slug/welcome`: how to take part in a SIG, shown after joining.

use leptos::prelude::*;

use crate::components::meeting_time::MeetingTime;
use crate::components::page_loader::PageLoader;
use leptos_router::hooks::use_params_map;

use crate::api::membership::load_welcome;
use crate::components::lead_list::LeadList;
use crate::components::page_meta::PageMeta;
use crate::components::roadmap_card::RoadmapCardView;
use crate::models::membership::{MembershipStatus, Welcome};

#[component]
pub fn WelcomePage() -> impl IntoView {
    let params = use_params_map();
    let welcome = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_welcome,
    );
    view! {
        <PageLoader resource=welcome show=move |welcome| {
            view! { <WelcomeDetails welcome /> }.into_any()
        } />
    }
}

#[component]
fn WelcomeDetails(welcome: Welcome) -> impl IntoView {
    let Welcome {
        slug,
        name,
        chat_channel,
        mailing_list_url,
        meeting_notes_url,
        recordings_url,
        meetings,
        leads,
        open_items,
        status,
    } = welcome;
    let heading = match status {
        Some(MembershipStatus::Active) => format!("Welcome to {name}"),
        Some(MembershipStatus::AwaitingApproval) => {
            format!("Your request to join {name} is with its leads")
        }
        _ => format!("Take part in {name}"),
    };
    let intro = match status {
        Some(MembershipStatus::Active) => "You are a member. Here is how to get started.",
        Some(MembershipStatus::AwaitingApproval) => {
            "You will get an e-mail when they decide. Meanwhile, here is how the group works."
        }
        _ => "Anyone can follow along; joining puts you on the roster and the leads' radar.",
    };
    let joined = status.is_some_and(MembershipStatus::is_current);
    view! {
        <PageMeta title=heading.clone() description=format!("How to take part in {name}: chat, meetings, open roadmap items and leads.")
            path=format!("/sigs/{slug}/welcome") />
        <nav aria-label="Breadcrumb" class="breadcrumb"><a href=crate::i18n::href(&format!("/sigs/{slug}"))>{name.clone()}</a></nav>
        <header class="page-header">
            <p class="eyebrow">"Next steps"</p>
            <h1>{heading}</h1>
            <p class="lead-text">{intro}</p>
            <p class="button-row">
                {if joined {
                    view! { <a class="button button-secondary" href=crate::i18n::href("/my/sigs")>"My SIGs"</a> }.into_any()
                } else {
                    view! { <a class="button" href=crate::i18n::href(&format!("/join?sig={slug}"))>{format!("Join {name}")}</a> }.into_any()
                }}
            </p>
        </header>
        <ol class="steps">
            <li class="panel">
                <h2>"Say hello in the chat"</h2>
                {match chat_channel {
                    Some(channel) => view! { <p>"Introduce yourself in "<a href=channel.url rel="noopener">{channel.label}</a>"."</p> }.into_any(),
                    None => view! { <p class="empty">"The SIG has no chat channel yet; the leads below are happy to hear from you."</p> }.into_any(),
                }}
                {mailing_list_url.map(|url| view! { <p>"Follow the "<a href=url rel="noopener">"mailing list"</a>"."</p> })}
            </li>
            <li class="panel">
                <h2>"Come to a meeting"</h2>
                {meetings.into_iter().map(|series| view! {
                    <div class="meeting-summary">
                        <p><strong>{series.title.clone()}</strong>" · "{series.rule.clone()}</p>
                        {series.next.clone().map(|instant| view! { <MeetingTime instant /> })}
                        {series.join_url.clone().map(|url| view! { <p><a href=url rel="noopener">"Join the call"</a></p> })}
                    </div>
                }).collect_view()}
                <p><a href=crate::i18n::href(&format!("/sigs/{slug}/meetings"))>"All meetings and past notes"</a></p>
                {match meeting_notes_url {
                    Some(url) => view! { <p>"Read the "<a href=url rel="noopener">"meeting notes"</a>" to see what was decided lately and when the group meets."</p> }.into_any(),
                    None => view! { <p class="empty">"No meeting notes are linked yet; ask in the chat when the group meets."</p> }.into_any(),
                }}
                {recordings_url.map(|url| view! { <p>"Catch up with the "<a href=url rel="noopener">"recordings"</a>"."</p> })}
            </li>
            <li class="panel">
                <h2>"Pick something to help with"</h2>
                {if open_items.is_empty() {
                    view! { <p class="empty">"No roadmap item is waiting for an owner right now. "<a href=crate::i18n::href(&format!("/sigs/{slug}/roadmap"))>"See the roadmap"</a>"."</p> }.into_any()
                } else {
                    view! {
                        <p>"These roadmap items have no owner yet:"</p>
                        <ul class="card-grid">
                            {open_items.into_iter().map(|card| view! { <RoadmapCardView card /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </li>
            <li class="panel">
                <h2>"Meet the leads"</h2>
                <LeadList leads />
            </li>
        </ol>
    }
}
