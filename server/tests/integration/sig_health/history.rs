//! A year of made-up history for one SIG, written straight into the
//! database, with the counts of each month worked out here from what was
//! written: the test's own arithmetic, not the portal's.

use app::store::Database;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};

/// A tiny deterministic generator, so every run writes the same history.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Self {
        Dice(seed)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

pub struct Meeting {
    pub day: NaiveDate,
    pub notes: bool,
    pub recording: bool,
}

pub struct Tenure {
    pub joined: i64,
    pub left: Option<i64>,
}

pub struct Item {
    pub title: String,
    pub created: i64,
    pub target: (i32, u32),
    /// When it was done or dropped, and which.
    pub end: Option<(i64, &'static str)>,
}

pub struct Written {
    pub series_start: NaiveDate,
    pub meetings: Vec<Meeting>,
    pub tenures: Vec<Tenure>,
    pub items: Vec<Item>,
}

/// (year, month) of a Unix time, in UTC.
pub fn month_of(at: i64) -> (i32, u32) {
    let time = DateTime::from_timestamp(at, 0).expect("a time");
    (time.year(), time.month())
}

pub fn start_of((year, month): (i32, u32)) -> i64 {
    Utc.with_ymd_and_hms(year, month, 1, 0, 0, 0)
        .unwrap()
        .timestamp()
}

pub fn next((year, month): (i32, u32)) -> (i32, u32) {
    if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

/// The twelve months shown on the health page, oldest first.
pub fn last_twelve(now: i64) -> Vec<(i32, u32)> {
    let mut months = vec![month_of(now)];
    while months.len() < 12 {
        let (year, month) = months[0];
        months.insert(
            0,
            if month == 1 {
                (year - 1, 12)
            } else {
                (year, month - 1)
            },
        );
    }
    months
}

async fn run(db: &Database, sql: String) {
    sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
        .execute(&db.pool)
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"));
}

/// Writes the SIG `chronicle` and 400 days of its history up to `now`.
pub async fn write(db: &Database, now: DateTime<Utc>) -> Written {
    let mut dice = Dice::new(19);
    let now_s = now.timestamp();
    let day_s = 86_400;
    run(
        db,
        "INSERT INTO sigs (slug, name, description, created_at, updated_at) \
             VALUES ('chronicle', 'Chronicle', 'Keeps the record.', 0, 0)"
            .into(),
    )
    .await;
    let sig_id: i64 = sqlx::query_scalar("SELECT id FROM sigs WHERE slug = 'chronicle'")
        .fetch_one(&db.pool)
        .await
        .expect("the SIG");
    let series_start = (now - Duration::days(400)).date_naive();
    run(db, format!(
        "INSERT INTO meeting_series (sig_id, title, weekday, start_time, end_time, time_zone, cadence, \
         starts_on, created_at, updated_at) VALUES ({sig_id}, 'Weekly sync', 2, '10:00', '11:00', 'UTC', \
         'weekly', '{series_start}', 0, 0)"
    )).await;

    let mut meetings = Vec::new();
    let mut day = series_start;
    while day <= now.date_naive() {
        let start = Utc.from_utc_datetime(&day.and_hms_opt(10, 0, 0).expect("10:00"));
        if day.weekday().number_from_monday() == 2 && start <= now && dice.below(10) < 7 {
            let meeting = Meeting {
                day,
                notes: dice.below(2) == 0,
                recording: dice.below(10) < 3,
            };
            run(db, format!(
                "INSERT INTO meetings (sig_id, held_on, title, notes, recording_url, created_at, updated_at) \
                 VALUES ({sig_id}, '{day}', 'Weekly sync', '{}', {}, 0, 0)",
                if meeting.notes { "Talked it through." } else { "" },
                if meeting.recording { "'https://example.org/recording'" } else { "NULL" },
            )).await;
            meetings.push(meeting);
        }
        day += Duration::days(1);
    }

    let mut tenures = Vec::new();
    for person in 0..40 {
        let joined = now_s - (dice.below(400) as i64 * day_s) - dice.below(day_s as u64) as i64;
        let left = (dice.below(10) < 3)
            .then(|| joined + dice.below(((now_s - joined) as u64).max(1)) as i64)
            .filter(|left| *left < now_s);
        run(
            db,
            format!(
                "INSERT INTO people (display_name, created_at) VALUES ('Chronicler {person}', 0)"
            ),
        )
        .await;
        let person_id: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT id FROM people WHERE display_name = 'Chronicler {person}'"
        )))
        .fetch_one(&db.pool)
        .await
        .expect("the person");
        run(
            db,
            format!(
            "INSERT INTO memberships (sig_id, person_id, status, requested_at, joined_at, left_at) \
             VALUES ({sig_id}, {person_id}, '{}', {joined}, {joined}, {})",
            if left.is_some() { "left" } else { "active" },
            left.map_or("NULL".to_owned(), |at| at.to_string()),
        ),
        )
        .await;
        tenures.push(Tenure { joined, left });
    }

    let mut items = Vec::new();
    for number in 0..30 {
        let created = now_s - (dice.below(400) as i64 * day_s) - dice.below(day_s as u64) as i64;
        let mut target = month_of(created);
        for _ in 0..dice.below(3) {
            target = next(target);
        }
        let roll = dice.below(20);
        let end_at = created + dice.below(120) as i64 * day_s + 3600;
        let end = match roll {
            0..=9 if end_at < now_s => Some((end_at, "done")),
            10..=12 if end_at < now_s => Some((end_at, "dropped")),
            _ => None,
        };
        let item = Item {
            title: format!("Chronicle item {number}"),
            created,
            target,
            end,
        };
        let item_id = 900_000 + number;
        let month = format!("{:04}-{:02}", target.0, target.1);
        let change = |version: i64, action: &str, status: &str, at: i64| {
            format!(
                "INSERT INTO roadmap_changes (item_id, sig_id, item_title, action, summary, version, \
                 changed_at, status, target_month) VALUES ({item_id}, {sig_id}, '{}', '{action}', '', \
                 {version}, {at}, '{status}', '{month}')",
                item.title
            )
        };
        run(db, change(1, "created", "planned", created)).await;
        // Half of them go through "in progress" half-way (not an arrival anywhere counted).
        let halfway = created + (end.map_or(now_s, |(at, _)| at) - created) / 2;
        let mut version = 1;
        if number % 2 == 0 && halfway > created {
            version += 1;
            run(db, change(version, "updated", "in_progress", halfway)).await;
        }
        if let Some((at, status)) = end {
            run(db, change(version + 1, "updated", status, at)).await;
        }
        items.push(item);
    }
    Written {
        series_start,
        meetings,
        tenures,
        items,
    }
}

