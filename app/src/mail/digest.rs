//! The weekly digest and the reminders to leads. Both end with the links to
//! stop them without signing in, as every e-mail someone chose does.

use super::arg;
use crate::i18n::Language;
use crate::models::mail_preferences::MailList;
use crate::schedule::{instant_in, Occurrence};
use crate::state::SiteConfig;
use crate::store::digests::Digest;
use crate::store::outbox::Mail;
use crate::store::reminders::{Reminder, ReminderKind};

/// "Monday 15 March 2027, 09:00–10:00 Asia/Shanghai (CST) (01:00–02:00 UTC)",
/// in `zone` when the reader chose one, else in the meeting's own.
pub(super) fn meeting_time(
    language: Language,
    meeting: Occurrence,
    zone: Option<chrono_tz::Tz>,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let shown = match zone {
        Some(zone) => Occurrence {
            start: meeting.start.with_timezone(&zone),
            end: meeting.end.with_timezone(&zone),
        },
        None => meeting,
    };
    let instant = instant_in(language, shown, now);
    language.text_with(
        "mail-meeting-time",
        &[
            ("local", arg(&instant.in_zone)),
            ("zone", arg(&instant.zone_label)),
            ("utc", arg(&instant.in_utc)),
        ],
    )
}

/// The e-mail's last lines: why it came, and how to stop it.
pub(super) fn footer(
    site: &SiteConfig,
    language: Language,
    why: String,
    stop_key: &str,
    list: MailList,
    token: &str,
) -> (String, String) {
    let list = list.as_str();
    let text = format!(
        "\n-- \n{why}\n{} {}\n{} {}\n",
        language.text(stop_key),
        site.link(&language.href(&format!("/unsubscribe?token={token}&list={list}"))),
        language.text("mail-meeting-preferences"),
        site.link(&language.href("/account#mail")),
    );
    let one_click = site.link(&format!("/unsubscribe/one-click?token={token}&list={list}"));
    (text, one_click)
}

pub fn weekly_digest(
    site: &SiteConfig,
    digest: &Digest,
    now: chrono::DateTime<chrono::Utc>,
) -> Mail {
    let language = digest.language;
    let link = |path: &str| site.link(&language.href(path));
    let mut body = format!(
        "{}\n",
        language.text_with("mail-hello", &[("name", arg(&digest.name))])
    );
    if !digest.meetings.is_empty() {
        body.push_str(&format!("\n{}\n", language.text("mail-digest-meetings")));
        for meeting in &digest.meetings {
            body.push_str(&format!(
                "- {}: {}, {}\n",
                meeting.sig_name,
                meeting.title,
                meeting_time(language, meeting.occurrence, digest.zone, now)
            ));
            if let Some(record) = meeting.agenda_record {
                body.push_str(&format!(
                    "  {} {}\n",
                    language.text("mail-digest-agenda"),
                    link(&format!("/sigs/{}/meetings/{record}", meeting.sig_slug))
                ));
            }
        }
    }
    if !digest.changes.is_empty() {
        body.push_str(&format!("\n{}\n", language.text("mail-digest-changes")));
        for change in &digest.changes {
            body.push_str(&format!(
                "- {}: {} ({})\n  {}\n",
                change.sig_name,
                change.item_title,
                change.summary,
                link(&format!(
                    "/sigs/{}/roadmap/{}",
                    change.sig_slug, change.item_id
                ))
            ));
        }
    }
    if !digest.waiting.is_empty() {
        body.push_str(&format!("\n{}\n", language.text("mail-digest-waiting")));
        for waiting in &digest.waiting {
            body.push_str(&format!(
                "- {}: {}\n  {}\n",
                waiting.sig_name,
                language.text_with(
                    "mail-digest-waiting-count",
                    &[("count", waiting.count.into())]
                ),
                link(&format!("/sigs/{}/members", waiting.sig_slug))
            ));
        }
    }
    let (footer, one_click) = footer(
        site,
        language,
        language.text_with("mail-digest-why", &[("site", arg(&site.site_name))]),
        "mail-digest-stop",
        MailList::WeeklyDigest,
        &digest.unsubscribe_token,
    );
    body.push_str(&footer);
    Mail {
        recipient: digest.recipient.clone(),
        subject: language.text_with("mail-digest-subject", &[("site", arg(&site.site_name))]),
        body,
        unsubscribe_url: Some(one_click),
    }
}

pub fn lead_reminder(site: &SiteConfig, reminder: &Reminder, token: &str) -> Mail {
    let language = reminder.language;
    let sig = || arg(&reminder.sig_name);
    let slug = &reminder.sig_slug;
    let days = reminder.days.join(", ");
    let args = [
        ("sig", sig()),
        ("days", arg(&days)),
        ("count", reminder.count.into()),
    ];
    let (subject_key, body_key, path) = match reminder.kind {
        ReminderKind::StaleBoard => (
            "mail-reminder-board-subject",
            "mail-reminder-board",
            format!("/sigs/{slug}/roadmap"),
        ),
        ReminderKind::MissingNotes => (
            "mail-reminder-notes-subject",
            "mail-reminder-notes",
            format!("/sigs/{slug}/meetings/new"),
        ),
        ReminderKind::WaitingRequests => (
            "mail-reminder-requests-subject",
            "mail-reminder-requests",
            format!("/sigs/{slug}/members"),
        ),
    };
    let (footer, one_click) = footer(
        site,
        language,
        language.text_with("mail-reminder-why", &[("sig", sig())]),
        "mail-reminder-stop",
        MailList::LeadReminders,
        token,
    );
    Mail {
        recipient: reminder.recipient.clone(),
        subject: language.text_with(subject_key, &args),
        body: format!(
            "{}\n\n{}\n{}\n{footer}",
            language.text_with("mail-hello", &[("name", arg(&reminder.name))]),
            language.text_with(body_key, &args),
            site.link(&language.href(&path)),
        ),
        unsubscribe_url: Some(one_click),
    }
}
