//! The e-mails sigpost sends, written in one place (server only).

use crate::models::membership::MembershipStatus;
use crate::state::SiteConfig;
use crate::store::joining::Letter;
use crate::store::lead_notices::LeadNotice;
use crate::store::outbox::Mail;

/// Asks a new member to confirm their address.
pub fn confirm_address(site: &SiteConfig, recipient: &str, name: &str, token: &str) -> Mail {
    Mail {
        recipient: recipient.to_owned(),
        subject: format!("Confirm your e-mail address for {}", site.site_name),
        body: format!(
            "Hello {name},\n\nplease confirm your e-mail address to finish creating your {site} \
             account:\n\n{url}\n\nThe link works once and expires in 48 hours. If you did not \
             sign up, ignore this message.\n",
            site = site.site_name,
            url = site.link(&format!("/account/confirm?token={token}")),
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
    let mut lines = String::from("\nTo leave, follow the link for the SIG (no sign-in needed):\n");
    for sig in &letter.sigs {
        lines.push_str(&format!(
            "- {}: {}\n",
            sig.name,
            site.link(&format!("/leave?token={}", sig.leave_token))
        ));
    }
    lines
}

/// Answers a join request: the confirmation link for a visitor, or a
/// receipt for someone signed in (and for SIGs already joined).
pub fn join_request(site: &SiteConfig, letter: &Letter) -> Mail {
    let mut body = format!("Hello {},\n\n", letter.name);
    match &letter.confirm_token {
        Some(token) => body.push_str(&format!(
            "please confirm that you want to join {}:\n\n{}\n\nThe link works once and \
             expires in 48 hours. If you did not ask to join, ignore this message.\n",
            sig_names(letter),
            site.link(&format!("/join/confirm?token={token}")),
        )),
        None => body.push_str(&format!(
            "you asked to join {}. Where things stand:\n",
            sig_names(letter)
        )),
    }
    if letter.confirm_token.is_none() {
        for sig in &letter.sigs {
            body.push_str(&format!(
                "- {}: {}. Next steps: {}\n",
                sig.name,
                sig.status.label(),
                site.link(&format!("/sigs/{}/welcome", sig.slug))
            ));
        }
    }
    body.push_str(&leave_lines(site, letter));
    Mail {
        recipient: letter.recipient.clone(),
        subject: format!("Joining {} on {}", sig_names(letter), site.site_name),
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
