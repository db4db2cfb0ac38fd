-- Version 11 (issue 15): a kiosk's view of complaint tickets. The hub sends every kiosk of the
-- area a `complaint.status` change when the office takes up, answers or closes a ticket; the
-- kiosk where a complaint was made keeps its ticket from the moment it is sent (state open).
-- A citizen enters or scans the ticket number and reads where it stands. No personal data: the
-- number, the state, the office's answer (checked for it at the hub) and the day.
CREATE TABLE complaint_answers (
    ticket     TEXT PRIMARY KEY,            -- PK-XXXX-XXXX-XXXX (core/complaint)
    state      TEXT NOT NULL,               -- open, in_progress, answered, closed
    answer     TEXT NOT NULL DEFAULT '',
    updated_on TEXT NOT NULL                -- YYYY-MM-DD: the office's day of the change
) WITHOUT ROWID;
