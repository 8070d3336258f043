//! A person's e-mail choices: on their account page when signed in, and
//! through the unsubscribe link of any e-mail without signing in.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::mail_preferences::{MailPreferencesEditor, MailPreferencesForm, Subscription};

/// The signed-in person's choices.
#[server(endpoint = "load_mail_preferences")]
pub async fn load_mail_preferences() -> Result<MailPreferencesEditor, AppError> {
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    let preferences = crate::store::mail_preferences::of_person(&state.db, account.id).await?;
    Ok(MailPreferencesEditor {
        form: MailPreferencesForm::of(&preferences),
        zones: crate::schedule::zones::suggestions(),
        has_email: account.email.is_some(),
        is_lead: crate::store::mail_preferences::is_lead(&state.db, account.id).await?,
    })
}

/// Keeps the signed-in person's choices and shows them again.
#[server(endpoint = "save_mail_preferences")]
pub async fn save_mail_preferences(form: MailPreferencesForm) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let account = crate::permissions::signed_in(&state.db).await?;
    let mut preferences = form.validate(crate::schedule::zones::canonical)?;
    // Reminders are not offered to people who lead nothing: keep them as they were.
    if !crate::store::mail_preferences::is_lead(&state.db, account.id).await? {
        preferences.lead_reminders =
            crate::store::mail_preferences::of_person(&state.db, account.id)
                .await?
                .lead_reminders;
    }
    crate::store::mail_preferences::save(&state.db, account.id, &preferences).await?;
    crate::i18n::redirect("/account?done=mail#mail");
    Ok(())
}

#[cfg(feature = "ssr")]
fn list_of(list: &str) -> Result<crate::models::mail_preferences::MailList, AppError> {
    crate::models::mail_preferences::MailList::parse(list).ok_or(AppError::NotFound)
}

/// What an unsubscribe link stands for; 404 for an unknown link.
#[server(endpoint = "load_subscription")]
pub async fn load_subscription(token: String, list: String) -> Result<Subscription, AppError> {
    let state = crate::state::app_state()?;
    let list = list_of(&list)?;
    let subscribed = crate::store::mail_preferences::subscribed(&state.db, &token, list)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Subscription { list, subscribed })
}

/// The unsubscribe page's button (`subscribe` = "no"), and the one that
/// takes it back ("yes").
#[server(endpoint = "change_subscription")]
pub async fn change_subscription(
    token: String,
    list: String,
    subscribe: String,
) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let list = list_of(&list)?;
    let on = match subscribe.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::Rejected(crate::i18n::t("check-subscribe"))),
    };
    if !crate::store::mail_preferences::set_subscribed(&state.db, &token, list, on).await? {
        return Err(AppError::NotFound);
    }
    crate::i18n::redirect(&format!(
        "/unsubscribe?token={token}&list={}",
        list.as_str()
    ));
    Ok(())
}
