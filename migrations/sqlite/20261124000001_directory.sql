-- The SIG directory: groups, the people who lead them, community channels and
-- governance pages. Timestamps are Unix seconds (portable through sqlx::Any).
CREATE TABLE sigs (
    id                INTEGER PRIMARY KEY,
    slug              TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL DEFAULT 'sig'
                      CHECK (kind IN ('sig', 'working_group', 'committee', 'user_group')),
    description       TEXT NOT NULL DEFAULT '',
    mission           TEXT NOT NULL DEFAULT '',
    chat_channel_name TEXT,
    chat_channel_url  TEXT,
    mailing_list_url  TEXT,
    meeting_notes_url TEXT,
    recordings_url    TEXT,
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    position          BIGINT NOT NULL DEFAULT 0,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    display_name  TEXT NOT NULL,
    -- As written in the source; github_key is its lower-case form, so one
    -- GitHub account is one person whatever the spelling.
    github_handle TEXT,
    github_key    TEXT UNIQUE,
    -- Private: never rendered on a page or returned by the API.
    email         TEXT,
    created_at    BIGINT NOT NULL
);

CREATE TABLE leaderships (
    sig_id    BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('chair', 'tech_lead', 'emeritus')),
    position  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (sig_id, person_id)
);
CREATE INDEX leaderships_by_person ON leaderships (person_id);

CREATE TABLE channels (
    id       INTEGER PRIMARY KEY,
    purpose  TEXT NOT NULL,
    name     TEXT NOT NULL,
    url      TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL CHECK (kind IN ('general', 'local')),
    position BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE pages (
    slug          TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    position      BIGINT NOT NULL DEFAULT 0,
    updated_at    BIGINT NOT NULL
);
