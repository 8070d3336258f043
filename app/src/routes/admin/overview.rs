//! `/admin`: every SIG, new SIGs, admin rights and governance pages.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::guidance::list_guidance;
use crate::api::stewardship::{load_admin_sigs, AppointAdmin, CreateSig};
use crate::components::error_notice::RefusedNotice;
use crate::components::form::{field_error, DoneNotice, Field, FormError};
use crate::components::form_draft::drafted_or;
use crate::models::account::{EMAIL_MAX_CHARS, NAME_MAX_CHARS};
use crate::models::sig_edit::{DESCRIPTION_MAX_CHARS, SLUG_MAX_CHARS};

#[component]
pub fn AdminPage() -> impl IntoView {
    let sigs = Resource::new(|| (), |_| load_admin_sigs());
    let pages = Resource::new(|| (), |_| list_guidance());
    view! {
        <Title text="Administration" />
        <header class="page-header">
            <h1>"Administration"</h1>
            <p><a href=crate::i18n::href("/admin/import")>"Import community data"</a>" (sigs.yaml or a SIG table), with a dry run first"</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match sigs.await {
                    Ok(sigs) => view! {
                        <section class="section" aria-labelledby="admin-sigs">
                            <h2 id="admin-sigs">"Groups"</h2>
                            <ul class="admin-list">
                                {sigs.into_iter().map(|sig| view! {
                                    <li>
                                        <a href=crate::i18n::href(&format!("/admin/sigs/{}", sig.slug))>{sig.name}</a>
                                        {sig.archived.then_some(view! { <span class="badge">"archived"</span> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                        <div class="admin-forms">
                            <CreateSigForm />
                            <AppointAdminForm />
                        </div>
                    }.into_any(),
                    Err(error) => view! {
                        <RefusedNotice error />
                        <p><a href=crate::i18n::href("/account/sign-in")>"Sign in"</a>" with an administrator account."</p>
                    }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                pages.await.ok().map(|pages| view! {
                    <section class="section" aria-labelledby="admin-guidance">
                        <h2 id="admin-guidance">"Governance pages"</h2>
                        <ul class="admin-list">
                            {pages.into_iter().map(|page| view! {
                                <li><a href=crate::i18n::href(&format!("/admin/guidance/{}", page.slug))>{page.title}</a></li>
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
            <h2 id="create-sig">"Create a group"</h2>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <Field label="Name" name="form[name]" id="new-sig-name" maxlength=NAME_MAX_CHARS
                    error=field_error(value, "name") />
                <Field label="Slug" name="form[slug]" id="new-sig-slug" maxlength=SLUG_MAX_CHARS
                    hint="Its address: /sigs/slug." error=field_error(value, "slug") />
                <div class="field">
                    <label for="new-sig-kind">"Kind"</label>
                    <select id="new-sig-kind" name="form[kind]">
                        {
                            let kind = drafted_or("form[kind]", "sig".to_owned());
                            [("sig", "Special Interest Group"), ("working_group", "Working group"),
                             ("committee", "Committee"), ("user_group", "User group")]
                                .into_iter()
                                .map(|(option, label)| view! { <option value=option selected=option == kind>{label}</option> })
                                .collect_view()
                        }
                    </select>
                </div>
                <Field label="One-line description" name="form[description]" id="new-sig-description"
                    maxlength=DESCRIPTION_MAX_CHARS required=false error=field_error(value, "description") />
                <button type="submit" class="button">"Create the group"</button>
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
            <h2 id="appoint-admin">"Appoint an administrator"</h2>
            <FormError value />
            <DoneNotice when="admin" text="Done: they are an administrator now." />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <Field label="Their e-mail address" name="email" id="admin-email" kind="email"
                    maxlength=EMAIL_MAX_CHARS error=field_error(value, "email") />
                <button type="submit" class="button">"Make administrator"</button>
            </ActionForm>
        </section>
    }
}
