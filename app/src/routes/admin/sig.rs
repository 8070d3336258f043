//! `/admin/sigs/:slug`: a SIG's leads, appointments and archiving.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::directory::get_sig;
use crate::api::stewardship::{load_leads, AppointLead, RemoveLead, RenameSig, SetSigArchived};
use crate::components::error_notice::RefusedNotice;
use crate::components::form::{field_error, DoneNotice, Field, FormError};
use crate::components::form_draft::drafted_or;
use crate::models::account::{EMAIL_MAX_CHARS, GITHUB_MAX_CHARS, NAME_MAX_CHARS};
use crate::models::sig::LeadRole;

#[component]
pub fn ManageSigPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let appoint = ServerAction::<AppointLead>::new();
    let remove = ServerAction::<RemoveLead>::new();
    let archive = ServerAction::<SetSigArchived>::new();
    let leads = Resource::new(
        move || (slug(), appoint.version().get(), remove.version().get()),
        |(slug, _, _)| load_leads(slug),
    );
    let value = Signal::derive(move || appoint.value().get());
    let sig = Resource::new(
        move || (slug(), archive.version().get()),
        |(slug, _)| get_sig(slug),
    );
    // The group's name once loaded (the slug if it is unknown).
    let name = move || async move { sig.await.map_or_else(|_| slug(), |sig| sig.summary.name) };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let name = name().await;
                view! { <Title text=format!("Manage {name}") /> }
            })}
        </Suspense>
        <nav aria-label="Breadcrumb" class="breadcrumb"><a href=crate::i18n::href("/admin")>"Administration"</a></nav>
        <header class="page-header">
            <h1><Suspense fallback=move || slug()>
                {move || Suspend::new(async move { format!("Manage {}", name().await) })}
            </Suspense></h1>
            <p><a href=move || format!("/sigs/{}", slug())>"View the page"</a>" · "
               <a href=move || format!("/sigs/{}/edit", slug())>"Edit the page"</a></p>
        </header>
        <section class="section" aria-labelledby="leads-heading">
            <h2 id="leads-heading">"Leads"</h2>
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match leads.await {
                        Ok(leads) if leads.is_empty() => view! { <p class="empty">"No leads yet."</p> }.into_any(),
                        Ok(leads) => view! {
                            <ul class="admin-list">
                                {leads.into_iter().map(|lead| {
                                    let role = LeadRole::parse(&lead.role).map(LeadRole::label).unwrap_or("Lead");
                                    view! {
                                        <li>
                                            <span>{lead.display_name.clone()}" · "{role}
                                                {lead.sign_in.note()}</span>
                                            <ActionForm action=remove attr:class="inline-form">
                                                <input type="hidden" name="slug" value=slug() />
                                                <input type="hidden" name="person_id" value=lead.person_id />
                                                <button type="submit" class="button button-small button-secondary">
                                                    "Remove " {lead.display_name}
                                                </button>
                                            </ActionForm>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <RefusedNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <div class="admin-forms">
            <section class="panel" aria-labelledby="appoint-heading">
                <h2 id="appoint-heading">"Appoint a lead"</h2>
                <p class="field-hint">"Someone without an account gets an e-mail invitation to set a password."</p>
                <FormError value />
                <DoneNotice when="appointed" text="Appointed." />
                <ActionForm action=appoint attr:class="form" attr:novalidate="true">
                    <input type="hidden" name="form[slug]" value=slug />
                    <Field label="Name" name="form[display_name]" id="lead-name" maxlength=NAME_MAX_CHARS
                        error=field_error(value, "display_name") />
                    <Field label="E-mail address" name="form[email]" id="lead-email" kind="email"
                        maxlength=EMAIL_MAX_CHARS error=field_error(value, "email") />
                    <Field label="GitHub handle" name="form[github_handle]" id="lead-github"
                        maxlength=GITHUB_MAX_CHARS required=false error=field_error(value, "github_handle") />
                    <div class="field">
                        <label for="lead-role">"Role"</label>
                        <select id="lead-role" name="form[role]">
                            {
                                let role = drafted_or("form[role]", "chair".to_owned());
                                [("chair", "Chair"), ("tech_lead", "Tech lead"), ("emeritus", "Emeritus")]
                                    .into_iter()
                                    .map(|(option, label)| view! { <option value=option selected=option == role>{label}</option> })
                                    .collect_view()
                            }
                        </select>
                    </div>
                    <button type="submit" class="button">"Appoint"</button>
                </ActionForm>
            </section>
            <RenameForm slug=Signal::derive(slug) />
            <section class="panel" aria-labelledby="archive-heading">
                <h2 id="archive-heading">"Archive"</h2>
                <p>"An archived group leaves the directory; its page stays for the record."</p>
                <DoneNotice when="archived" text="Archived: the group has left the directory." />
                <DoneNotice when="restored" text="Active again: the group is back in the directory." />
                <Suspense fallback=|| ()>
                    // Only the change that applies: archive an active group, restore an archived one.
                    {move || Suspend::new(async move {
                        let archived = sig.await.is_ok_and(|sig| sig.archived);
                        view! {
                            <ActionForm action=archive attr:class="form">
                                <input type="hidden" name="slug" value=slug() />
                                <input type="hidden" name="archived" value=(!archived).to_string() />
                                <button type="submit" class="button button-secondary">
                                    {if archived { "Make it active again" } else { "Archive this group" }}
                                </button>
                            </ActionForm>
                        }
                    })}
                </Suspense>
            </section>
        </div>
    }
}

/// Name and kind of the group, prefilled with the current values.
#[component]
fn RenameForm(slug: Signal<String>) -> impl IntoView {
    let action = ServerAction::<RenameSig>::new();
    let value = Signal::derive(move || action.value().get());
    let current = Resource::new(move || slug.get(), get_sig);
    view! {
        <section class="panel" aria-labelledby="rename-heading">
            <h2 id="rename-heading">"Name and kind"</h2>
            <FormError value />
            <DoneNotice when="renamed" text="Saved." />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    current.await.ok().map(|sig| {
                        let kind = sig.summary.kind.as_str();
                        view! {
                            <ActionForm action attr:class="form" attr:novalidate="true">
                                <input type="hidden" name="form[slug]" value=sig.summary.slug.clone() />
                                <Field label="Group name" name="form[name]" id="rename-name" maxlength=NAME_MAX_CHARS
                                    value=sig.summary.name.clone() error=field_error(value, "name") />
                                <div class="field">
                                    <label for="rename-kind">"Kind"</label>
                                    <select id="rename-kind" name="form[kind]">
                                        {[("sig", "Special Interest Group"), ("working_group", "Working group"),
                                          ("committee", "Committee"), ("user_group", "User group")]
                                            .into_iter()
                                            .map(|(option, label)| view! {
                                                <option value=option selected=option == drafted_or("form[kind]", kind.to_owned())>{label}</option>
                                            })
                                            .collect_view()}
                                    </select>
                                </div>
                                <button type="submit" class="button">"Save name and kind"</button>
                            </ActionForm>
                        }
                    })
                })}
            </Suspense>
        </section>
    }
}
