-- SIG health and annual reports.
--
-- Each roadmap change now records where the item stood after it (status and
-- target month), so the health page can replay a board month by month. Rows
-- written before keep NULL, except each item's latest change, which is where
-- the item stands today.
ALTER TABLE roadmap_changes ADD COLUMN status TEXT;
ALTER TABLE roadmap_changes ADD COLUMN target_month TEXT;
UPDATE roadmap_changes SET
    status = (SELECT i.status FROM roadmap_items i WHERE i.id = roadmap_changes.item_id),
    target_month = (SELECT i.target_month FROM roadmap_items i WHERE i.id = roadmap_changes.item_id)
WHERE id IN (SELECT MAX(id) FROM roadmap_changes GROUP BY item_id);

-- When a lead took up the role (Unix seconds); NULL when the records do not say.
ALTER TABLE leaderships ADD COLUMN since BIGINT;

-- A SIG's annual report: the prose its leads write beside the figures the
-- site counts. Published reports are public pages; drafts are the leads'.
CREATE TABLE sig_reports (
    id             INTEGER PRIMARY KEY,
    sig_id         BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    year           BIGINT NOT NULL,
    initiatives    TEXT NOT NULL DEFAULT '',
    project_health TEXT NOT NULL DEFAULT '',
    membership     TEXT NOT NULL DEFAULT '',
    meetings       TEXT NOT NULL DEFAULT '',
    subprojects    TEXT NOT NULL DEFAULT '',
    published_at   BIGINT,
    version        BIGINT NOT NULL DEFAULT 1,
    updated_by     BIGINT REFERENCES people (id) ON DELETE SET NULL,
    updated_at     BIGINT NOT NULL,
    UNIQUE (sig_id, year)
);
CREATE TRIGGER sig_reports_changed_on_insert AFTER INSERT ON sig_reports
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sig_reports_changed_on_update AFTER UPDATE ON sig_reports
BEGIN UPDATE content_changes SET counter = counter + 1; END;
CREATE TRIGGER sig_reports_changed_on_delete AFTER DELETE ON sig_reports
BEGIN UPDATE content_changes SET counter = counter + 1; END;
