//! The e-mails sigpost sends, written in one place (server only).

use crate::state::SiteConfig;
use crate::store::outbox::Mail;

fn link(site: &SiteConfig, path_and_query: &str) -> String {
    format!("{}{path_and_query}", site.public_url.trim_end_matches('/'))
}

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
            url = link(site, &format!("/account/confirm?token={token}")),
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
            sign_in = link(site, "/account/sign-in"),
            forgot = link(site, "/account/forgot-password"),
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
            url = link(site, &format!("/account/reset-password?token={token}")),
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
            url = link(site, &format!("/account/invitation?token={token}")),
        ),
    }
}
