-- Every change to what a page can show bumps one counter (SQLite) or a
-- sequence and a notification (PostgreSQL), from any code path and any
-- process, so the page cache knows when to drop what it keeps. Tables
-- that no public page reads (sessions, rate limits, the outbox, form
-- drafts, secrets, import previews) are left out on purpose.
CREATE SEQUENCE content_changes;

CREATE FUNCTION content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('content_changes');
    PERFORM pg_notify('sigpost_content_changed', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER calendar_feeds_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_feeds
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER channels_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON channels
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER email_tokens_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON email_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER join_requests_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON join_requests
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER leaderships_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON leaderships
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER leave_links_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON leave_links
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER meeting_series_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting_series
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER meetings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER memberships_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pages
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER people_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER roadmap_changes_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roadmap_changes
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER roadmap_items_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roadmap_items
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER sig_teams_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sig_teams
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER sigs_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sigs
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER subprojects_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON subprojects
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
