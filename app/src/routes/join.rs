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
use crate::components::sign_in_with::SignInWith;
use crate::i18n::{t, t_with};
use crate::models::account::{EMAIL_MAX_CHARS, GITHUB_MAX_CHARS, NAME_MAX_CHARS};
use crate::models::membership::{JoinChoice, JoinPage, INTEREST_MAX_CHARS};

#[component]
pub fn JoinSigPage() -> impl IntoView {
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    let page = Resource::new(|| (), |_| load_join_page());
    view! {
        <PageMeta title=t("join-title") path="/join" description=t("join-description") />
        <header class="page-header">
            <h1>{t("join-title")}</h1>
            <p class="lead-text">{t("join-lead")}</p>
        </header>
        <Show when=move || !sent() fallback=|| view! {
            <div class="notice notice-success" role="status"><p>{t("join-check-inbox")}</p></div>
        }>
            <Suspense fallback=|| view! { <p class="loading">{t("loading-sigs")}</p> }>
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
    // Back here afterwards, with the same SIG ticked.
    let slug: String = preselected
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let next = if slug.is_empty() {
        "/join".to_owned()
    } else {
        format!("/join?sig={slug}")
    };
    let signed_out = page.signed_in_as.is_none();
    view! {
        {signed_out.then(|| view! { <SignInWith next lead="join-sign-in-with" /> })}
        <FormError value />
        <ActionForm action attr:class="form join-form" attr:novalidate="true">
            <fieldset class="join-step" id="sigs-field" aria-describedby="join-sigs-error">
                <legend>{t("join-step-sigs")}</legend>
                <p class="field-error" id="join-sigs-error" role="alert">{move || sigs_error.get()}</p>
                <ul class="pick-grid">
                    {page.choices.into_iter().map(|choice| {
                        let checked = choice.slug == preselected;
                        view! { <PickCard choice checked /> }
                    }).collect_view()}
                </ul>
            </fieldset>
            <fieldset class="join-step">
                <legend>{t("join-step-you")}</legend>
                {match page.signed_in_as {
                    Some(name) => view! {
                        <p>{t_with("join-signed-in-as", &[("name", name.into())])}</p>
                    }.into_any(),
                    None => view! {
                        <Field label=t("join-name") name="form[display_name]" id="join-name" autocomplete="name"
                            maxlength=NAME_MAX_CHARS error=field_error(value, "display_name") />
                        <Field label=t("join-email") name="form[email]" id="join-email" kind="email" autocomplete="email"
                            maxlength=EMAIL_MAX_CHARS hint=t("join-email-hint")
                            error=field_error(value, "email") />
                        <Field label=t("join-github") name="form[github_handle]" id="join-github" autocomplete="username"
                            maxlength=GITHUB_MAX_CHARS required=false error=field_error(value, "github_handle") />
                    }.into_any(),
                }}
                <TextArea label=t("join-interest") name="form[interest]" id="join-interest"
                    rows=3 maxlength=INTEREST_MAX_CHARS value=String::new()
                    hint=t("join-interest-hint")
                    error=field_error(value, "interest") />
                <label for="join-digest" class="check-label">
                    <input type="checkbox" id="join-digest" name="form[weekly_digest]" value="on"
                        checked=crate::components::form_draft::ticked_or("form[weekly_digest]", false) />
                    {t("join-digest")}
                </label>
                // People never see this field; bots fill it in.
                <div class="honeypot" aria-hidden="true">
                    <label for="join-website">{t("join-honeypot")}</label>
                    <input id="join-website" name="form[website]" type="text" tabindex="-1" autocomplete="off" />
                </div>
            </fieldset>
            <button type="submit" class="button">{t("join-submit")}</button>
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
                <span class="pick-text">{if choice.description.is_empty() { t("join-no-description") } else { choice.description }}</span>
                <span class="pick-meta">{if leads.is_empty() { t("join-no-leads") } else { t_with("join-leads", &[("names", leads.into())]) }}</span>
                {choice.next_meeting.map(|next| view! {
                    <span class="pick-meta">{t("join-next-meeting")}" "<time datetime=next.starts_iso>{next.in_zone}" "{next.zone_label}</time></span>
                })}
                {choice.needs_approval.then(|| view! { <span class="badge">{t("join-approval")}</span> })}
                {current.map(|status| view! { <span class="badge badge-status">{status.label()}</span> })}
            </label>
        </li>
    }
}
