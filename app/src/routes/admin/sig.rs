//! `/admin/sigs/:slug`: a SIG's leads, appointments and archiving.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::directory::get_sig;
use crate::api::stewardship::{load_leads, AppointLead, RemoveLead, RenameSig, SetSigArchived};
use crate::components::error_notice::RefusedNotice;
use crate::components::form::{field_error, DoneNotice, Field, FormError};
use crate::components::form_draft::drafted_or;
use crate::i18n::{href, t, t_with};
use crate::models::account::{EMAIL_MAX_CHARS, GITHUB_MAX_CHARS, NAME_MAX_CHARS};
use crate::models::sig::{LeadRole, SigKind};

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
                view! { <Title text=t_with("manage-title", &[("sig", name.into())]) /> }
            })}
        </Suspense>
        <nav aria-label=crate::i18n::t("breadcrumb") class="breadcrumb"><a href=href("/admin")>{t("admin-title")}</a></nav>
        <header class="page-header">
            <h1><Suspense fallback=move || slug()>
                {move || Suspend::new(async move { t_with("manage-title", &[("sig", name().await.into())]) })}
            </Suspense></h1>
            <p><a href=move || href(&format!("/sigs/{}", slug()))>{t("manage-view")}</a>" · "
               <a href=move || href(&format!("/sigs/{}/edit", slug()))>{t("manage-edit")}</a></p>
        </header>
        <section class="section" aria-labelledby="leads-heading">
            <h2 id="leads-heading">{t("sig-leads")}</h2>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match leads.await {
                        Ok(leads) if leads.is_empty() => view! { <p class="empty">{t("manage-no-leads")}</p> }.into_any(),
                        Ok(leads) => view! {
                            <ul class="admin-list">
                                {leads.into_iter().map(|lead| {
                                    let role = LeadRole::parse(&lead.role).unwrap_or(LeadRole::Chair).label();
                                    view! {
                                        <li>
                                            <span>{lead.display_name.clone()}" · "{role}
                                                {lead.sign_in.note()}
                                                {(!lead.ways.is_empty()).then(|| format!(" · {}", t_with("manage-signs-in-with", &[("ways", lead.ways.join(", ").into())])))}</span>
                                            <ActionForm action=remove attr:class="inline-form">
                                                <input type="hidden" name="slug" value=slug() />
                                                <input type="hidden" name="person_id" value=lead.person_id />
                                                <button type="submit" class="button button-small button-secondary">
                                                    {t_with("manage-remove", &[("name", lead.display_name.into())])}
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
                <h2 id="appoint-heading">{t("manage-appoint")}</h2>
                <p class="field-hint">{t("manage-appoint-hint")}</p>
                <FormError value />
                <DoneNotice when="appointed" text=t("manage-appointed") />
                <ActionForm action=appoint attr:class="form" attr:novalidate="true">
                    <input type="hidden" name="form[slug]" value=slug />
                    <Field label=t("members-name") name="form[display_name]" id="lead-name" maxlength=NAME_MAX_CHARS
                        error=field_error(value, "display_name") />
                    <Field label=t("join-email") name="form[email]" id="lead-email" kind="email"
                        maxlength=EMAIL_MAX_CHARS error=field_error(value, "email") />
                    <Field label=t("join-github") name="form[github_handle]" id="lead-github"
                        maxlength=GITHUB_MAX_CHARS required=false error=field_error(value, "github_handle") />
                    <div class="field">
                        <label for="lead-role">{t("manage-role")}</label>
                        <select id="lead-role" name="form[role]">
                            {
                                let role = drafted_or("form[role]", "chair".to_owned());
                                [LeadRole::Chair, LeadRole::TechLead, LeadRole::Emeritus]
                                    .into_iter()
                                    .map(|option| view! { <option value=option.as_str() selected=option.as_str() == role>{option.label()}</option> })
                                    .collect_view()
                            }
                        </select>
                    </div>
                    <Field label=t("manage-term") name="form[term_ends_on]" id="lead-term" kind="date"
                        required=false hint=t("manage-term-hint") error=field_error(value, "term_ends_on") />
                    <button type="submit" class="button">{t("manage-appoint-button")}</button>
                </ActionForm>
            </section>
            <RenameForm slug=Signal::derive(slug) />
            <section class="panel" aria-labelledby="archive-heading">
                <h2 id="archive-heading">{t("manage-archive")}</h2>
                <p>{t("manage-archive-lead")}</p>
                <DoneNotice when="archived" text=t("manage-archived") />
                <DoneNotice when="restored" text=t("manage-restored") />
                <Suspense fallback=|| ()>
                    // Only the change that applies: archive an active group, restore an archived one.
                    {move || Suspend::new(async move {
                        let archived = sig.await.is_ok_and(|sig| sig.archived);
                        view! {
                            <ActionForm action=archive attr:class="form">
                                <input type="hidden" name="slug" value=slug() />
                                <input type="hidden" name="archived" value=(!archived).to_string() />
                                <button type="submit" class="button button-secondary">
                                    {if archived { t("manage-restore-button") } else { t("manage-archive-button") }}
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
            <h2 id="rename-heading">{t("manage-rename")}</h2>
            <FormError value />
            <DoneNotice when="renamed" text=t("manage-saved") />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    current.await.ok().map(|sig| {
                        let kind = sig.summary.kind.as_str();
                        view! {
                            <ActionForm action attr:class="form" attr:novalidate="true">
                                <input type="hidden" name="form[slug]" value=sig.summary.slug.clone() />
                                <Field label=t("manage-group-name") name="form[name]" id="rename-name" maxlength=NAME_MAX_CHARS
                                    value=sig.summary.name.clone() error=field_error(value, "name") />
                                <div class="field">
                                    <label for="rename-kind">{t("admin-kind")}</label>
                                    <select id="rename-kind" name="form[kind]">
                                        {SigKind::ALL
                                            .into_iter()
                                            .map(|option| view! {
                                                <option value=option.as_str() selected=option.as_str() == drafted_or("form[kind]", kind.to_owned())>{option.label()}</option>
                                            })
                                            .collect_view()}
                                    </select>
                                </div>
                                <button type="submit" class="button">{t("manage-rename-button")}</button>
                            </ActionForm>
                        }
                    })
                })}
            </Suspense>
        </section>
    }
}
