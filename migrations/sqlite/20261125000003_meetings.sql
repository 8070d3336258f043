-- Meetings: each SIG's regular series (the rule that says when it meets, in
-- its own IANA time zone, so the next date is right across daylight-saving
-- changes), the record of each meeting held, and the secret addresses of the
-- members' personal calendar feeds.
CREATE TABLE meeting_series (
    id             INTEGER PRIMARY KEY,
    sig_id         BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    -- ISO weekday: 1 = Monday … 7 = Sunday.
    weekday        BIGINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    -- Local wall-clock times in time_zone, HH:MM.
    start_time     TEXT NOT NULL,
    end_time       TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    cadence        TEXT NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'monthly')),
    -- Monthly series: which weekday of the month (1 to 4, or -1 for the last).
    week_of_month  BIGINT CHECK (week_of_month IN (-1, 1, 2, 3, 4)),
    -- The first day the series may meet (YYYY-MM-DD); every-two-weeks
    -- series count their fortnights from it.
    starts_on      TEXT NOT NULL,
    join_url       TEXT,
    notes_url      TEXT,
    recordings_url TEXT,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX meeting_series_by_sig ON meeting_series (sig_id);

CREATE TABLE meetings (
    id             INTEGER PRIMARY KEY,
    sig_id         BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    -- The day it was held (YYYY-MM-DD, in the series' zone).
    held_on        TEXT NOT NULL,
    title          TEXT NOT NULL,
    agenda         TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    recording_url  TEXT,
    updated_by     BIGINT REFERENCES people (id) ON DELETE SET NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX meetings_by_sig ON meetings (sig_id, held_on);

-- One secret feed address per person. The token is kept as it is (not
-- hashed) so the member can copy the address again; it only reveals which
-- public meetings someone follows, and replacing it revokes the old one.
CREATE TABLE calendar_feeds (
    person_id      BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    token          TEXT NOT NULL UNIQUE,
    created_at     BIGINT NOT NULL
);
