-- Visitors' join requests wait here a moment for the join worker. The
-- request writes only this row, the same work whoever the address belongs
-- to, so how long its answer takes cannot tell whether the address has an
-- account; the worker then finds or creates the person and writes the
-- memberships and the e-mail, and removes the row in that transaction.
CREATE TABLE queued_joins (
    id            INTEGER PRIMARY KEY,
    display_name  TEXT NOT NULL,
    email         TEXT NOT NULL,
    github_handle TEXT,
    -- The slugs asked for, one per line.
    sigs          TEXT NOT NULL,
    interest      TEXT NOT NULL,
    weekly_digest BIGINT NOT NULL,
    language      TEXT NOT NULL,
    queued_at     BIGINT NOT NULL,
    -- Failed tries; a request that keeps failing is set aside at five.
    attempts      BIGINT NOT NULL DEFAULT 0
);
