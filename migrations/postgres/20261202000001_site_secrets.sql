-- Secrets the site makes for itself, shared by every instance on this
-- database: the key that signs error reports carried in a redirect's address.
CREATE TABLE site_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
