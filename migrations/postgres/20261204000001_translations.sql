-- Texts a community writes, in languages other than the site's default
-- (the default's live in `sigs` and `pages`). A missing row or an empty
-- text means "not translated": pages then show the default's text with a
-- note saying so.
CREATE TABLE sig_translations (
    sig_id      BIGINT NOT NULL REFERENCES sigs (id) ON DELETE CASCADE,
    language    TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    mission     TEXT NOT NULL DEFAULT '',
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (sig_id, language)
);

CREATE TABLE page_translations (
    slug          TEXT NOT NULL REFERENCES pages (slug) ON DELETE CASCADE,
    language      TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    body_markdown TEXT NOT NULL DEFAULT '',
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (slug, language)
);

-- The language a person chose when joining or signing up: the e-mails
-- sent to them later are written in it. NULL is the site's default.
ALTER TABLE people ADD COLUMN language TEXT;

CREATE TRIGGER sig_translations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sig_translations
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE TRIGGER page_translations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON page_translations
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
