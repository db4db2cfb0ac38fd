-- Version 2: a timestamp for every step of a member's status pipeline, not just the last.
CREATE TABLE member_status_history (
    member_key INTEGER NOT NULL REFERENCES members (key),
    at        TEXT NOT NULL,                  -- RFC 3339 UTC
    status    TEXT NOT NULL,
    event_seq INTEGER NOT NULL REFERENCES events (seq),
    PRIMARY KEY (member_key, at, status)
) WITHOUT ROWID;

-- Members registered under version 1 keep the one step they had.
INSERT INTO member_status_history (member_key, at, status, event_seq)
SELECT key, status_at, status, event_seq FROM members;
