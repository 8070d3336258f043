-- no-transaction
-- The CNCF TOC's technical advisory groups (TAGs) are a kind of group too.
-- SQLite cannot change a CHECK in place, so the table is rebuilt as its
-- documentation describes: foreign keys off, so that dropping the old table
-- cascades to none of the tables that refer to it, and the legacy rename,
-- which leaves their references to "sigs" to find the new table.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
BEGIN;
CREATE TABLE sigs_with_tags (
    id                INTEGER PRIMARY KEY,
    slug              TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL DEFAULT 'sig'
                      CHECK (kind IN ('sig', 'working_group', 'committee', 'user_group', 'tag')),
    description       TEXT NOT NULL DEFAULT '',
    mission           TEXT NOT NULL DEFAULT '',
    chat_channel_name TEXT,
    chat_channel_url  TEXT,
    mailing_list_url  TEXT,
    meeting_notes_url TEXT,
    recordings_url    TEXT,
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    position          BIGINT NOT NULL DEFAULT 0,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    join_policy       TEXT NOT NULL DEFAULT 'open' CHECK (join_policy IN ('open', 'approval')),
    charter_url       TEXT
);
INSERT INTO sigs_with_tags (id, slug, name, kind, description, mission, chat_channel_name,
    chat_channel_url, mailing_list_url, meeting_notes_url, recordings_url, status, position,
    created_at, updated_at, join_policy, charter_url)
SELECT id, slug, name, kind, description, mission, chat_channel_name, chat_channel_url,
    mailing_list_url, meeting_notes_url, recordings_url, status, position, created_at,
    updated_at, join_policy, charter_url FROM sigs;
DROP TABLE sigs;
ALTER TABLE sigs_with_tags RENAME TO sigs;
CREATE TRIGGER sigs_changed_on_insert AFTER INSERT ON sigs
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sigs_changed_on_update AFTER UPDATE ON sigs
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sigs_changed_on_delete AFTER DELETE ON sigs
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sigs_search_on_insert AFTER INSERT ON sigs
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sigs_search_on_update AFTER UPDATE ON sigs
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sigs_search_on_delete AFTER DELETE ON sigs
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
COMMIT;
PRAGMA legacy_alter_table = OFF;
PRAGMA foreign_keys = ON;
