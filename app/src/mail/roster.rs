//! The yearly question to a quiet member: do you still take part?

use super::arg;
use crate::state::SiteConfig;
use crate::store::outbox::Mail;
use crate::store::roster_freshness::ActivityCheck;

/// Asks whether the member still takes part, with a link that says yes and
/// one that leaves; both work without signing in.
pub fn still_active(site: &SiteConfig, check: &ActivityCheck, token: &str) -> Mail {
    let language = check.language;
    let args = [
        ("sig", arg(&check.sig_name)),
        ("joined", arg(&check.joined_label)),
        ("date", arg(&check.answer_by_label)),
    ];
    let link = |path: String| site.link(&language.href(&path));
    Mail {
        recipient: check.recipient.clone(),
        subject: language.text_with("mail-still-active-subject", &args),
        body: format!(
            "{}\n\n{}\n\n{}\n{}\n\n{}\n\n{}\n{}\n",
            language.text_with("mail-hello", &[("name", arg(&check.name))]),
            language.text_with("mail-still-active-body", &args),
            language.text("mail-still-active-yes"),
            link(format!("/still-active?token={token}")),
            language.text_with("mail-still-active-later", &args),
            language.text("mail-still-active-leave"),
            link(format!("/leave?token={token}")),
        ),
        ..Mail::default()
    }
}
