-- Version 2: a timestamp for every step of a member's status pipeline, not just the last.
CREATE TABLE member_status_history (
    member_id TEXT NOT NULL REFERENCES members (id),
    at        TEXT NOT NULL,                  -- RFC 3339 UTC
    status    TEXT NOT NULL,
    event_seq INTEGER NOT NULL REFERENCES events (seq),
    PRIMARY KEY (member_id, at, status)
) WITHOUT ROWID;

-- Members registered under version 1 keep the one step they had.
INSERT INTO member_status_history (member_id, at, status, event_seq)
SELECT id, status_at, status, event_seq FROM members;
