//! The e-mails sigpost sends, written in one place (server only).

use crate::i18n::{href, t, t_with, FluentValue};
use crate::models::membership::MembershipStatus;
use crate::state::SiteConfig;
use crate::store::joining::Letter;
use crate::store::lead_notices::LeadNotice;
use crate::store::outbox::Mail;

/// Asks a new member to confirm their address (in the language they signed
/// up in: mails are written while their request is served).
pub fn confirm_address(site: &SiteConfig, recipient: &str, name: &str, token: &str) -> Mail {
    let site_name = || FluentValue::from(site.site_name.clone());
    Mail {
        recipient: recipient.to_owned(),
        subject: t_with("mail-confirm-subject", &[("site", site_name())]),
        body: format!(
            "{hello}\n\n{ask}\n\n{url}\n\n{expiry}\n",
            hello = t_with("mail-hello", &[("name", name.to_owned().into())]),
            ask = t_with("mail-confirm-body", &[("site", site_name())]),
            url = site.link(&href(&format!("/account/confirm?token={token}"))),
            expiry = t("mail-confirm-expiry"),
        ),
    }
}

/// Tells the owner of an address that someone tried to sign up with it.
pub fn address_taken(site: &SiteConfig, recipient: &str) -> Mail {
    Mail {
        recipient: recipient.to_owned(),
        subject: format!("Your {} account", site.site_name),
        body: format!(
            "Hello,\n\nsomeone (perhaps you) tried to create a {site} account with this address, \
             which already has one. Sign in at {sign_in}, or choose a new password at {forgot}.\n\n\
             If it was not you, ignore this message.\n",
            site = site.site_name,
            sign_in = site.link("/account/sign-in"),
            forgot = site.link("/account/forgot-password"),
        ),
    }
}

/// Sends a link to choose a new password.
pub fn reset_password(site: &SiteConfig, recipient: &str, token: &str) -> Mail {
    Mail {
        recipient: recipient.to_owned(),
        subject: format!("Choose a new password for {}", site.site_name),
        body: format!(
            "Hello,\n\nyou can choose a new password for your {site} account here:\n\n{url}\n\n\
             The link works once and expires in one hour. If you did not ask for it, ignore this \
             message: your password stays as it is.\n",
            site = site.site_name,
            url = site.link(&format!("/account/reset-password?token={token}")),
        ),
    }
}

/// Invites an appointed lead to set a password on their profile.
pub fn lead_invitation(
    site: &SiteConfig,
    recipient: &str,
    name: &str,
    sig_name: &str,
    token: &str,
) -> Mail {
    Mail {
        recipient: recipient.to_owned(),
        subject: format!("You are now a lead of {sig_name} on {}", site.site_name),
        body: format!(
            "Hello {name},\n\nyou were appointed a lead of {sig_name}. Choose a password to take \
             over your profile and edit the SIG's page:\n\n{url}\n\nThe link works once and \
             expires in 7 days.\n",
            url = site.link(&format!("/account/invitation?token={token}")),
        ),
    }
}

/// The leave links every e-mail about memberships ends with.
fn leave_lines(site: &SiteConfig, letter: &Letter) -> String {
    let mut lines = format!("\n{}\n", t("mail-leave-intro"));
    for sig in &letter.sigs {
        lines.push_str(&format!(
            "- {}: {}\n",
            sig.name,
            site.link(&href(&format!("/leave?token={}", sig.leave_token)))
        ));
    }
    lines
}

/// Answers a join request: the confirmation link for a visitor, or a
/// receipt for someone signed in (and for SIGs already joined), in the
/// language of the join form.
pub fn join_request(site: &SiteConfig, letter: &Letter) -> Mail {
    let sigs = || FluentValue::from(sig_names(letter));
    let mut body = format!(
        "{}\n\n",
        t_with("mail-hello", &[("name", letter.name.clone().into())])
    );
    match &letter.confirm_token {
        Some(token) => body.push_str(&format!(
            "{}\n\n{}\n\n{}\n",
            t_with("mail-join-confirm", &[("sigs", sigs())]),
            site.link(&href(&format!("/join/confirm?token={token}"))),
            t("mail-join-expiry"),
        )),
        None => body.push_str(&format!(
            "{}\n",
            t_with("mail-join-receipt", &[("sigs", sigs())])
        )),
    }
    if letter.confirm_token.is_none() {
        for sig in &letter.sigs {
            body.push_str(&format!(
                "- {}: {}. {} {}\n",
                sig.name,
                sig.status.label(),
                t("mail-next-steps"),
                site.link(&href(&format!("/sigs/{}/welcome", sig.slug)))
            ));
        }
    }
    body.push_str(&leave_lines(site, letter));
    Mail {
        recipient: letter.recipient.clone(),
        subject: t_with(
            "mail-join-subject",
            &[("sigs", sigs()), ("site", site.site_name.clone().into())],
        ),
        body,
    }
}

/// Tells a lead that someone joined their SIG, or asks to and waits for
/// their answer.
pub fn newcomer_for_lead(site: &SiteConfig, notice: &LeadNotice) -> Mail {
    let members = site.link(&format!("/sigs/{}/members", notice.sig_slug));
    let mut body = format!("Hello {},\n\n", notice.lead_name);
    if notice.awaiting_approval {
        body.push_str(&format!(
            "{} asks to join {}. Accept or decline the request here:\n\n{members}\n",
            notice.newcomer, notice.sig_name
        ));
    } else {
        body.push_str(&format!(
            "{} joined {}. Say hello; the members page lists everyone:\n\n{members}\n",
            notice.newcomer, notice.sig_name
        ));
    }
    if !notice.interest.is_empty() {
        body.push_str(&format!(
            "\nWhat they would like to work on:\n\n{}\n",
            notice.interest
        ));
    }
    body.push_str(&format!(
        "\nEverything waiting for you as a lead: {}\n",
        site.link("/my/leading")
    ));
    let subject = if notice.awaiting_approval {
        format!("{} asks to join {}", notice.newcomer, notice.sig_name)
    } else {
        format!("{} joined {}", notice.newcomer, notice.sig_name)
    };
    Mail {
        recipient: notice.recipient.clone(),
        subject,
        body,
    }
}

/// Tells a newcomer what the leads decided about their request.
pub fn join_decision(site: &SiteConfig, letter: &Letter, message: &str) -> Mail {
    let sig = letter.sigs.first();
    let (sig_name, slug, accepted) = sig.map_or(("the SIG", "", false), |sig| {
        (
            sig.name.as_str(),
            sig.slug.as_str(),
            sig.status == MembershipStatus::Active,
        )
    });
    let mut body = format!("Hello {},\n\n", letter.name);
    if accepted {
        body.push_str(&format!(
            "welcome: the leads of {sig_name} accepted your request. Next steps: {}\n",
            site.link(&format!("/sigs/{slug}/welcome"))
        ));
    } else {
        body.push_str(&format!(
            "the leads of {sig_name} declined your request this time.\n"
        ));
    }
    if !message.trim().is_empty() {
        body.push_str(&format!("\nTheir message:\n\n{}\n", message.trim()));
    }
    body.push_str(&leave_lines(site, letter));
    Mail {
        recipient: letter.recipient.clone(),
        subject: format!(
            "Your request to join {sig_name}: {}",
            if accepted { "accepted" } else { "declined" }
        ),
        body,
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
