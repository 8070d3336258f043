//! The e-mail members get when a meeting of their SIG is cancelled, moved or
//! put back, or a series ends or meets again: times in the reader's zone
//! and in UTC, and the links to stop these e-mails without signing in.

use chrono::Datelike;

use super::arg;
use super::digest::{footer, meeting_time};
use crate::models::mail_preferences::MailList;
use crate::schedule::Occurrence;
use crate::state::SiteConfig;
use crate::store::meetings::changes::{MeetingNotice, NoticeKind};
use crate::store::outbox::Mail;

pub fn meeting_changed(
    site: &SiteConfig,
    notice: &MeetingNotice,
    now: chrono::DateTime<chrono::Utc>,
) -> Mail {
    let language = notice.language;
    // The meeting as the reader's clock shows it, and in UTC.
    let when = |meeting: Occurrence| meeting_time(language, meeting, Some(notice.zone), now);
    let day = |meeting: Occurrence| {
        let start = meeting.start.with_timezone(&notice.zone);
        crate::i18n::format::date(language, start.year(), start.month(), start.day())
    };
    let (key, subject_key, new) = match notice.what {
        NoticeKind::Cancelled => (
            "mail-meeting-cancelled",
            "mail-meeting-cancelled-subject",
            None,
        ),
        NoticeKind::Moved(moved) => (
            "mail-meeting-moved",
            "mail-meeting-moved-subject",
            Some(moved),
        ),
        NoticeKind::Restored => (
            "mail-meeting-restored",
            "mail-meeting-restored-subject",
            None,
        ),
        NoticeKind::Ended => ("mail-meeting-ended", "mail-meeting-ended-subject", None),
        NoticeKind::Resumed => ("mail-meeting-resumed", "mail-meeting-resumed-subject", None),
    };
    let args = |meeting: String| {
        [
            ("sig", arg(&notice.sig_name)),
            ("series", arg(&notice.series_title)),
            ("when", arg(&meeting)),
            ("new", arg(&new.map(when).unwrap_or_default())),
        ]
    };
    let subject = language.text_with(subject_key, &args(day(notice.planned)));
    let mut body = format!(
        "{}\n\n{}\n",
        language.text_with("mail-hello", &[("name", arg(&notice.name))]),
        language.text_with(key, &args(when(notice.planned))),
    );
    if !notice.reason.is_empty() {
        body.push_str(&format!(
            "\n{}\n{}\n",
            language.text("mail-meeting-reason"),
            notice.reason
        ));
    }
    body.push_str(&format!(
        "\n{} {}\n",
        language.text("mail-meeting-page"),
        site.link(&language.href(&format!("/sigs/{}/meetings", notice.sig_slug))),
    ));
    let (footer, one_click) = footer(
        site,
        language,
        language.text_with("mail-meeting-why", &[("sig", arg(&notice.sig_name))]),
        "mail-meeting-unsubscribe",
        MailList::MeetingChanges,
        &notice.unsubscribe_token,
    );
    body.push_str(&footer);
    Mail {
        recipient: notice.recipient.clone(),
        subject,
        body,
        unsubscribe_url: Some(one_click),
    }
}
