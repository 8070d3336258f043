-- Scheduled work (weekly digests, reminders to leads) runs from this table:
-- an instance claims a due job for a lease, does it in one transaction that
-- also moves the job to its next run, and gives the claim back. A claim
-- whose lease ran out (its instance crashed) is taken over by another, and
-- work done under a lost claim is rolled back, so each run happens once.
CREATE TABLE jobs (
    name        TEXT PRIMARY KEY,
    next_run_at BIGINT NOT NULL,
    claimed_by  TEXT,
    lease_until BIGINT
);

-- Every run, for admins: who ran it, when, and how it went.
CREATE TABLE job_runs (
    id          INTEGER PRIMARY KEY,
    job         TEXT NOT NULL,
    instance    TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT,
    outcome     TEXT NOT NULL CHECK (outcome IN ('running', 'done', 'failed', 'lost')),
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX job_runs_by_start ON job_runs (started_at);

-- The weekly digest is opt-in; reminders to leads are on until turned off.
ALTER TABLE mail_preferences ADD COLUMN weekly_digest BIGINT NOT NULL DEFAULT 0
    CHECK (weekly_digest IN (0, 1));
ALTER TABLE mail_preferences ADD COLUMN lead_reminders BIGINT NOT NULL DEFAULT 1
    CHECK (lead_reminders IN (0, 1));

-- At most one reminder of a kind per lead and SIG a week.
CREATE TABLE reminders_sent (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    sig_id    BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    sent_at   BIGINT NOT NULL,
    PRIMARY KEY (person_id, sig_id, kind)
);

-- Two instances must not both send one message: a sender claims it first.
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT;

-- A visitor's wish for the digest, kept until they confirm their address.
ALTER TABLE join_requests ADD COLUMN weekly_digest BIGINT NOT NULL DEFAULT 0;
