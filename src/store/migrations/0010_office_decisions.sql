-- Version 10 (issue 14): the office's word on a member it sends back. A correction request
-- (`registration.correction_requested`, status needs_correction) or a rejection carries a
-- reason code and a note from the office; the member keeps the last such decision while the
-- volunteer corrects it and it waits for the office again (store/hub_changes). A decision that
-- moves the member on (verified and later) clears them. Hubs before issue 14 sent neither, so
-- nothing is filled in for members already rejected.
ALTER TABLE members ADD COLUMN office_decision TEXT NOT NULL DEFAULT '';  -- needs_correction,
                                                                         -- rejected or ''
ALTER TABLE members ADD COLUMN office_reason TEXT NOT NULL DEFAULT '';    -- the office's code
ALTER TABLE members ADD COLUMN office_note TEXT NOT NULL DEFAULT '';      -- its free text
-- The households waiting for a volunteer's correction (the households list's filter).
CREATE INDEX members_needs_correction ON members (household_key)
    WHERE status = 'needs_correction';
