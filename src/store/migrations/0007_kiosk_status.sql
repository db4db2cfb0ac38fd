-- Version 7: the card-status table a self-service kiosk answers from, offline. No NIK, no
-- birth date, no full name or card number: each row is found by a slow keyed hash of NIK and
-- birth date (store/kiosk_status.hpp), and holds only what the kiosk may show.
CREATE TABLE kiosk_status (
    lookup             TEXT PRIMARY KEY,  -- hex of Argon2id(HMAC(district key, NIK|date))
    status             TEXT NOT NULL,
    class              INTEGER,
    faskes             TEXT NOT NULL DEFAULT '',
    card_eta           TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD while a card is due
    card_number_masked TEXT NOT NULL DEFAULT '',  -- last 4 digits
    name_masked        TEXT NOT NULL DEFAULT '',  -- S*** A*****
    as_of              TEXT NOT NULL              -- RFC 3339: when the office decided
) WITHOUT ROWID;
