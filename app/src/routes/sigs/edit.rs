//! `/sigs/:slug/edit`: a SIG's leads (and admins) edit its page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::stewardship::{load_sig_edit, UpdateSig};
use crate::components::form::{field_error, Field, FormError, TextArea};
use crate::components::form_draft::drafted_or;
use crate::components::page_loader::PageLoader;
use crate::models::account::NAME_MAX_CHARS;
use crate::models::fields::URL_MAX_CHARS;
use crate::models::sig_edit::{SigEditForm, DESCRIPTION_MAX_CHARS, MISSION_MAX_CHARS};

#[component]
pub fn SigEditPage() -> impl IntoView {
    let params = use_params_map();
    let current = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_sig_edit,
    );
    view! {
        <Title text="Edit SIG page" />
        <PageLoader resource=current editing="Edit SIG page" show=move |form| {
            view! { <SigEditor form /> }.into_any()
        } />
    }
}

#[component]
fn SigEditor(form: SigEditForm) -> impl IntoView {
    let action = ServerAction::<UpdateSig>::new();
    let value = Signal::derive(move || action.value().get());
    let back = format!("/sigs/{}", form.slug);
    view! {
        <section class="form-page form-page-wide">
            <nav aria-label="Breadcrumb" class="breadcrumb"><a href=back>"Back to the SIG"</a></nav>
            <h1>"Edit SIG page"</h1>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[slug]" value=form.slug.clone() />
                <Field label="One-line description" name="form[description]" id="sig-description"
                    maxlength=DESCRIPTION_MAX_CHARS required=false value=form.description.clone()
                    error=field_error(value, "description") />
                <TextArea label="Mission" name="form[mission]" id="sig-mission" rows=10
                    hint="Markdown. What the SIG owns, what it works on, how to get involved."
                    maxlength=MISSION_MAX_CHARS value=form.mission.clone()
                    error=field_error(value, "mission") />
                <Field label="Chat channel name" name="form[chat_label]" id="sig-chat-label"
                    maxlength=NAME_MAX_CHARS required=false value=form.chat_label.clone()
                    hint="Such as #sig-storage." error=field_error(value, "chat_label") />
                <Field label="Chat channel address" name="form[chat_url]" id="sig-chat-url" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.chat_url.clone()
                    error=field_error(value, "chat_url") />
                <Field label="Mailing list address" name="form[mailing_list_url]" id="sig-mailing-list" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.mailing_list_url.clone()
                    error=field_error(value, "mailing_list_url") />
                <Field label="Meeting notes address" name="form[meeting_notes_url]" id="sig-notes" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.meeting_notes_url.clone()
                    error=field_error(value, "meeting_notes_url") />
                <Field label="Recordings address" name="form[recordings_url]" id="sig-recordings" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.recordings_url.clone()
                    error=field_error(value, "recordings_url") />
                <div class="field">
                    <label for="sig-join-policy">"Joining"</label>
                    <select id="sig-join-policy" name="form[join_policy]">
                        {
                            let policy = drafted_or("form[join_policy]", form.join_policy.clone());
                            view! {
                                <option value="open" selected=policy == "open">"Open: anyone can join"</option>
                                <option value="approval" selected=policy == "approval">"Leads approve each request"</option>
                            }
                        }
                    </select>
                </div>
                <button type="submit" class="button">"Save the page"</button>
            </ActionForm>
        </section>
    }
}
