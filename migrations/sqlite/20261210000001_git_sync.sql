-- Keeping the community's data file in a git repository in step with the
-- site. One row: where the sync stands. `last_commit` is the repository's
-- commit last brought in step and `synced_text` the file as it was there;
-- the site changed when its export differs from that text, the repository
-- when its file does. `target` names the remote, branch and path the row
-- is about: another target starts again from nothing.
CREATE TABLE git_sync (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    target         TEXT NOT NULL DEFAULT '',
    last_commit    TEXT,
    synced_text    TEXT,
    last_synced_at BIGINT,
    last_error     TEXT NOT NULL DEFAULT '',
    -- One instance syncs at a time: it holds the row for a lease.
    holder         TEXT,
    lease_until    BIGINT
);
INSERT INTO git_sync (id) VALUES (1);

-- Who changed what on the site since the last commit: the next commit
-- names them as its authors. Removed once committed.
CREATE TABLE site_edits (
    id        INTEGER PRIMARY KEY,
    person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    summary   TEXT NOT NULL,
    made_at   BIGINT NOT NULL
);

-- A change from the repository the sync would not make alone: a conflict
-- with a site edit, or groups the file no longer lists (they would be
-- archived). Syncing stops until an admin chooses a side; both texts stay
-- here afterwards too, so neither side is ever lost.
CREATE TABLE git_sync_holds (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('conflict', 'deletions')),
    repo_commit  TEXT NOT NULL,
    -- The site's export, the repository's file, what taking the
    -- repository's side imports (a clean merge of both, or the file), and
    -- the merge with conflict markers.
    site_text    TEXT NOT NULL,
    repo_text    TEXT NOT NULL,
    import_text  TEXT NOT NULL,
    merged_text  TEXT NOT NULL DEFAULT '',
    -- Slugs of the groups taking the repository's side would archive, one per line.
    archived     TEXT NOT NULL DEFAULT '',
    held_at      BIGINT NOT NULL,
    resolution   TEXT CHECK (resolution IN ('site', 'repository')),
    resolved_by  BIGINT REFERENCES people (id) ON DELETE SET NULL,
    resolved_at  BIGINT,
    applied_at   BIGINT
);