/// One month's expected figures, in the page's column order.
#[derive(Debug, PartialEq, Eq)]
pub struct Expected {
    pub meetings: [i64; 4],
    pub members: [i64; 3],
    pub done: i64,
    pub overdue: i64,
    pub dropped: i64,
    pub median_days: Option<i64>,
}

impl Written {
    pub fn expected(&self, month: (i32, u32), now: i64) -> Expected {
        let (start, end) = (start_of(month), start_of(next(month)));
        let cutoff = end.min(now);
        let in_month = |at: i64| (start..end).contains(&at);
        let held: Vec<&Meeting> = self
            .meetings
            .iter()
            .filter(|m| (m.day.year(), m.day.month()) == month)
            .collect();
        let mut scheduled = 0;
        let mut day = NaiveDate::from_ymd_opt(month.0, month.1, 1).expect("a first day");
        while day.month() == month.1 {
            let begins = Utc
                .from_utc_datetime(&day.and_hms_opt(10, 0, 0).expect("10:00"))
                .timestamp();
            if day.weekday().number_from_monday() == 2 && day >= self.series_start && begins <= now
            {
                scheduled += 1;
            }
            day += Duration::days(1);
        }
        let count = |f: &dyn Fn(&Meeting) -> bool| held.iter().filter(|m| f(m)).count() as i64;
        let ended = |status: &str| {
            self.items
                .iter()
                .filter(|item| item.end.is_some_and(|(at, s)| s == status && in_month(at)))
                .collect::<Vec<_>>()
        };
        let mut days: Vec<i64> = ended("done")
            .iter()
            .map(|item| (item.end.map_or(item.created, |(at, _)| at) - item.created) / 86_400)
            .collect();
        days.sort_unstable();
        let cutoff_month = month_of(cutoff);
        Expected {
            meetings: [
                scheduled,
                held.len() as i64,
                count(&|m| m.notes),
                count(&|m| m.recording),
            ],
            members: [
                self.tenures
                    .iter()
                    .filter(|t| t.joined < cutoff && t.left.is_none_or(|l| l >= cutoff))
                    .count() as i64,
                self.tenures.iter().filter(|t| in_month(t.joined)).count() as i64,
                self.tenures
                    .iter()
                    .filter(|t| t.left.is_some_and(in_month))
                    .count() as i64,
            ],
            done: ended("done").len() as i64,
            overdue: self
                .items
                .iter()
                .filter(|item| {
                    item.created < cutoff
                        && item.end.is_none_or(|(at, _)| at >= cutoff)
                        && item.target < cutoff_month
                })
                .count() as i64,
            dropped: ended("dropped").len() as i64,
            median_days: days.get(days.len().saturating_sub(1) / 2).copied(),
        }
    }
}
