//! The one clock every request reads: the system's, moved by an offset that
//! tests set to see what a page says later (a meeting passed, a month over).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Datelike, Utc};

use crate::models::meeting::Day;
use crate::models::roadmap::Month;

/// Shared by the application state, the page cache and every handler.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    /// Now, as a UTC time.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Now, in Unix seconds: how every timestamp is stored.
    pub fn unix_seconds(&self) -> i64 {
        self.now().timestamp()
    }

    /// Today in UTC, as the record form's date check sees it.
    pub fn today(&self) -> Day {
        let now = self.now();
        Day {
            year: now.year(),
            month: now.month(),
            day: now.day(),
        }
    }

    /// This month, in UTC: the same for every visitor and both renders.
    pub fn this_month(&self) -> Month {
        month_of(self.now())
    }

    /// Moves this clock (and every copy of it) `seconds` ahead; tests only.
    pub fn advance(&self, seconds: i64) {
        self.offset_seconds.fetch_add(seconds, Ordering::Relaxed);
    }
}

/// The month `time` falls in, in UTC.
pub fn month_of(time: DateTime<Utc>) -> Month {
    Month::new(time.year(), time.month()).unwrap_or(Month(0))
}
