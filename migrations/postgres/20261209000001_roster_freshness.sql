-- A roster that stays fresh: a member with no sign of life for a year
-- (configurable) is asked by e-mail whether they still take part; with no
-- answer in 30 days they are shown apart as inactive, kept in the history,
-- until they or a lead say otherwise.
ALTER TABLE memberships ADD COLUMN active_confirmed_at BIGINT;
ALTER TABLE memberships ADD COLUMN activity_asked_at BIGINT;
ALTER TABLE memberships ADD COLUMN inactive_at BIGINT;
