-- Joining SIGs: each SIG chooses open joining or lead approval; a visitor's
-- join request is confirmed by an e-mailed link (double opt-in); members
-- leave from "My SIGs" or from a link in any e-mail.
ALTER TABLE sigs ADD COLUMN join_policy TEXT NOT NULL DEFAULT 'open'
    CHECK (join_policy IN ('open', 'approval'));

-- One request to join one or more SIGs, confirmed by its e-mailed link.
CREATE TABLE join_requests (
    id         INTEGER PRIMARY KEY,
    -- SHA-256 of the link's token.
    token_hash TEXT NOT NULL UNIQUE,
    person_id  BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);

CREATE TABLE memberships (
    id               INTEGER PRIMARY KEY,
    sig_id           BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    person_id        BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    status           TEXT NOT NULL
                     CHECK (status IN ('unconfirmed', 'awaiting_approval', 'active', 'declined', 'left')),
    -- What the newcomer would like to work on, shown to the SIG's leads.
    interest         TEXT NOT NULL DEFAULT '',
    join_request_id  BIGINT REFERENCES join_requests (id) ON DELETE SET NULL,
    requested_at     BIGINT NOT NULL,
    joined_at        BIGINT,
    decided_at       BIGINT,
    decision_message TEXT NOT NULL DEFAULT '',
    left_at          BIGINT,
    UNIQUE (sig_id, person_id)
);
CREATE INDEX memberships_by_person ON memberships (person_id);
CREATE INDEX memberships_by_request ON memberships (join_request_id);

-- Links in e-mails that let someone leave without signing in. Every e-mail
-- gets a fresh one; all of a membership's links keep working.
CREATE TABLE leave_links (
    token_hash    TEXT PRIMARY KEY,
    membership_id BIGINT NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL
);
CREATE INDEX leave_links_by_membership ON leave_links (membership_id);
