-- When a lead last looked at their home, per SIG: "joined since you last
-- looked" counts from here. Per person and shown on no public page, so it
-- has no content-change trigger.
CREATE TABLE lead_visits (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    sig_id    BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    seen_at   BIGINT NOT NULL,
    PRIMARY KEY (person_id, sig_id)
);
