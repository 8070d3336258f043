-- The search index: one row per thing a visitor can find (a SIG, a roadmap
-- item, a meeting record, a guidance page, a lead), rebuilt from the
-- tables it shows at the first search after a change (see the stale marks
-- below), so every process sees the same results right after a change.
-- SQLite: FTS5 with the trigram tokenizer, whose index answers GLOB
-- patterns (substrings of any script, Chinese included).
CREATE VIRTUAL TABLE search_entries USING fts5(
    kind UNINDEXED,
    path UNINDEXED,
    context UNINDEXED,
    title UNINDEXED,
    body UNINDEXED,
    -- Lower-case title, body and the English stems of their words.
    haystack,
    tokenize = 'trigram'
);

-- The distinct words of the index, so that a query word with one wrong
-- letter can be matched to the word it meant.
CREATE TABLE search_words (
    word TEXT PRIMARY KEY
);

-- A row here means the index is stale: every change to a table it reads
-- leaves one, in the writing transaction, and a rebuild removes the rows
-- it has seen. SQLite writers take turns, so one row (id 1) is enough
-- (written only when missing: a trigger's OR IGNORE gives way to the
-- conflict rule of the statement that fired it).
CREATE TABLE search_stale_marks (
    id INTEGER PRIMARY KEY
);
INSERT INTO search_stale_marks (id) VALUES (1);
CREATE TRIGGER sigs_search_on_insert AFTER INSERT ON sigs
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sigs_search_on_update AFTER UPDATE ON sigs
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sigs_search_on_delete AFTER DELETE ON sigs
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER subprojects_search_on_insert AFTER INSERT ON subprojects
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER subprojects_search_on_update AFTER UPDATE ON subprojects
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER subprojects_search_on_delete AFTER DELETE ON subprojects
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sig_teams_search_on_insert AFTER INSERT ON sig_teams
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sig_teams_search_on_update AFTER UPDATE ON sig_teams
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sig_teams_search_on_delete AFTER DELETE ON sig_teams
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sig_translations_search_on_insert AFTER INSERT ON sig_translations
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sig_translations_search_on_update AFTER UPDATE ON sig_translations
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER sig_translations_search_on_delete AFTER DELETE ON sig_translations
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER roadmap_items_search_on_insert AFTER INSERT ON roadmap_items
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER roadmap_items_search_on_update AFTER UPDATE ON roadmap_items
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER roadmap_items_search_on_delete AFTER DELETE ON roadmap_items
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER meetings_search_on_insert AFTER INSERT ON meetings
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER meetings_search_on_update AFTER UPDATE ON meetings
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER meetings_search_on_delete AFTER DELETE ON meetings
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER pages_search_on_insert AFTER INSERT ON pages
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER pages_search_on_update AFTER UPDATE ON pages
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER pages_search_on_delete AFTER DELETE ON pages
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER page_translations_search_on_insert AFTER INSERT ON page_translations
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER page_translations_search_on_update AFTER UPDATE ON page_translations
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER page_translations_search_on_delete AFTER DELETE ON page_translations
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER people_search_on_insert AFTER INSERT ON people
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER people_search_on_update AFTER UPDATE ON people
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER people_search_on_delete AFTER DELETE ON people
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER leaderships_search_on_insert AFTER INSERT ON leaderships
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER leaderships_search_on_update AFTER UPDATE ON leaderships
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
CREATE TRIGGER leaderships_search_on_delete AFTER DELETE ON leaderships
BEGIN INSERT INTO search_stale_marks (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM search_stale_marks); END;
