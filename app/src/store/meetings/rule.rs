//! A meeting series' rule as stored, and the ways into it: a validated
//! form, an imported file (which carries one), and the columns a query binds.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, FromRow};

use crate::models::meeting::ValidSeries;
use crate::schedule::Schedule;
use crate::store::import::ImportedSeries;

/// A series' rule and links as stored: the one shape that pages, calendars,
/// the leads' form and imports read and write.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct SeriesRule {
    pub weekday: i64,
    pub start_time: String,
    pub end_time: String,
    pub time_zone: String,
    pub cadence: String,
    pub week_of_month: Option<i64>,
    pub starts_on: String,
    pub join_url: Option<String>,
    pub notes_url: Option<String>,
    pub recordings_url: Option<String>,
}

impl SeriesRule {
    /// The rule of a series form that passed its checks.
    pub fn valid(series: &ValidSeries) -> Self {
        SeriesRule {
            weekday: i64::from(series.weekday),
            start_time: series.start.label(),
            end_time: series.end.label(),
            time_zone: series.time_zone.clone(),
            cadence: series.cadence.as_str().to_owned(),
            week_of_month: series.week_of_month.map(|week| week.0),
            starts_on: series.starts_on.key(),
            join_url: series.join_url.clone(),
            notes_url: series.notes_url.clone(),
            recordings_url: series.recordings_url.clone(),
        }
    }

    /// The series this rule belongs to, as an import would describe it.
    pub(crate) fn into_series(self, title: String) -> ImportedSeries {
        ImportedSeries { title, rule: self }
    }

    /// The rule resolved for computing meetings, or `None` when a stored
    /// value no longer parses.
    pub fn schedule(&self) -> Option<Schedule> {
        Schedule::new(
            u32::try_from(self.weekday).unwrap_or(0),
            &self.start_time,
            &self.end_time,
            &self.time_zone,
            &self.cadence,
            self.week_of_month,
            &self.starts_on,
        )
    }

    /// Binds the ten rule columns as `$1`…`$10`.
    pub(crate) fn bind<'q>(
        &'q self,
        query: Query<'q, Any, AnyArguments>,
    ) -> Query<'q, Any, AnyArguments> {
        query
            .bind(self.weekday)
            .bind(&self.start_time)
            .bind(&self.end_time)
            .bind(&self.time_zone)
            .bind(&self.cadence)
            .bind(self.week_of_month)
            .bind(&self.starts_on)
            .bind(&self.join_url)
            .bind(&self.notes_url)
            .bind(&self.recordings_url)
    }
}
