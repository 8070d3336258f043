//! The e-mails sigpost sends, written in one place (server only), each in
//! its recipient's language: the one of the request they make themselves
//! (signing up), else the one they chose when they joined or signed up.

use crate::i18n::{FluentValue, Language};
use crate::models::membership::MembershipStatus;
use crate::state::SiteConfig;
use crate::store::joining::Letter;
use crate::store::lead_notices::LeadNotice;
use crate::store::outbox::Mail;

mod digest;
mod meeting_changes;
mod roster;

pub use digest::{lead_reminder, weekly_digest};
pub use meeting_changes::meeting_changed;
pub use roster::still_active;

/// A value for a message's `{ $name }`.
fn arg(value: &str) -> FluentValue<'static> {
    FluentValue::from(value.to_owned())
}

/// Asks a new member to confirm their address, in the language they sign
/// up in (the request's).
pub fn confirm_address(site: &SiteConfig, recipient: &str, name: &str, token: &str) -> Mail {
    let language = crate::i18n::language();
    let site_name = arg(&site.site_name);
    Mail {
        recipient: recipient.to_owned(),
        subject: language.text_with("mail-confirm-subject", &[("site", site_name.clone())]),
        body: format!(
            "{hello}\n\n{ask}\n\n{url}\n\n{expiry}\n",
            hello = language.text_with("mail-hello", &[("name", arg(name))]),
            ask = language.text_with("mail-confirm-body", &[("site", site_name)]),
            url = site.link(&language.href(&format!("/account/confirm?token={token}"))),
            expiry = language.text("mail-confirm-expiry"),
        ),
        ..Mail::default()
    }
}

/// Tells the owner of an address that someone tried to sign up with it.
pub fn address_taken(site: &SiteConfig, recipient: &str, language: Language) -> Mail {
    Mail {
        recipient: recipient.to_owned(),
        subject: language.text_with("mail-taken-subject", &[("site", arg(&site.site_name))]),
        body: format!(
            "{hello}\n\n{body}\n\n{sign_in}\n{forgot}\n\n{ignore}\n",
            hello = language.text("mail-hello-anyone"),
            body = language.text_with("mail-taken-body", &[("site", arg(&site.site_name))]),
            sign_in = site.link(&language.href("/account/sign-in")),
            forgot = site.link(&language.href("/account/forgot-password")),
            ignore = language.text("mail-taken-ignore"),
        ),
        ..Mail::default()
    }
}

/// Sends a link to choose a new password.
pub fn reset_password(site: &SiteConfig, recipient: &str, token: &str, language: Language) -> Mail {
    let site_name = arg(&site.site_name);
    Mail {
        recipient: recipient.to_owned(),
        subject: language.text_with("mail-reset-subject", &[("site", site_name.clone())]),
        body: format!(
            "{hello}\n\n{body}\n\n{url}\n\n{expiry}\n",
            hello = language.text("mail-hello-anyone"),
            body = language.text_with("mail-reset-body", &[("site", site_name)]),
            url = site.link(&language.href(&format!("/account/reset-password?token={token}"))),
            expiry = language.text("mail-reset-expiry"),
        ),
        ..Mail::default()
    }
}

/// Who an invitation to lead goes to.
pub struct Invitee<'a> {
    pub recipient: &'a str,
    pub name: &'a str,
    pub sig_name: &'a str,
    pub language: Language,
}

/// Invites an appointed lead to set a password on their profile.
pub fn lead_invitation(site: &SiteConfig, invitee: Invitee<'_>, token: &str) -> Mail {
    let language = invitee.language;
    let sig = || arg(invitee.sig_name);
    Mail {
        recipient: invitee.recipient.to_owned(),
        subject: language.text_with(
            "mail-invitation-subject",
            &[("sig", sig()), ("site", arg(&site.site_name))],
        ),
        body: format!(
            "{hello}\n\n{body}\n\n{url}\n\n{expiry}\n",
            hello = language.text_with("mail-hello", &[("name", arg(invitee.name))]),
            body = language.text_with("mail-invitation-body", &[("sig", sig())]),
            url = site.link(&language.href(&format!("/account/invitation?token={token}"))),
            expiry = language.text("mail-invitation-expiry"),
        ),
        ..Mail::default()
    }
}

/// The leave links every e-mail about memberships ends with.
fn leave_lines(site: &SiteConfig, letter: &Letter) -> String {
    let language = letter.language;
    let mut lines = format!("\n{}\n", language.text("mail-leave-intro"));
    for sig in &letter.sigs {
        lines.push_str(&format!(
            "- {}: {}\n",
            sig.name,
            site.link(&language.href(&format!("/leave?token={}", sig.leave_token)))
        ));
    }
    lines
}

