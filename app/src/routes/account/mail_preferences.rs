//! The account page's e-mail section: which e-mails come, and the time zone
//! their meeting times are written in. A plain form: it works without
//! JavaScript, and a refused zone comes back with what was typed.

use leptos::prelude::*;

use crate::api::mail_preferences::{load_mail_preferences, SaveMailPreferences};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{field_error, DoneNotice, Field, FormError};
use crate::components::form_draft::ticked_or;
use crate::i18n::t;
use crate::models::mail_preferences::MailPreferencesEditor;
use crate::models::meeting::ZONE_MAX_CHARS;

#[component]
pub fn MailSection() -> impl IntoView {
    let preferences = Resource::new(|| (), |_| load_mail_preferences());
    view! {
        <section id="mail" class="panel stack" aria-labelledby="mail-heading">
            <h2 id="mail-heading">{t("mail-preferences-heading")}</h2>
            <DoneNotice when="mail" text=t("mail-preferences-saved") />
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match preferences.await {
                        Ok(editor) => view! { <MailForm editor /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn MailForm(editor: MailPreferencesEditor) -> impl IntoView {
    let MailPreferencesEditor {
        form,
        zones,
        has_email,
        is_lead,
    } = editor;
    let action = ServerAction::<SaveMailPreferences>::new();
    let value = Signal::derive(move || action.value().get());
    let lists = [
        (
            "meeting_changes",
            !form.meeting_changes.is_empty(),
            "mail-preferences-meeting-changes",
        ),
        (
            "weekly_digest",
            !form.weekly_digest.is_empty(),
            "mail-preferences-weekly-digest",
        ),
        (
            "lead_reminders",
            !form.lead_reminders.is_empty(),
            "mail-preferences-lead-reminders",
        ),
    ];
    view! {
        {(!has_email).then(|| view! { <p class="notice">{t("mail-preferences-no-address")}</p> })}
        <FormError value />
        <ActionForm action attr:class="form" attr:novalidate="true">
            <fieldset class="form-section">
                <legend>{t("mail-preferences-lists")}</legend>
                {lists.into_iter().filter(|(field, ..)| is_lead || *field != "lead_reminders").map(|(field, on, key)| {
                    let name = format!("form[{field}]");
                    let id = format!("mail-{field}");
                    let label_for = id.clone();
                    let checked = ticked_or(&name, on);
                    view! {
                        <label for=label_for class="check-label">
                            <input type="checkbox" id=id name=name value="on" checked=checked />
                            {t(key)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <Field label=t("mail-preferences-zone") name="form[time_zone]" id="mail-zone" list="mail-zones"
                required=false maxlength=ZONE_MAX_CHARS value=form.time_zone.clone()
                hint=t("mail-preferences-zone-hint") error=field_error(value, "time_zone") />
            <datalist id="mail-zones">
                {zones.into_iter().map(|zone| view! { <option value=zone></option> }).collect_view()}
            </datalist>
            <button type="submit" class="button">{t("mail-preferences-save")}</button>
        </ActionForm>
    }
}
