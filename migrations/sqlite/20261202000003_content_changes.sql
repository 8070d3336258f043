-- Every change to what a page can show bumps one counter (SQLite) or a
-- sequence and a notification (PostgreSQL), from any code path and any
-- process, so the page cache knows when to drop what it keeps. Tables
-- that no public page reads (sessions, rate limits, the outbox, form
-- drafts, secrets, import previews) are left out on purpose.
CREATE TABLE content_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    counter INTEGER NOT NULL
);
INSERT INTO content_changes (id, counter) VALUES (1, 0);
CREATE TRIGGER calendar_feeds_changed_on_insert AFTER INSERT ON calendar_feeds
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER calendar_feeds_changed_on_update AFTER UPDATE ON calendar_feeds
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER calendar_feeds_changed_on_delete AFTER DELETE ON calendar_feeds
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER channels_changed_on_insert AFTER INSERT ON channels
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER channels_changed_on_update AFTER UPDATE ON channels
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER channels_changed_on_delete AFTER DELETE ON channels
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER email_tokens_changed_on_insert AFTER INSERT ON email_tokens
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER email_tokens_changed_on_update AFTER UPDATE ON email_tokens
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER email_tokens_changed_on_delete AFTER DELETE ON email_tokens
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER join_requests_changed_on_insert AFTER INSERT ON join_requests
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER join_requests_changed_on_update AFTER UPDATE ON join_requests
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER join_requests_changed_on_delete AFTER DELETE ON join_requests
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER leaderships_changed_on_insert AFTER INSERT ON leaderships
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER leaderships_changed_on_update AFTER UPDATE ON leaderships
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER leaderships_changed_on_delete AFTER DELETE ON leaderships
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER leave_links_changed_on_insert AFTER INSERT ON leave_links
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER leave_links_changed_on_update AFTER UPDATE ON leave_links
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER leave_links_changed_on_delete AFTER DELETE ON leave_links
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER meeting_series_changed_on_insert AFTER INSERT ON meeting_series
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER meeting_series_changed_on_update AFTER UPDATE ON meeting_series
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER meeting_series_changed_on_delete AFTER DELETE ON meeting_series
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER meetings_changed_on_insert AFTER INSERT ON meetings
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER meetings_changed_on_update AFTER UPDATE ON meetings
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER meetings_changed_on_delete AFTER DELETE ON meetings
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER memberships_changed_on_insert AFTER INSERT ON memberships
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER memberships_changed_on_update AFTER UPDATE ON memberships
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER memberships_changed_on_delete AFTER DELETE ON memberships
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER pages_changed_on_insert AFTER INSERT ON pages
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER pages_changed_on_update AFTER UPDATE ON pages
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER pages_changed_on_delete AFTER DELETE ON pages
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER people_changed_on_insert AFTER INSERT ON people
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER people_changed_on_update AFTER UPDATE ON people
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER people_changed_on_delete AFTER DELETE ON people
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER roadmap_changes_changed_on_insert AFTER INSERT ON roadmap_changes
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER roadmap_changes_changed_on_update AFTER UPDATE ON roadmap_changes
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER roadmap_changes_changed_on_delete AFTER DELETE ON roadmap_changes
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER roadmap_items_changed_on_insert AFTER INSERT ON roadmap_items
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER roadmap_items_changed_on_update AFTER UPDATE ON roadmap_items
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER roadmap_items_changed_on_delete AFTER DELETE ON roadmap_items
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sig_teams_changed_on_insert AFTER INSERT ON sig_teams
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sig_teams_changed_on_update AFTER UPDATE ON sig_teams
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sig_teams_changed_on_delete AFTER DELETE ON sig_teams
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sigs_changed_on_insert AFTER INSERT ON sigs
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sigs_changed_on_update AFTER UPDATE ON sigs
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sigs_changed_on_delete AFTER DELETE ON sigs
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER subprojects_changed_on_insert AFTER INSERT ON subprojects
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER subprojects_changed_on_update AFTER UPDATE ON subprojects
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER subprojects_changed_on_delete AFTER DELETE ON subprojects
BEGIN UPDATE content_changes SET counter = counter + 1; END;
