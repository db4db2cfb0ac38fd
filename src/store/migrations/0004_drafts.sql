-- Version 4: half-filled households of the touch app's wizard, saved at every step so that a
-- crash, a power cut or a flat battery loses nothing. A draft is not a record yet: it becomes
-- events only when the volunteer saves it, and that same transaction deletes it.
CREATE TABLE drafts (
    id         TEXT PRIMARY KEY,                 -- UUID v7
    user_id    TEXT NOT NULL REFERENCES users (id),
    step       TEXT NOT NULL,
    data       TEXT NOT NULL,                    -- the draft as JSON (codec/draft_json)
    updated_at TEXT NOT NULL
);
CREATE INDEX drafts_user ON drafts (user_id, updated_at);
