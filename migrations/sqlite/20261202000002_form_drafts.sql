-- What a person typed into a form the server refused, kept for a few
-- minutes so the form comes back filled in (passwords are never kept).
-- The browser holds the token in a cookie; the table keeps its hash.
CREATE TABLE form_drafts (
    token_hash TEXT PRIMARY KEY,
    fields     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX form_drafts_by_age ON form_drafts (created_at);
