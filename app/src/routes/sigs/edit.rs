//! `/sigs/:slug/edit`: a SIG's leads (and admins) edit its page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::stewardship::{load_sig_edit, UpdateSig};
use crate::components::form::{field_error, Field, FormError, TextArea};
use crate::components::form_draft::drafted_or;
use crate::components::page_loader::PageLoader;
use crate::components::translation::{label_in, names, TranslationFieldset};
use crate::errors::AppError;
use crate::i18n::{t, Language};
use crate::models::account::NAME_MAX_CHARS;
use crate::models::fields::URL_MAX_CHARS;
use crate::models::sig_edit::{SigEditForm, SigTexts, DESCRIPTION_MAX_CHARS, MISSION_MAX_CHARS};

#[component]
pub fn SigEditPage() -> impl IntoView {
    let params = use_params_map();
    let current = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_sig_edit,
    );
    view! {
        <Title text=t("sig-edit-title") />
        <PageLoader resource=current editing=t("sig-edit-title") show=move |form| {
            view! { <SigEditor form /> }.into_any()
        } />
    }
}

#[component]
fn SigEditor(form: SigEditForm) -> impl IntoView {
    let action = ServerAction::<UpdateSig>::new();
    let value = Signal::derive(move || action.value().get());
    let back = crate::i18n::href(&format!("/sigs/{}", form.slug));
    let translations = Language::all()
        .filter(|language| !language.is_default())
        .map(|language| {
            let texts = form
                .translations
                .get(language.tag())
                .cloned()
                .unwrap_or_default();
            view! { <TranslatedTexts language texts value /> }
        })
        .collect_view();
    view! {
        <section class="form-page form-page-wide">
            <nav aria-label=crate::i18n::t("breadcrumb") class="breadcrumb"><a href=back>{t("sig-edit-back")}</a></nav>
            <h1>{t("sig-edit-title")}</h1>
            <FormError value />
            <ActionForm action attr:class="form" attr:novalidate="true">
                <input type="hidden" name="form[slug]" value=form.slug.clone() />
                <Field label=t("sig-edit-description") name="form[description]" id="sig-description"
                    maxlength=DESCRIPTION_MAX_CHARS required=false value=form.description.clone()
                    error=field_error(value, "description") />
                <TextArea label=t("sig-edit-mission") name="form[mission]" id="sig-mission" rows=10
                    hint=t("sig-edit-mission-hint")
                    maxlength=MISSION_MAX_CHARS value=form.mission.clone()
                    error=field_error(value, "mission") />
                {translations}
                <Field label=t("sig-edit-chat-label") name="form[chat_label]" id="sig-chat-label"
                    maxlength=NAME_MAX_CHARS required=false value=form.chat_label.clone()
                    hint=t("sig-edit-chat-label-hint") error=field_error(value, "chat_label") />
                <Field label=t("sig-edit-chat-url") name="form[chat_url]" id="sig-chat-url" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.chat_url.clone()
                    error=field_error(value, "chat_url") />
                <Field label=t("sig-edit-mailing-list") name="form[mailing_list_url]" id="sig-mailing-list" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.mailing_list_url.clone()
                    error=field_error(value, "mailing_list_url") />
                <Field label=t("sig-edit-notes") name="form[meeting_notes_url]" id="sig-notes" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.meeting_notes_url.clone()
                    error=field_error(value, "meeting_notes_url") />
                <Field label=t("sig-edit-recordings") name="form[recordings_url]" id="sig-recordings" kind="url"
                    maxlength=URL_MAX_CHARS required=false value=form.recordings_url.clone()
                    error=field_error(value, "recordings_url") />
                <div class="field">
                    <label for="sig-join-policy">{t("sig-edit-joining")}</label>
                    <select id="sig-join-policy" name="form[join_policy]">
                        {
                            let policy = drafted_or("form[join_policy]", form.join_policy.clone());
                            view! {
                                <option value="open" selected=policy == "open">{t("sig-edit-joining-open")}</option>
                                <option value="approval" selected=policy == "approval">{t("sig-edit-joining-approval")}</option>
                            }
                        }
                    </select>
                </div>
                <button type="submit" class="button">{t("sig-edit-save")}</button>
            </ActionForm>
        </section>
    }
}

/// The description and mission in another language: empty ones leave the
/// English text on that language's pages (with a note saying so).
#[component]
fn TranslatedTexts(
    language: Language,
    texts: SigTexts,
    value: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let tag = language.tag();
    let (description, description_error) = names(language, "description");
    let (mission, mission_error) = names(language, "mission");
    view! {
        <TranslationFieldset language>
            <Field label=label_in(language, "sig-edit-description") name=description
                id=format!("sig-description-{tag}") maxlength=DESCRIPTION_MAX_CHARS required=false
                value=texts.description error=field_error(value, description_error) />
            <TextArea label=label_in(language, "sig-edit-mission") name=mission
                id=format!("sig-mission-{tag}") rows=8 maxlength=MISSION_MAX_CHARS
                value=texts.mission error=field_error(value, mission_error) />
        </TranslationFieldset>
    }
}
