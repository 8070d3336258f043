//! Regular meetings for the demo data: the KubeSphere list carries none, so
//! a few SIGs get the kinds of rules real communities write (every two
//! weeks in Beijing time, weekly in Pacific time, monthly in Europe).

use app::models::meeting::MeetingSeriesForm;
use app::store::Database;

struct DemoSeries {
    sig: &'static str,
    title: &'static str,
    weekday: &'static str,
    start: &'static str,
    end: &'static str,
    zone: &'static str,
    cadence: &'static str,
    week_of_month: &'static str,
}

const DEMO_SERIES: &[DemoSeries] = &[
    DemoSeries {
        sig: "storage",
        title: "SIG Storage meeting",
        weekday: "Thursday",
        start: "15:00",
        end: "16:00",
        zone: "Asia/Shanghai",
        cadence: "biweekly",
        week_of_month: "",
    },
    DemoSeries {
        sig: "devops",
        title: "SIG DevOps meeting",
        weekday: "Tuesday",
        start: "09:00",
        end: "10:00",
        zone: "America/Los_Angeles",
        cadence: "weekly",
        week_of_month: "",
    },
    DemoSeries {
        sig: "console",
        title: "Console design review",
        weekday: "Wednesday",
        start: "14:00",
        end: "15:00",
        zone: "Europe/Berlin",
        cadence: "monthly",
        week_of_month: "2",
    },
    DemoSeries {
        sig: "architecture",
        title: "Architecture office hours",
        weekday: "Monday",
        start: "13:00",
        end: "14:00",
        zone: "UTC",
        cadence: "weekly",
        week_of_month: "",
    },
];

/// Adds the demo series; a SIG missing from the directory is skipped.
pub async fn add(db: &Database) -> Result<(), sqlx::Error> {
    for demo in DEMO_SERIES {
        let form = MeetingSeriesForm {
            sig: demo.sig.to_owned(),
            title: demo.title.to_owned(),
            weekday: demo.weekday.to_owned(),
            start_time: demo.start.to_owned(),
            end_time: demo.end.to_owned(),
            time_zone: demo.zone.to_owned(),
            cadence: demo.cadence.to_owned(),
            week_of_month: demo.week_of_month.to_owned(),
            starts_on: "2026-01-01".to_owned(),
            ..MeetingSeriesForm::default()
        };
        match form.validate(app::schedule::zones::canonical) {
            Ok(series) => {
                app::store::meetings::save_series(db, demo.sig, 0, &series).await?;
            }
            Err(errors) => {
                tracing::error!(?errors, sig = demo.sig, "demo meeting does not validate")
            }
        }
    }
    Ok(())
}
