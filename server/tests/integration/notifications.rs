//! Scheduled e-mail through a real SMTP server: a simulated week and more
//! of weekly digests and reminders to leads, each sent once (with a second
//! instance polling beside the first on PostgreSQL), and one-click
//! unsubscribing from the digest.

use chrono::{DateTime, Duration, TimeZone, Utc};
use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::smtp::{Received, SmtpServer};
use crate::support::{roles, Backend, TestApp};

mod fleet;
mod lead_terms;
mod roster_freshness;

on_both_databases!(digests_and_reminders_go_out_once_each_through_a_simulated_fortnight,);

fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .expect("a time")
}

/// Moves every instance's clock to `at`, then waits for their schedulers
/// (which look every second) to have looked.
pub(super) async fn move_to(instances: &[&TestApp], at: DateTime<Utc>) {
    for app in instances {
        app.clock.advance((at - app.clock.now()).num_seconds());
    }
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
}

/// Waits until the schedulers registered their jobs, which they do when
/// they start, due at their next time by the real clock.
pub(super) async fn wait_for_jobs(app: &TestApp) {
    let db = app.database.open().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let jobs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs")
            .fetch_one(&db.pool)
            .await
            .expect("jobs");
        if jobs as usize == app::jobs::Job::ALL.len() {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "no jobs registered");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

fn with_subject(received: &[Received], email: &str, text: &str) -> Vec<Received> {
    received
        .iter()
        .filter(|mail| mail.to == email && mail.subject.contains(text))
        .cloned()
        .collect()
}

/// A member of storage in Shanghai who wants the digest or not.
async fn member(app: &TestApp, name: &str, email: &str, digest: bool) {
    let mut fields = vec![
        ("form[time_zone]", "Asia/Shanghai"),
        ("form[meeting_changes]", "on"),
    ];
    if digest {
        fields.push(("form[weekly_digest]", "on"));
    }
    app.storage_member(name, email, &fields).await;
}

async fn runs(app: &TestApp, job: &str, outcome: &str) -> i64 {
    let db = app.database.open().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM job_runs WHERE job = $1 AND outcome = $2")
        .bind(job)
        .bind(outcome)
        .fetch_one(&db.pool)
        .await
        .expect("runs")
}

async fn digests_and_reminders_go_out_once_each_through_a_simulated_fortnight(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_scheduling(backend, smtp.url(), 3).await;
    // On PostgreSQL a second instance polls the same jobs.
    let second = match backend {
        Backend::Postgres => Some(app.scheduling_beside(smtp.url(), 3).await),
        Backend::Sqlite => None,
    };
    let mut instances = vec![&app];
    instances.extend(second.iter());
    wait_for_jobs(&app).await;

    // Friday 5 March 2027: the jobs, overdue since the servers started,
    // catch up once each.
    move_to(&instances, utc(2027, 3, 5, 12)).await;
    assert_eq!(runs(&app, "weekly-digest", "done").await, 1);
    assert_eq!(runs(&app, "lead-reminders", "done").await, 1);

    let roles = roles(&app).await;
    crate::meetings::changes::monday_series(&app, &roles.lead).await;
    member(&app, "Mei", "mei@example.org", true).await;
    member(&app, "Otto", "otto@example.org", false).await;
    // An agenda written ahead for Monday's meeting, and a roadmap change.
    let agenda = app
        .call(
            "save_meeting_record",
            &[
                ("form[sig]", "storage"),
                ("form[id]", "0"),
                ("form[held_on]", "2027-03-08"),
                ("form[title]", "Storage weekly"),
                ("form[agenda]", "1. CSI snapshots"),
                ("form[notes]", ""),
                ("form[recording_url]", ""),
            ],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(agenda.status, StatusCode::OK, "{}", agenda.body);
    let mut item = crate::roadmap::Item::new("Snapshot restore", "planned");
    item.month = "2027-06".into();
    crate::roadmap::create(&app, &roles.lead, &item).await;

    // Day by day through two weeks: a digest each Monday 07:00 UTC, the
    // reminders each day at 08:00 UTC.
    let start = utc(2027, 3, 6, 9);
    for day in 0..10 {
        move_to(&instances, start + Duration::days(day)).await;
    }
    let received = smtp
        .wait_until(|received| with_subject(received, "mei@example.org", "Your week").len() >= 2)
        .await;
    assert_eq!(
        runs(&app, "weekly-digest", "done").await,
        3,
        "a catch-up and two Mondays"
    );
    assert_eq!(runs(&app, "lead-reminders", "done").await, 11);
    assert_eq!(runs(&app, "weekly-digest", "lost").await, 0);

    let digests = with_subject(&received, "mei@example.org", "Your week");
    assert_eq!(digests.len(), 2, "{digests:#?}");
    let first = &digests[0];
    // Monday 09:00 in New York is 22:00 in Shanghai, the zone Mei chose.
    assert!(first.text.contains("Storage weekly"), "{}", first.text);
    assert!(first.text.contains("22:00–23:00"), "{}", first.text);
    assert!(first.text.contains("Agenda:"), "{}", first.text);
    assert!(first.text.contains("Snapshot restore"), "{}", first.text);
    assert!(
        first
            .header("List-Unsubscribe")
            .is_some_and(|value| value.contains("list=weekly-digest")),
        "{first:#?}"
    );
    assert!(with_subject(&received, "otto@example.org", "Your week").is_empty());
    assert!(with_subject(&received, "lead@example.org", "Your week").is_empty());

    // The meetings of 1 and 8 March have no notes (the second only an
    // agenda): the lead hears about each once, from the second day after
    // it, and about nothing else in between: one reminder of a kind a week
    // (the second also names the demo data's Thursday meeting of 11 March).
    let notes = with_subject(&received, "lead@example.org", "notes missing");
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(
        notes[0].subject.ends_with("2027-03-01"),
        "{}",
        notes[0].subject
    );
    assert!(
        notes[1].subject.contains("2027-03-08"),
        "{}",
        notes[1].subject
    );
    assert!(
        !notes[1].subject.contains("2027-03-01"),
        "{}",
        notes[1].subject
    );
    assert!(
        notes[0]
            .header("List-Unsubscribe")
            .is_some_and(|value| value.contains("list=lead-reminders")),
        "{:#?}",
        notes[0]
    );

    // One click stops the digest: the next Monday brings none.
    let path = digests[1].one_click_path();
    let done = app.post(&path, &[], "List-Unsubscribe=One-Click").await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    move_to(&instances, utc(2027, 3, 22, 7) + Duration::minutes(1)).await;
    assert_eq!(runs(&app, "weekly-digest", "done").await, 4);
    let received = smtp.wait_until(|_| true).await;
    assert_eq!(
        with_subject(&received, "mei@example.org", "Your week").len(),
        2
    );

    // The admins' page lists the runs.
    let admin = app.visit_as("/admin", &roles.admin).await;
    assert!(admin.body.contains("weekly-digest"), "{}", admin.body);
    assert!(admin.body.contains("e-mails queued"), "{}", admin.body);
}
