//! `/join`: pick SIGs, say who you are, confirm from your inbox.

pub mod confirm;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::membership::{load_join_page, JoinSigs};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{field_error, Field, FormError, TextArea};
use crate::components::form_draft::ticked_or;
use crate::components::lead_list::lead_names;
use crate::components::page_meta::PageMeta;
use crate::models::account::{EMAIL_MAX_CHARS, GITHUB_MAX_CHARS, NAME_MAX_CHARS};
use crate::models::membership::{JoinChoice, JoinPage, INTEREST_MAX_CHARS};

/// What a visitor reads after asking to join, whatever happened.
pub const CHECK_INBOX_TO_JOIN: &str = "Check your inbox: we sent a link to confirm. \
     It may take a minute to arrive, and it expires in 48 hours.";

#[component]
pub fn JoinSigPage() -> impl IntoView {
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    let page = Resource::new(|| (), |_| load_join_page());
    view! {
        <PageMeta title="Join a SIG" path="/join"
            description="Pick the Special Interest Groups you would like to take part in and join them in a minute." />
        <header class="page-header">
            <h1>"Join a SIG"</h1>
            <p class="lead-text">
                "Pick the groups you would like to take part in, tell us who you are, and confirm from your inbox. You can leave again with one click."
            </p>
        </header>
        <Show when=move || !sent() fallback=|| view! {
            <div class="notice notice-success" role="status"><p>{CHECK_INBOX_TO_JOIN}</p></div>
        }>
            <Suspense fallback=|| view! { <p class="loading">"Loading SIGs…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <JoinForm page /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </Show>
    }
}

#[component]
fn JoinForm(page: JoinPage) -> impl IntoView {
    // `?sig=storage`, from a SIG's "Join" button, ticks that SIG.
    let preselected = use_query_map()
        .read_untracked()
        .get("sig")
        .unwrap_or_default();
    let action = ServerAction::<JoinSigs>::new();
    let value = Signal::derive(move || action.value().get());
    let sigs_error = field_error(value, "sigs");
    view! {
        <FormError value />
        <ActionForm action attr:class="form join-form" attr:novalidate="true">
            <fieldset class="join-step" id="sigs-field" aria-describedby="join-sigs-error">
                <legend>"1. Pick one or more SIGs"</legend>
                <p class="field-error" id="join-sigs-error" role="alert">{move || sigs_error.get()}</p>
                <ul class="pick-grid">
                    {page.choices.into_iter().map(|choice| {
                        let checked = choice.slug == preselected;
                        view! { <PickCard choice checked /> }
                    }).collect_view()}
                </ul>
            </fieldset>
            <fieldset class="join-step">
                <legend>"2. About you"</legend>
                {match page.signed_in_as {
                    Some(name) => view! {
                        <p>"You are signed in as "<strong>{name}</strong>": you join with your account, no e-mail to confirm."</p>
                    }.into_any(),
                    None => view! {
                        <Field label="Your name" name="form[display_name]" id="join-name" autocomplete="name"
                            maxlength=NAME_MAX_CHARS error=field_error(value, "display_name") />
                        <Field label="E-mail address" name="form[email]" id="join-email" kind="email" autocomplete="email"
                            maxlength=EMAIL_MAX_CHARS hint="We send a link to confirm. It is never shown on the site."
                            error=field_error(value, "email") />
                        <Field label="GitHub handle" name="form[github_handle]" id="join-github" autocomplete="username"
                            maxlength=GITHUB_MAX_CHARS required=false error=field_error(value, "github_handle") />
                    }.into_any(),
                }}
                <TextArea label="What would you like to work on? (optional)" name="form[interest]" id="join-interest"
                    rows=3 maxlength=INTEREST_MAX_CHARS value=String::new()
                    hint="The SIG's leads read this, to help you find a first task."
                    error=field_error(value, "interest") />
                // People never see this field; bots fill it in.
                <div class="honeypot" aria-hidden="true">
                    <label for="join-website">"Leave this field empty"</label>
                    <input id="join-website" name="form[website]" type="text" tabindex="-1" autocomplete="off" />
                </div>
            </fieldset>
            <button type="submit" class="button">"Join"</button>
        </ActionForm>
    }
}

/// One SIG to tick: its name, what it does, its leads and how it takes members.
#[component]
fn PickCard(choice: JoinChoice, checked: bool) -> impl IntoView {
    let id = format!("join-{}", choice.slug);
    let name = format!("form[sigs][{}]", choice.slug);
    let checked = ticked_or(&name, checked);
    let leads = lead_names(&choice.leads);
    let current = choice.status.filter(|status| status.is_current());
    view! {
        <li class="pick-card">
            <input type="checkbox" id=id.clone() name=name value="on"
                checked=checked disabled=current.is_some() />
            <label for=id>
                <strong>{choice.name}</strong>
                <span class="pick-text">{if choice.description.is_empty() { "No description yet.".to_owned() } else { choice.description }}</span>
                <span class="pick-meta">{if leads.is_empty() { "No leads listed".to_owned() } else { format!("Leads: {leads}") }}</span>
                {choice.next_meeting.map(|next| view! {
                    <span class="pick-meta">"Next meeting: "<time datetime=next.starts_iso>{next.in_zone}" "{next.zone_label}</time></span>
                })}
                {choice.needs_approval.then(|| view! { <span class="badge">"Leads approve requests"</span> })}
                {current.map(|status| view! { <span class="badge badge-status">{status.label()}</span> })}
            </label>
        </li>
    }
}
