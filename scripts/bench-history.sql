-- A year of history for every SIG, for the health page's line of
-- scripts/bench.sh (SQLite): a meeting a week, forty members who came and
-- some who went, thirty roadmap items that move and some that get done.
WITH RECURSIVE days(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM days WHERE n < 364)
INSERT INTO meetings (sig_id, held_on, title, notes, recording_url, created_at, updated_at)
SELECT s.id, date('now', '-' || n || ' days'), 'Weekly sync',
       CASE WHEN n % 14 < 7 THEN 'Notes of the week.' ELSE '' END,
       CASE WHEN n % 21 < 7 THEN 'https://example.org/recording' END, 0, 0
FROM sigs s, days WHERE n % 7 = s.id % 7;

WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 39)
INSERT INTO people (display_name, created_at)
SELECT 'Bench member ' || s.id || '-' || n, 0 FROM sigs s, k;

INSERT INTO memberships (sig_id, person_id, status, requested_at, joined_at, left_at)
SELECT s.id, p.id,
       CASE WHEN p.id % 4 = 0 THEN 'left' ELSE 'active' END,
       unixepoch() - (p.id * 7919 % 31536000),
       unixepoch() - (p.id * 7919 % 31536000),
       CASE WHEN p.id % 4 = 0 THEN unixepoch() - (p.id * 7919 % 31536000) / 2 END
FROM sigs s JOIN people p ON p.display_name LIKE 'Bench member ' || s.id || '-%';

WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 29)
INSERT INTO roadmap_changes (item_id, sig_id, item_title, action, summary, version, changed_at, status, target_month)
SELECT 1000000 + s.id * 100 + n, s.id, 'Bench item ' || n, 'created', '', 1,
       unixepoch() - n * 1000000, 'planned', strftime('%Y-%m', unixepoch() - n * 1000000 + 5000000, 'unixepoch')
FROM sigs s, k;

INSERT INTO roadmap_changes (item_id, sig_id, item_title, action, summary, version, changed_at, status, target_month)
SELECT item_id, sig_id, item_title, 'updated', '', 2, changed_at + 2000000,
       CASE WHEN item_id % 3 = 0 THEN 'dropped' ELSE 'done' END, target_month
FROM roadmap_changes WHERE item_id >= 1000000 AND item_id % 2 = 0 AND changed_at + 2000000 < unixepoch();
