-- Signing in through GitHub or the community's OpenID Connect provider.

-- Which provider account belongs to which person: `subject` is the
-- provider's own stable id (GitHub's numeric user id, the OIDC `sub`),
-- never a name that can change hands. One of each provider per person.
CREATE TABLE identities (
    provider   TEXT NOT NULL CHECK (provider IN ('github', 'oidc')),
    subject    TEXT NOT NULL,
    person_id  BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- What the provider calls them (GitHub login, preferred username),
    -- shown to them and to admins.
    login      TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (provider, subject)
);
CREATE UNIQUE INDEX identities_one_per_provider ON identities (person_id, provider);

-- A sign-in sent to a provider and not yet back, bound to the browser that
-- started it by a cookie whose SHA-256 is the key. Kept in the database so
-- the callback may reach any instance; taken (deleted) by the callback, so
-- each is used once.
CREATE TABLE sign_in_attempts (
    browser_hash      TEXT PRIMARY KEY,
    provider          TEXT NOT NULL,
    state             TEXT NOT NULL,
    nonce             TEXT NOT NULL,
    pkce_verifier     TEXT NOT NULL,
    return_to         TEXT NOT NULL,
    -- Set when a signed-in person links a provider from their account page.
    linking_person_id BIGINT REFERENCES people (id) ON DELETE CASCADE,
    language          TEXT NOT NULL,
    expires_at        BIGINT NOT NULL
);

-- How each session began and in which browser, so a person can tell their
-- sessions apart and end the ones they do not recognise.
ALTER TABLE sessions ADD COLUMN signed_in_with TEXT NOT NULL DEFAULT 'password';
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
