//! `/my/leading`: a lead's home. For each SIG they lead, what waits for
//! them, with the way to act on each.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::leading::load_leading;
use crate::components::error_notice::{refuse_page, ErrorNotice};
use crate::components::meeting_time::MeetingTime;
use crate::errors::AppError;
use crate::models::leading::{ItemToSee, LeadingSig, Newcomer};

#[component]
pub fn MyLeadingPage() -> impl IntoView {
    let sigs = Resource::new(|| (), |_| load_leading());
    view! {
        <Title text="Leading" />
        <header class="page-header">
            <h1>"Leading"</h1>
            <p class="lead-text">"What waits for you in the groups you lead."</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match sigs.await {
                    Ok(sigs) if sigs.is_empty() => view! {
                        <div class="empty-state">
                            <p>"You do not lead a SIG. Leads are appointed by the community's admins."</p>
                            <p><a href=crate::i18n::href("/my/sigs")>"Your SIGs"</a></p>
                        </div>
                    }.into_any(),
                    Ok(sigs) => sigs.into_iter().map(|sig| view! { <LeadingSection sig /> }).collect_view().into_any(),
                    Err(error) => {
                        refuse_page(&error);
                        match error {
                            AppError::Unauthorized => ().into_any(),
                            error => view! { <ErrorNotice error /> }.into_any(),
                        }
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn LeadingSection(sig: LeadingSig) -> impl IntoView {
    let quiet = sig.is_quiet();
    let base = format!("/sigs/{}", sig.slug);
    let (heading, labelled_by) = (
        format!("leading-{}", sig.slug),
        format!("leading-{}", sig.slug),
    );
    view! {
        <section class="section panel leading" aria-labelledby=labelled_by>
            <h2 id=heading><a href=base.clone()>{sig.name.clone()}</a></h2>
            <p class="card-meta">{sig.role_label.clone()}</p>
            {quiet.then(|| view! { <p>"Nothing waits for you here."</p> })}
            {(!sig.waiting.is_empty()).then(|| view! {
                <h3>{format!("Requests to answer ({})", sig.waiting.len())}</h3>
                <People people=sig.waiting.clone() when="asked" />
                <p><a class="button button-small" href=format!("{base}/members")>"Answer the requests"</a></p>
            })}
            {(!sig.new_members.is_empty()).then(|| view! {
                <h3>{format!("Joined since you last looked ({})", sig.new_members.len())}</h3>
                <People people=sig.new_members.clone() when="joined" />
            })}
            {(!sig.overdue.is_empty()).then(|| view! {
                <h3>{format!("Overdue items ({})", sig.overdue.len())}</h3>
                <Items items=sig.overdue.clone() />
            })}
            {(!sig.ownerless.is_empty()).then(|| view! {
                <h3>{format!("Items without an owner ({})", sig.ownerless.len())}</h3>
                <Items items=sig.ownerless.clone() />
            })}
            {sig.next_meeting.clone().map(|next| view! {
                <h3>"Next meeting"</h3>
                <p>{next.title}": "<MeetingTime instant=next.when /></p>
                {(!next.has_record).then(|| view! {
                    <p>
                        "No agenda or notes page yet. "
                        <a href=format!("{base}/meetings/new")>"Write the agenda"</a>
                    </p>
                })}
            })}
            <p class="button-row">
                <a class="button button-small button-secondary" href=format!("{base}/members")>"Members and requests"</a>
                <a class="button button-small button-secondary" href=format!("{base}/roadmap")>"Roadmap"</a>
                <a class="button button-small button-secondary" href=format!("{base}/meetings")>"Meetings"</a>
            </p>
        </section>
    }
}

#[component]
fn People(people: Vec<Newcomer>, when: &'static str) -> impl IntoView {
    view! {
        <ul class="plain-list">
            {people.into_iter().map(|person| view! {
                <li>
                    <strong>{person.display_name}</strong>
                    <span class="card-meta">{format!(" · {when} {}", person.since_label)}</span>
                    {(!person.interest.is_empty()).then(|| view! {
                        <p class="card-text">"Wants to work on: "{person.interest}</p>
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Items(items: Vec<ItemToSee>) -> impl IntoView {
    view! {
        <ul class="plain-list">
            {items.into_iter().map(|item| view! {
                <li><a href=item.href>{item.title}</a><span class="card-meta">{format!(" · {}", item.target_label)}</span></li>
            }).collect_view()}
        </ul>
    }
}
