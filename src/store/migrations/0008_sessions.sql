-- Version 8: outreach (socialization) sessions. A session is planned on the device (a local
-- row, no event); holding it appends `session.held`, each attendee `session.attended`, each
-- finished quiz `quiz.answered`, in the same transaction as the rows below. Leads (attendees
-- who want to register) are device-local: they link the session to the household wizard's
-- draft, and to the household once it is registered.
CREATE TABLE sessions (
    key            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,        -- UUID v7
    village_code   TEXT NOT NULL,
    place          TEXT NOT NULL,
    scheduled_date TEXT NOT NULL,               -- YYYY-MM-DD, local (WIB)
    scheduled_time TEXT NOT NULL,               -- HH:MM, local
    method         TEXT NOT NULL,
    topic          TEXT NOT NULL,
    facilitators   TEXT NOT NULL,               -- JSON array of names
    partners       TEXT NOT NULL,               -- JSON array of codes
    state          TEXT NOT NULL DEFAULT 'planned'
                   CHECK (state IN ('planned', 'held', 'closed')),
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,               -- RFC 3339 UTC
    started_at     TEXT,
    closed_at      TEXT,
    held_event_seq INTEGER REFERENCES events (seq)
);
CREATE INDEX sessions_created ON sessions (created_at);

CREATE TABLE session_attendees (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,          -- UUID v7, `attendee_id` in the events
    session_key  INTEGER NOT NULL REFERENCES sessions (key),
    nik          TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL DEFAULT '',
    household_id TEXT NOT NULL DEFAULT '',      -- when known on the device
    at           TEXT NOT NULL,
    event_seq    INTEGER NOT NULL REFERENCES events (seq)
);
CREATE INDEX session_attendees_session ON session_attendees (session_key);
-- A NIK is counted once per session.
CREATE UNIQUE INDEX session_attendees_nik ON session_attendees (session_key, nik)
    WHERE nik <> '';

CREATE TABLE quiz_results (
    key          INTEGER PRIMARY KEY,
    attendee_key INTEGER NOT NULL REFERENCES session_attendees (key),
    phase        TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
    quiz         TEXT NOT NULL,                 -- the quiz's key
    score        INTEGER NOT NULL CHECK (score >= 0),
    max_score    INTEGER NOT NULL CHECK (max_score >= 1 AND score <= max_score),
    answers      TEXT NOT NULL,                 -- JSON array: the chosen index or null
    at           TEXT NOT NULL,
    event_seq    INTEGER NOT NULL REFERENCES events (seq),
    UNIQUE (attendee_key, phase)
);

CREATE TABLE session_leads (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,          -- UUID v7
    attendee_key INTEGER NOT NULL UNIQUE REFERENCES session_attendees (key),
    created_at   TEXT NOT NULL,
    draft_id     TEXT NOT NULL DEFAULT '',      -- the wizard draft opened for it
    household_id TEXT NOT NULL DEFAULT ''       -- set when that draft is registered
);
CREATE INDEX session_leads_draft ON session_leads (draft_id) WHERE draft_id <> '';
