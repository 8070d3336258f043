-- Roadmap boards: each SIG's items for the coming months, and the history of
-- every change to them. `version` is the optimistic lock: a save names the
-- version it started from and fails if another save came first.
CREATE TABLE roadmap_items (
    id             INTEGER PRIMARY KEY,
    sig_id         BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL
                   CHECK (status IN ('proposed', 'planned', 'in_progress', 'done', 'dropped')),
    -- The month the item should be done in, as YYYY-MM (sorts as text).
    target_month   TEXT NOT NULL,
    owner_id       BIGINT REFERENCES people (id) ON DELETE SET NULL,
    link_url       TEXT,
    exit_criterion TEXT NOT NULL DEFAULT '',
    position       BIGINT NOT NULL,
    version        BIGINT NOT NULL DEFAULT 1,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX roadmap_items_by_sig ON roadmap_items (sig_id, status, position);

-- Kept when an item is deleted (no foreign key on item_id), so feeds and the
-- record still say what happened to it.
CREATE TABLE roadmap_changes (
    id          INTEGER PRIMARY KEY,
    item_id     BIGINT NOT NULL,
    sig_id      BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    person_id   BIGINT REFERENCES people (id) ON DELETE SET NULL,
    item_title  TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('created', 'updated', 'moved', 'deleted')),
    summary     TEXT NOT NULL,
    -- The item's version after this change.
    version     BIGINT NOT NULL,
    changed_at  BIGINT NOT NULL
);
CREATE INDEX roadmap_changes_by_item ON roadmap_changes (item_id, id);
CREATE INDEX roadmap_changes_by_sig ON roadmap_changes (sig_id, changed_at);
CREATE INDEX roadmap_changes_by_time ON roadmap_changes (changed_at);
