-- Community data as code: what a sigs.yaml file says of a group beyond its
-- page (charter link, discussion teams, subprojects with their OWNERS files),
-- so an import can be exported again without loss.
ALTER TABLE sigs ADD COLUMN charter_url TEXT;

CREATE TABLE sig_teams (
    id          INTEGER PRIMARY KEY,
    sig_id      BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    BIGINT NOT NULL,
    UNIQUE (sig_id, name)
);

CREATE TABLE subprojects (
    id          INTEGER PRIMARY KEY,
    sig_id      BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- The OWNERS files that say who owns it, one URL per line.
    owners      TEXT NOT NULL DEFAULT '',
    position    BIGINT NOT NULL,
    UNIQUE (sig_id, name)
);

-- A file an admin uploaded: kept with its dry-run report until they apply it.
CREATE TABLE import_previews (
    id          INTEGER PRIMARY KEY,
    person_id   BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL,
    source      TEXT NOT NULL,
    -- The report as JSON: what would change (or changed), warnings, errors.
    report      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    applied_at  BIGINT
);