/// Answers a join request: the confirmation link for a visitor, or a
/// receipt for someone signed in (and for SIGs already joined).
pub fn join_request(site: &SiteConfig, letter: &Letter) -> Mail {
    let language = letter.language;
    let sigs = || arg(&sig_names(letter));
    let mut body = format!(
        "{}\n\n",
        language.text_with("mail-hello", &[("name", arg(&letter.name))])
    );
    match &letter.confirm_token {
        Some(token) => body.push_str(&format!(
            "{}\n\n{}\n\n{}\n",
            language.text_with("mail-join-confirm", &[("sigs", sigs())]),
            site.link(&language.href(&format!("/join/confirm?token={token}"))),
            language.text("mail-join-expiry"),
        )),
        None => {
            body.push_str(&format!(
                "{}\n",
                language.text_with("mail-join-receipt", &[("sigs", sigs())])
            ));
            for sig in &letter.sigs {
                body.push_str(&format!(
                    "- {}: {}. {} {}\n",
                    sig.name,
                    sig.status.label_in(language),
                    language.text("mail-next-steps"),
                    site.link(&language.href(&format!("/sigs/{}/welcome", sig.slug)))
                ));
            }
        }
    }
    body.push_str(&leave_lines(site, letter));
    Mail {
        recipient: letter.recipient.clone(),
        subject: language.text_with(
            "mail-join-subject",
            &[("sigs", sigs()), ("site", arg(&site.site_name))],
        ),
        body,
        ..Mail::default()
    }
}

/// Tells a lead that someone joined their SIG, or asks to and waits for
/// their answer.
pub fn newcomer_for_lead(site: &SiteConfig, notice: &LeadNotice) -> Mail {
    let language = notice.language;
    let who = || {
        [
            ("newcomer", arg(&notice.newcomer)),
            ("sig", arg(&notice.sig_name)),
        ]
    };
    let (subject_key, body_key) = if notice.awaiting_approval {
        ("mail-newcomer-asks-subject", "mail-newcomer-asks")
    } else {
        ("mail-newcomer-joined-subject", "mail-newcomer-joined")
    };
    let members = site.link(&language.href(&format!("/sigs/{}/members", notice.sig_slug)));
    let mut body = format!(
        "{}\n\n{}\n\n{members}\n",
        language.text_with("mail-hello", &[("name", arg(&notice.lead_name))]),
        language.text_with(body_key, &who()),
    );
    if !notice.interest.is_empty() {
        body.push_str(&format!(
            "\n{}\n\n{}\n",
            language.text("mail-newcomer-interest"),
            notice.interest
        ));
    }
    body.push_str(&format!(
        "\n{} {}\n",
        language.text("mail-newcomer-waiting"),
        site.link(&language.href("/my/leading"))
    ));
    Mail {
        recipient: notice.recipient.clone(),
        subject: language.text_with(subject_key, &who()),
        body,
        ..Mail::default()
    }
}

/// Tells a newcomer what the leads decided about their request.
pub fn join_decision(site: &SiteConfig, letter: &Letter, message: &str) -> Mail {
    let language = letter.language;
    let sig = letter.sigs.first();
    let (sig_name, slug, accepted) = sig.map_or((String::new(), "", false), |sig| {
        (
            sig.name.clone(),
            sig.slug.as_str(),
            sig.status == MembershipStatus::Active,
        )
    });
    let sig_arg = || [("sig", arg(&sig_name))];
    let mut body = format!(
        "{}\n\n",
        language.text_with("mail-hello", &[("name", arg(&letter.name))])
    );
    if accepted {
        body.push_str(&format!(
            "{} {}\n",
            language.text_with("mail-decision-accepted", &sig_arg()),
            site.link(&language.href(&format!("/sigs/{slug}/welcome")))
        ));
    } else {
        body.push_str(&format!(
            "{}\n",
            language.text_with("mail-decision-declined", &sig_arg())
        ));
    }
    if !message.trim().is_empty() {
        body.push_str(&format!(
            "\n{}\n\n{}\n",
            language.text("mail-decision-message"),
            message.trim()
        ));
    }
    body.push_str(&leave_lines(site, letter));
    let subject_key = if accepted {
        "mail-decision-accepted-subject"
    } else {
        "mail-decision-declined-subject"
    };
    Mail {
        recipient: letter.recipient.clone(),
        subject: language.text_with(subject_key, &sig_arg()),
        body,
        ..Mail::default()
    }
}

fn sig_names(letter: &Letter) -> String {
    letter
        .sigs
        .iter()
        .map(|sig| sig.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
