-- A chair's or tech lead's term may end on a day (YYYY-MM-DD); the day after,
-- the daily job makes them emeritus. An emeritus lead keeps the role they
-- held and when they stepped down.
ALTER TABLE leaderships ADD COLUMN term_ends_on TEXT;
ALTER TABLE leaderships ADD COLUMN former_role TEXT;
ALTER TABLE leaderships ADD COLUMN stepped_down_at BIGINT;
