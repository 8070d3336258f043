//! `/health`: how each active SIG is doing, by rules the page states.

use serde::{Deserialize, Serialize};

/// The window the freshness rules look back over.
pub const FRESH_DAYS: i64 = 90;

/// Green: all three rules hold; amber: one or two; red: none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Light {
    Red,
    Amber,
    Green,
}

impl Light {
    /// The light for how many of the three rules hold.
    pub fn of(rules_held: usize) -> Light {
        match rules_held {
            0 => Light::Red,
            3.. => Light::Green,
            _ => Light::Amber,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Amber => "amber",
            Light::Green => "green",
        }
    }
}

/// One SIG's row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigHealth {
    pub slug: String,
    pub name: String,
    /// Meeting records held within `FRESH_DAYS`, and the day of the last.
    pub recent_meetings: i64,
    pub last_meeting: Option<String>,
    /// When any roadmap item last changed (Unix seconds), and the days since.
    pub board_updated_days_ago: Option<i64>,
    pub open_items: i64,
    pub overdue_items: i64,
    pub active_members: i64,
    /// Chairs and tech leads, and those who did anything within `FRESH_DAYS`.
    pub leads: i64,
    pub active_leads: i64,
}

impl SigHealth {
    pub fn meets(&self) -> bool {
        self.recent_meetings > 0
    }

    pub fn board_is_current(&self) -> bool {
        self.board_updated_days_ago
            .is_some_and(|days| days <= FRESH_DAYS)
    }

    pub fn leads_are_active(&self) -> bool {
        self.active_leads > 0
    }

    pub fn light(&self) -> Light {
        Light::of(
            [
                self.meets(),
                self.board_is_current(),
                self.leads_are_active(),
            ]
            .into_iter()
            .filter(|held| *held)
            .count(),
        )
    }
}

/// The columns the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HealthColumn {
    Name,
    Light,
    Meetings,
    Board,
    Items,
    Members,
    Leads,
}

impl HealthColumn {
    pub const ALL: [HealthColumn; 7] = [
        HealthColumn::Name,
        HealthColumn::Light,
        HealthColumn::Meetings,
        HealthColumn::Board,
        HealthColumn::Items,
        HealthColumn::Members,
        HealthColumn::Leads,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HealthColumn::Name => "name",
            HealthColumn::Light => "light",
            HealthColumn::Meetings => "meetings",
            HealthColumn::Board => "board",
            HealthColumn::Items => "items",
            HealthColumn::Members => "members",
            HealthColumn::Leads => "leads",
        }
    }

    /// A column by its name in the address; the light for anything else.
    pub fn parse(name: &str) -> HealthColumn {
        HealthColumn::ALL
            .into_iter()
            .find(|column| column.as_str() == name)
            .unwrap_or(HealthColumn::Light)
    }

    /// Sorts `rows` by this column: names A to Z, everything else worst
    /// first (ties by name), or the other way round when `reversed`.
    pub fn sort(self, rows: &mut [SigHealth], reversed: bool) {
        rows.sort_by(|a, b| {
            let by_column = match self {
                HealthColumn::Name => std::cmp::Ordering::Equal,
                HealthColumn::Light => a.light().cmp(&b.light()),
                HealthColumn::Meetings => a.recent_meetings.cmp(&b.recent_meetings),
                // Never updated sorts as the stalest.
                HealthColumn::Board => b
                    .board_updated_days_ago
                    .unwrap_or(i64::MAX)
                    .cmp(&a.board_updated_days_ago.unwrap_or(i64::MAX)),
                HealthColumn::Items => b.overdue_items.cmp(&a.overdue_items),
                HealthColumn::Members => a.active_members.cmp(&b.active_members),
                HealthColumn::Leads => a.active_leads.cmp(&b.active_leads),
            };
            by_column.then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        if reversed {
            rows.reverse();
        }
    }
}

/// The table as shown, with the order it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthTable {
    pub rows: Vec<SigHealth>,
    pub sorted_by: HealthColumn,
    pub reversed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, meetings: i64, board: Option<i64>, active_leads: i64) -> SigHealth {
        SigHealth {
            slug: name.to_lowercase(),
            name: name.to_owned(),
            recent_meetings: meetings,
            last_meeting: None,
            board_updated_days_ago: board,
            open_items: 0,
            overdue_items: 0,
            active_members: 0,
            leads: 1,
            active_leads,
        }
    }

    #[test]
    fn the_light_counts_the_rules_that_hold() {
        assert_eq!(row("A", 1, Some(3), 1).light(), Light::Green);
        assert_eq!(row("A", 1, Some(91), 1).light(), Light::Amber);
        assert_eq!(row("A", 0, None, 0).light(), Light::Red);
        assert_eq!(row("A", 0, Some(90), 0).light(), Light::Amber);
    }

    #[test]
    fn sorting_puts_the_worst_first_and_reverses() {
        let mut rows = vec![
            row("Green", 2, Some(1), 1),
            row("Red", 0, None, 0),
            row("Amber", 1, None, 0),
        ];
        HealthColumn::Light.sort(&mut rows, false);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Red", "Amber", "Green"]);
        HealthColumn::Board.sort(&mut rows, false);
        assert_eq!(rows.last().map(|r| r.name.as_str()), Some("Green"));
        HealthColumn::Name.sort(&mut rows, true);
        assert_eq!(rows.first().map(|r| r.name.as_str()), Some("Red"));
        assert_eq!(HealthColumn::parse("nonsense"), HealthColumn::Light);
    }
}
