//! Changes leads and admins make: a SIG's page, its leadership, new SIGs,
//! archiving, governance pages, and admin rights. Each call checks who is
//! calling first, then validates, then writes.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::account::ResetPasswordForm;
use crate::models::sig_edit::{
    AppointLeadForm, GuidanceEditForm, NewSigForm, RenameSigForm, SigEditForm,
};

/// Whether a lead can sign in to edit their group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LeadSignIn {
    Ready,
    /// An invitation is out and not used yet.
    Invited,
    /// No way in yet (imported, say): appointing them again sends an invitation.
    NotInvited,
}

impl LeadSignIn {
    /// What the admin page says after the lead's name and role, if anything.
    pub fn note(self) -> Option<String> {
        let key = match self {
            LeadSignIn::Ready => return None,
            LeadSignIn::Invited => "lead-invited",
            LeadSignIn::NotInvited => "lead-not-invited",
        };
        Some(format!(" · {}", crate::i18n::t(key)))
    }
}

/// A lead as the admin pages list them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ManagedLead {
    pub person_id: i64,
    pub display_name: String,
    pub github_handle: Option<String>,
    pub role: String,
    pub sign_in: LeadSignIn,
    /// How they sign in: "password", "GitHub (@ada)", …
    pub ways: Vec<String>,
}

/// The current values of a SIG's editable fields, for its edit form.
#[server(endpoint = "load_sig_edit")]
pub async fn load_sig_edit(slug: String) -> Result<SigEditForm, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::sig_editor(&state.db, &slug).await?;
    crate::store::sig_changes::edit_form(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// Saves a SIG's page: its leads and admins only.
#[server(endpoint = "update_sig")]
pub async fn update_sig(form: SigEditForm) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let editor = crate::permissions::sig_editor(&state.db, form.slug.trim()).await?;
    form.validate()?;
    if !crate::store::sig_changes::update_details(&state.db, &form).await? {
        return Err(AppError::NotFound);
    }
    let summary = format!("{}: details edited", form.slug.trim());
    crate::api::git_sync::note_edit(&state.db, editor.id, summary).await;
    crate::i18n::redirect(&format!("/sigs/{}", form.slug.trim()));
    Ok(())
}

/// Creates a SIG (admins).
#[server(endpoint = "create_sig")]
pub async fn create_sig(form: NewSigForm) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let admin = crate::permissions::admin(&state.db).await?;
    let kind = form.validate()?;
    let slug = form.slug.trim();
    let created = crate::store::sig_changes::create(
        &state.db,
        slug,
        form.name.trim(),
        kind,
        form.description.trim(),
    )
    .await?;
    if !created {
        let mut errors = crate::errors::FieldErrors::default();
        errors.add("slug", crate::i18n::t("check-slug-taken"));
        return Err(errors.into());
    }
    crate::api::git_sync::note_edit(&state.db, admin.id, format!("{slug}: group created")).await;
    crate::i18n::redirect(&format!("/admin/sigs/{slug}"));
    Ok(())
}

/// Renames a SIG or changes its kind (admins); the slug stays.
#[server(endpoint = "rename_sig")]
pub async fn rename_sig(form: RenameSigForm) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let admin = crate::permissions::admin(&state.db).await?;
    let kind = form.validate()?;
    if !crate::store::sig_changes::rename(&state.db, form.slug.trim(), form.name.trim(), kind)
        .await?
    {
        return Err(AppError::NotFound);
    }
    let summary = format!("{}: renamed to {}", form.slug.trim(), form.name.trim());
    crate::api::git_sync::note_edit(&state.db, admin.id, summary).await;
    crate::i18n::redirect(&format!("/admin/sigs/{}?done=renamed", form.slug.trim()));
    Ok(())
}

/// Archives a SIG, or makes an archived one active again (admins).
#[server(endpoint = "set_sig_archived")]
pub async fn set_sig_archived(slug: String, archived: bool) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let admin = crate::permissions::admin(&state.db).await?;
    if !crate::store::sig_changes::set_archived(&state.db, &slug, archived).await? {
        return Err(AppError::NotFound);
    }
    let done = if archived { "archived" } else { "restored" };
    crate::api::git_sync::note_edit(&state.db, admin.id, format!("{slug}: group {done}")).await;
    crate::i18n::redirect(&format!("/admin/sigs/{slug}?done={done}"));
    Ok(())
}

/// The leads of a SIG with what admins need to manage them (admins).
#[server(endpoint = "load_leads")]
pub async fn load_leads(slug: String) -> Result<Vec<ManagedLead>, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    let leads = crate::store::sig_changes::leads_of(&state.db, &slug).await?;
    let mut ways = Vec::with_capacity(leads.len());
    for lead in &leads {
        let links = crate::store::identities::links_of(&state.db, lead.person_id).await?;
        ways.push(crate::api::people::sign_in_ways(
            &state.site,
            lead.has_password != 0,
            links,
        ));
    }
    Ok(leads
        .into_iter()
        .zip(ways)
        .map(|(lead, ways)| ManagedLead {
            ways,
            person_id: lead.person_id,
            display_name: lead.display_name,
            github_handle: lead.github_handle,
            role: lead.role,
            sign_in: match (lead.can_sign_in != 0, lead.invited != 0) {
                (true, _) => LeadSignIn::Ready,
                (false, true) => LeadSignIn::Invited,
                (false, false) => LeadSignIn::NotInvited,
            },
        })
        .collect())
}

