//! `/sigs/:slug/health`: a SIG's last twelve months, month by month, as the
//! charts and the tables beside them show it.

use serde::{Deserialize, Serialize};

use crate::models::roadmap::Month;
use crate::models::sig::LeadRole;

/// One month's figures. Months are UTC months; a meeting counts in the
/// month of the day it was held, in its series' zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    pub month: Month,
    /// "Nov 2026", in the page's language.
    pub label: String,
    /// Meetings the SIG's series (as they are today) had planned that started
    /// before now, and meeting records written for days of the month.
    pub scheduled: i64,
    pub held: i64,
    pub with_notes: i64,
    pub with_recording: i64,
    /// Memberships that began and ended in the month, and those active at
    /// its end (or now, for the month under way).
    pub joined: i64,
    pub left: i64,
    pub members: i64,
    /// Items that became done or dropped in the month; items planned or in
    /// progress at its end whose target month had come (or passed).
    pub done: i64,
    pub dropped: i64,
    pub overdue: i64,
    /// Median days from an item's first time planned (or in progress) to done,
    /// over the items done in the month.
    pub median_days_to_done: Option<i64>,
}

/// The day each kind of thing last happened, in the page's language, if
/// it ever did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastActivity {
    pub meeting: Option<String>,
    pub notes: Option<String>,
    pub roadmap_change: Option<String>,
    pub joined: Option<String>,
}

/// A lead's role and since when they hold it (unknown for leads who came
/// with the community's first data file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadTerm {
    pub name: String,
    pub github: Option<String>,
    pub role: LeadRole,
    /// The day they began, in the page's language.
    pub since: Option<String>,
}

/// The three charts, as SVG drawn on the server from `months`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthCharts {
    pub meetings: String,
    pub members: String,
    pub roadmap: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigHealthPage {
    pub slug: String,
    pub name: String,
    /// The last twelve months, oldest first, this month last.
    pub months: Vec<MonthFigures>,
    pub last: LastActivity,
    pub leads: Vec<LeadTerm>,
    pub charts: HealthCharts,
    /// Years with a published report, newest first.
    pub reports: Vec<i64>,
    /// Whether the visitor may write the SIG's reports.
    pub can_edit: bool,
    /// This year: the report a lead would write now.
    pub this_year: i64,
}

/// The middle value of `values` (the lower of the two middles when even).
pub fn median(values: &mut [i64]) -> Option<i64> {
    values.sort_unstable();
    values.get(values.len().saturating_sub(1) / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn the_median_is_a_middle_value() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7]), Some(7));
        assert_eq!(median(&mut [9, 1, 5]), Some(5));
        assert_eq!(median(&mut [4, 1, 3, 2]), Some(2));
    }
}
