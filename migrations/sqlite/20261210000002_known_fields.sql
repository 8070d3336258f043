-- What sigs.yaml says that was read and dropped before: kept now, shown on
-- the group's page and written back by the export.
-- The group's GitHub label (`sig/LABEL`), the groups a working group
-- answers to (names, one per line), and its liaison on the steering body.
ALTER TABLE sigs ADD COLUMN label TEXT;
ALTER TABLE sigs ADD COLUMN stakeholder_sigs TEXT NOT NULL DEFAULT '';
ALTER TABLE sigs ADD COLUMN liaison_name TEXT;
ALTER TABLE sigs ADD COLUMN liaison_github TEXT;
-- The company a lead works for, as the file says (shown beside their name).
ALTER TABLE people ADD COLUMN company TEXT;
-- A subproject's own chat channel, mailing list and leads (one per line:
-- GitHub handle, name and company separated by tabs).
ALTER TABLE subprojects ADD COLUMN slack TEXT;
ALTER TABLE subprojects ADD COLUMN mailing_list_url TEXT;
ALTER TABLE subprojects ADD COLUMN leads TEXT NOT NULL DEFAULT '';
