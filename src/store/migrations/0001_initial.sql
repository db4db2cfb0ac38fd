-- Pekon device database, version 1: the event log and its first projections.

-- The append-only event log. Every change on the device is an event here first; the
-- projections below are derived from it in the same transaction.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,          -- device-local sequence number, from 1
    id          TEXT NOT NULL,                -- UUID v4 (random, so not indexed: the
                                              -- outbox answers are applied by seq)
    type        TEXT NOT NULL,
    at          TEXT NOT NULL,                -- RFC 3339 UTC
    actor       TEXT NOT NULL,
    data        TEXT NOT NULL,                -- JSON object, as sent to the hub
    origin      TEXT NOT NULL DEFAULT 'device' CHECK (origin IN ('device', 'hub')),
    sync_state  TEXT NOT NULL DEFAULT 'pending'
                CHECK (sync_state IN ('pending', 'accepted', 'duplicate', 'rejected')),
    hub_code    TEXT,                         -- the hub's answer for a rejected event
    hub_message TEXT,
    synced_at   TEXT
);
CREATE INDEX events_outbox ON events (sync_state, seq) WHERE origin = 'device';

CREATE TRIGGER events_append_only BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
CREATE TRIGGER events_immutable BEFORE UPDATE OF seq, id, type, at, actor, data, origin ON events
BEGIN
    SELECT RAISE(ABORT, 'events are immutable');
END;

-- Projections use small integer keys among themselves (sequential, cheap to index); the
-- UUIDs that leave the device are kept once each, with a unique index.
CREATE TABLE households (
    key           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,       -- UUID v7 (time-ordered), as in the events
    kk_number     TEXT NOT NULL,
    village_code  TEXT NOT NULL,
    address       TEXT NOT NULL,
    rt            TEXT NOT NULL DEFAULT '',
    rw            TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    registered_at TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    event_seq     INTEGER NOT NULL REFERENCES events (seq)
);
CREATE INDEX households_village ON households (village_code);
CREATE INDEX households_kk ON households (kk_number);

CREATE TABLE members (
    key           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,       -- UUID v7 (time-ordered)
    household_key INTEGER NOT NULL REFERENCES households (key),
    nik           TEXT NOT NULL,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL,              -- lower-case name, for search
    birth_date    TEXT NOT NULL,
    sex           TEXT NOT NULL CHECK (sex IN ('M', 'F')),
    relation      TEXT NOT NULL,
    segment       TEXT NOT NULL,
    class         INTEGER NOT NULL CHECK (class BETWEEN 1 AND 3),
    status        TEXT NOT NULL,
    status_at     TEXT NOT NULL,
    card_number   TEXT NOT NULL DEFAULT '',
    event_seq     INTEGER NOT NULL REFERENCES events (seq)
);
CREATE INDEX members_nik ON members (nik);
CREATE INDEX members_household ON members (household_key);
CREATE INDEX members_name ON members (name_key);
