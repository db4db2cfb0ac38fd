-- Version 3: the people who may use this device. Device-local: never synced, and the PIN is
-- kept only as an Argon2id hash (libsodium crypto_pwhash_str).
CREATE TABLE users (
    id              TEXT PRIMARY KEY,         -- UUID v7
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('supervisor', 'volunteer')),
    pin_hash        TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NOT NULL DEFAULT 0, -- Unix seconds; 0 when not locked
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL             -- user id, or 'first-run'
);
