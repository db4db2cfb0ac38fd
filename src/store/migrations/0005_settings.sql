-- Version 5: the device's own settings (camera, code types the scanner reads, language).
-- Device-local like users and drafts: settings never sync.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
