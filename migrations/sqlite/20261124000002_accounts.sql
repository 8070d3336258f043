-- Accounts: sign-in for people, sessions shared by every server instance,
-- single-use e-mail links, the e-mail outbox and per-client rate limits.
ALTER TABLE people ADD COLUMN email_key TEXT;
ALTER TABLE people ADD COLUMN password_hash TEXT;
ALTER TABLE people ADD COLUMN email_confirmed_at BIGINT;
ALTER TABLE people ADD COLUMN is_admin BIGINT NOT NULL DEFAULT 0;
-- The lower-case address: one account per address, whatever the spelling.
CREATE UNIQUE INDEX people_by_email_key ON people (email_key);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's token: a leaked table cannot sign anyone in.
    token_hash TEXT PRIMARY KEY,
    person_id  BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_person ON sessions (person_id);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    person_id  BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset', 'invite')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);

CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at    BIGINT,
    attempts   BIGINT NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, id);

CREATE TABLE rate_limits (
    bucket       TEXT NOT NULL,
    client       TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits         BIGINT NOT NULL,
    PRIMARY KEY (bucket, client, window_start)
);
