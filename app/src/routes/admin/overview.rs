//! `/admin`: every SIG, new SIGs, admin rights and governance pages.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::guidance::list_guidance;
use crate::api::stewardship::{load_admin_sigs, AppointAdmin, CreateSig};
use crate::components::error_notice::RefusedNotice;
use crate::components::form::{field_error, DoneNotice, Field, FormError};
use crate::components::form_draft::drafted_or;
use crate::i18n::{href, t, t_around};
use crate::models::account::{EMAIL_MAX_CHARS, NAME_MAX_CHARS};
use crate::models::sig::SigKind;
use crate::models::sig_edit::{DESCRIPTION_MAX_CHARS, SLUG_MAX_CHARS};
use crate::routes::admin::git_sync::GitSyncPanel;
use crate::routes::admin::job_runs::JobRuns;

#[component]
pub fn AdminPage() -> impl IntoView {
    let sigs = Resource::new(|| (), |_| load_admin_sigs());
    let pages = Resource::new(|| (), |_| list_guidance());
    view! {
        <Title text=t("admin-title") />
        <header class="page-header">
            <h1>{t("admin-title")}</h1>
            <p>{
                let (before, after) = t_around("admin-import-line");
                view! { {before}<a href=href("/admin/import")>{t("admin-import-link")}</a>{after} }
            }</p>
            <p><a href=href("/admin/people")>{t("people-title")}</a></p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match sigs.await {
                    Ok(sigs) => view! {
                        <section class="section" aria-labelledby="admin-sigs">
                            <h2 id="admin-sigs">{t("admin-groups")}</h2>
                            <ul class="admin-list">
                                {sigs.into_iter().map(|sig| view! {
                                    <li>
                                        <a href=href(&format!("/admin/sigs/{}", sig.slug))>{sig.name}</a>
                                        {sig.archived.then(|| view! { <span class="badge">{t("admin-archived")}</span> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                        <div class="admin-forms">
                            <CreateSigForm />
                            <AppointAdminForm />
                        </div>
                        <GitSyncPanel />
                        <JobRuns />
                    }.into_any(),
                    Err(error) => view! {
                        <RefusedNotice error />
                        <p>{
                            let (before, after) = t_around("admin-sign-in");
                            view! { {before}<a href=href("/account/sign-in")>{t("sign-in")}</a>{after} }
                        }</p>
                    }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                pages.await.ok().map(|pages| view! {
                    <section class="section" aria-labelledby="admin-guidance">
                        <h2 id="admin-guidance">{t("admin-guidance")}</h2>
                        <ul class="admin-list">
                            {pages.into_iter().map(|page| view! {
                                <li><a href=href(&format!("/admin/guidance/{}", page.slug))>{page.title}</a></li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Suspense>
    }
}

#[component]
fn CreateSigForm() -> impl IntoView {
    let action = ServerAction::<CreateSig>::new();
    let value = Signal::derive(move || action.value().get());
    view! {
        <section class="panel" aria-labelledby="create-sig">
            <h2 id="create-sig">{t("admin-create")}</h2>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <Field label=t("members-name") name="form[name]" id="new-sig-name" maxlength=NAME_MAX_CHARS
                    error=field_error(value, "name") />
                <Field label=t("admin-slug") name="form[slug]" id="new-sig-slug" maxlength=SLUG_MAX_CHARS
                    hint=t("admin-slug-hint") error=field_error(value, "slug") />
                <div class="field">
                    <label for="new-sig-kind">{t("admin-kind")}</label>
                    <select id="new-sig-kind" name="form[kind]">
                        {
                            let kind = drafted_or("form[kind]", "sig".to_owned());
                            SigKind::ALL
                                .into_iter()
                                .map(|option| view! { <option value=option.as_str() selected=option.as_str() == kind>{option.label()}</option> })
                                .collect_view()
                        }
                    </select>
                </div>
                <Field label=t("sig-edit-description") name="form[description]" id="new-sig-description"
                    maxlength=DESCRIPTION_MAX_CHARS required=false error=field_error(value, "description") />
                <button type="submit" class="button">{t("admin-create-button")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn AppointAdminForm() -> impl IntoView {
    let action = ServerAction::<AppointAdmin>::new();
    let value = Signal::derive(move || action.value().get());
    view! {
        <section class="panel" aria-labelledby="appoint-admin">
            <h2 id="appoint-admin">{t("admin-appoint")}</h2>
            <FormError value />
            <DoneNotice when="admin" text=t("admin-appointed") />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <Field label=t("admin-their-email") name="email" id="admin-email" kind="email"
                    maxlength=EMAIL_MAX_CHARS error=field_error(value, "email") />
                <button type="submit" class="button">{t("admin-appoint-button")}</button>
            </ActionForm>
        </section>
    }
}
