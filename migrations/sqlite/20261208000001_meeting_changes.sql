-- Keeping people informed about meetings.
--
-- A lead may cancel one meeting of a series or move it to another day or
-- time, with a short reason; pages, calendar feeds and e-mails all read the
-- change from here. `occurs_on` is the local day the series' rule gives for
-- the meeting changed (in the series' zone), so the change stays attached
-- to that occurrence.
CREATE TABLE meeting_changes (
    id          INTEGER PRIMARY KEY,
    series_id   BIGINT NOT NULL REFERENCES meeting_series (id) ON DELETE CASCADE,
    occurs_on   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('cancelled', 'moved')),
    -- A moved meeting's new day and local times, in the series' zone.
    moved_on    TEXT,
    moved_start TEXT,
    moved_end   TEXT,
    reason      TEXT NOT NULL DEFAULT '',
    changed_by  BIGINT REFERENCES people (id) ON DELETE SET NULL,
    changed_at  BIGINT NOT NULL,
    UNIQUE (series_id, occurs_on),
    CHECK (kind = 'cancelled' OR (moved_on IS NOT NULL AND moved_start IS NOT NULL AND moved_end IS NOT NULL))
);
CREATE TRIGGER meeting_changes_changed_on_insert AFTER INSERT ON meeting_changes
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER meeting_changes_changed_on_update AFTER UPDATE ON meeting_changes
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER meeting_changes_changed_on_delete AFTER DELETE ON meeting_changes
BEGIN UPDATE content_changes SET counter = counter + 1; END;

-- Calendar apps take a re-sent event as newer only when SEQUENCE grows;
-- every change of a series or of one of its meetings bumps it.
ALTER TABLE meeting_series ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
-- The last day a series may meet (YYYY-MM-DD), when a lead ended it.
ALTER TABLE meeting_series ADD COLUMN ends_on TEXT;

-- What each person wants to hear about by e-mail, the zone they read times
-- in, and the token of the unsubscribe links in their e-mails (which work
-- without signing in). A person without a row gets the defaults.
CREATE TABLE mail_preferences (
    person_id         BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    meeting_changes   BIGINT NOT NULL DEFAULT 1 CHECK (meeting_changes IN (0, 1)),
    time_zone         TEXT,
    unsubscribe_token TEXT NOT NULL UNIQUE,
    updated_at        BIGINT NOT NULL
);
CREATE TRIGGER mail_preferences_changed_on_insert AFTER INSERT ON mail_preferences
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER mail_preferences_changed_on_update AFTER UPDATE ON mail_preferences
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER mail_preferences_changed_on_delete AFTER DELETE ON mail_preferences
BEGIN UPDATE content_changes SET counter = counter + 1; END;

-- Where an e-mail's List-Unsubscribe header points (RFC 2369 and 8058).
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;
