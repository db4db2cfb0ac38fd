-- Version 12 (issue 16): personal data sealed at rest. The personal columns keep their names
-- but hold sealed text (vault/field_seal: "s1:" under the device's data key, "b1:" sealed to
-- its public key by the background sync) once the device has a data key; until then (a
-- database from before this version, up to its first sign-in) they hold plain text, and the
-- first sign-in seals them in one transaction (store/internal/sealing). NIK and KK are found
-- by keyed blind indexes, filled here with the plain values and replaced by the sealing.
ALTER TABLE users ADD COLUMN data_key TEXT NOT NULL DEFAULT '';  -- the device's data key
                                                                 -- wrapped by this user's PIN
ALTER TABLE members ADD COLUMN nik_index TEXT NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN kk_index TEXT NOT NULL DEFAULT '';
ALTER TABLE session_attendees ADD COLUMN nik_index TEXT NOT NULL DEFAULT '';
UPDATE members SET nik_index = nik;
UPDATE households SET kk_index = kk_number;
UPDATE session_attendees SET nik_index = nik;
-- Indexes over sealed text find nothing: the blind indexes take their place.
DROP INDEX members_nik;
DROP INDEX members_name;
DROP INDEX households_kk;
DROP INDEX session_attendees_nik;
CREATE INDEX members_nik_index ON members (nik_index);
CREATE INDEX households_kk_index ON households (kk_index);
CREATE UNIQUE INDEX session_attendees_nik ON session_attendees (session_key, nik_index)
    WHERE nik_index <> '';

-- The personal part of an event, kept beside the log (whose rows never change): the event's
-- `data` keeps the rest. `for_hub` is a sealed box to the hub's public key (base64), sent
-- with the event as `sealed` and dropped once the hub has it; NULL while the hub's key is not
-- known (the next sign-in seals it). `for_device` is a sealed field for this device's own
-- reading (the projections' check), '' once the member's data has left the device.
CREATE TABLE event_seals (
    seq        INTEGER PRIMARY KEY REFERENCES events (seq),
    for_hub    TEXT,
    for_device TEXT NOT NULL DEFAULT ''
);