/// Appoints a lead; someone without a sign-in is invited by e-mail (admins).
#[server(endpoint = "appoint_lead")]
pub async fn appoint_lead(form: AppointLeadForm) -> Result<(), AppError> {
    use crate::store::sig_changes::Appointment;
    let state = crate::state::app_state()?;
    let admin = crate::permissions::admin(&state.db).await?;
    let appointed = form.validate(state.clock.today())?;
    let sig_name = crate::store::sigs::find_by_slug(&state.db, form.slug.trim(), |_| String::new())
        .await?
        .map(|sig| sig.summary.name)
        .ok_or(AppError::NotFound)?;
    let site = &state.site;
    let language = crate::i18n::language();
    let outcome = crate::store::sig_changes::appoint_lead(
        &state.db,
        &form,
        appointed,
        language,
        |token, language| {
            crate::mail::lead_invitation(
                site,
                crate::mail::Invitee {
                    recipient: form.email.trim(),
                    name: form.display_name.trim(),
                    sig_name: &sig_name,
                    language,
                },
                token,
            )
        },
    )
    .await?;
    if outcome == Appointment::NoSuchSig {
        return Err(AppError::NotFound);
    }
    let summary = format!(
        "{}: {} appointed as a lead",
        form.slug.trim(),
        form.display_name.trim()
    );
    crate::api::git_sync::note_edit(&state.db, admin.id, summary).await;
    crate::i18n::redirect(&format!("/admin/sigs/{}?done=appointed", form.slug.trim()));
    Ok(())
}

/// Ends someone's leadership of a SIG (admins).
#[server(endpoint = "remove_lead")]
pub async fn remove_lead(slug: String, person_id: i64) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let admin = crate::permissions::admin(&state.db).await?;
    if !crate::store::sig_changes::remove_lead(&state.db, &slug, person_id).await? {
        return Err(AppError::NotFound);
    }
    crate::api::git_sync::note_edit(&state.db, admin.id, format!("{slug}: a lead removed")).await;
    Ok(())
}

/// Saves a governance page (admins).
#[server(endpoint = "update_guidance")]
pub async fn update_guidance(form: GuidanceEditForm) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    form.validate()?;
    let slug = form.slug.trim();
    if !crate::store::pages::update_page(&state.db, &form).await? {
        return Err(AppError::NotFound);
    }
    crate::i18n::redirect(&format!("/guidance/{slug}"));
    Ok(())
}

/// The stored markdown of a governance page, for its edit form (admins).
#[server(endpoint = "load_guidance_edit")]
pub async fn load_guidance_edit(slug: String) -> Result<GuidanceEditForm, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    let page = crate::store::pages::find_page(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let translations = crate::store::translations::all_page_texts(&state.db, &slug).await?;
    Ok(GuidanceEditForm {
        slug: page.slug,
        title: page.title,
        markdown: page.body_markdown,
        translations,
    })
}

/// Gives the account at `email` admin rights (admins).
#[server(endpoint = "appoint_admin")]
pub async fn appoint_admin(email: String) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    if !crate::store::accounts::make_admin(&state.db, &email).await? {
        let mut errors = crate::errors::FieldErrors::default();
        errors.add("email", crate::i18n::t("check-admin-account"));
        return Err(errors.into());
    }
    crate::i18n::redirect("/admin?done=admin");
    Ok(())
}

/// An invited lead chooses a password, takes over their profile and is signed in.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(form: ResetPasswordForm) -> Result<(), AppError> {
    use crate::auth::{hash_password, password_problem};
    let state = crate::state::app_state()?;
    password_problem(&form.password, &[])?;
    let hash = hash_password(&form.password)?;
    use crate::store::accounts::{set_password_from_link, TokenPurpose};
    let person = set_password_from_link(&state.db, form.token.trim(), TokenPurpose::Invite, &hash)
        .await?
        .ok_or_else(|| AppError::Rejected(crate::i18n::t("link-expired-invitation")))?;
    crate::auth::begin_session(&state.db, person, "password").await?;
    // Straight to the group they were invited to lead.
    let led = crate::store::sigs::first_led_slug(&state.db, person).await?;
    crate::i18n::redirect(
        &led.map_or_else(|| "/my/sigs".to_owned(), |slug| format!("/sigs/{slug}")),
    );
    Ok(())
}

/// One row of the admin overview.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AdminSigRow {
    pub slug: String,
    pub name: String,
    pub archived: bool,
}

/// Every SIG, archived ones included (admins).
#[server(endpoint = "load_admin_sigs")]
pub async fn load_admin_sigs() -> Result<Vec<AdminSigRow>, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    let rows = crate::store::sigs::list_all(&state.db).await?;
    Ok(rows
        .into_iter()
        .map(|(slug, name, archived)| AdminSigRow {
            slug,
            name,
            archived,
        })
        .collect())
}

/// Whether the signed-in person may edit the SIG `slug` (for showing the link;
/// the server checks again on saving).
#[server(endpoint = "can_edit_sig")]
pub async fn can_edit_sig(slug: String) -> Result<bool, AppError> {
    let state = crate::state::app_state()?;
    Ok(crate::permissions::sig_editor(&state.db, &slug)
        .await
        .is_ok())
}

/// The latest runs of the scheduled jobs (digests, reminders), for admins.
#[server(endpoint = "load_job_runs")]
pub async fn load_job_runs() -> Result<Vec<crate::models::job_run::JobRun>, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    Ok(crate::store::jobs::recent_runs(&state.db, 20).await?)
}
