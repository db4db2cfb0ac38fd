#include "hub/hub_schema.hpp"

#include <iterator>

namespace pekon::hub {

namespace {

// Version 1. Times are Unix seconds; keys byte for byte.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS tokens (
    token_hash   {key} PRIMARY KEY,        -- SHA-256 hex of the token; the token is never stored
    label        TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT,
    device_id    TEXT
);
CREATE TABLE IF NOT EXISTS devices (
    id           {key} PRIMARY KEY,
    name         TEXT NOT NULL,
    secret       TEXT NOT NULL,            -- base64 of the 32-byte HMAC key
    enrolled_at  BIGINT NOT NULL,
    revoked_at   BIGINT
);
CREATE TABLE IF NOT EXISTS events (
    id           {key} PRIMARY KEY,        -- unique in storage: a resent event is not stored again
    device_id    {key} NOT NULL,           -- the signed-in device that pushed it
    seq          BIGINT NOT NULL,
    type         TEXT NOT NULL,
    at           TEXT NOT NULL,
    content      TEXT NOT NULL,            -- canonical JSON of the event
    content_hash TEXT NOT NULL,            -- SHA-256 hex: decides duplicate vs id_conflict
    received_at  BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS members (       -- the registrations, for duplicate NIKs and statuses
    member_id    {key} PRIMARY KEY,
    household_id {key} NOT NULL,
    device_id    {key} NOT NULL,
    nik          {key} NOT NULL,
    birth_date   {key} NOT NULL
);
CREATE INDEX IF NOT EXISTS members_nik ON members (nik, birth_date);
CREATE TABLE IF NOT EXISTS statuses (      -- the office's decisions (status import), latest last
    id           {serial},
    nik          TEXT NOT NULL,
    birth_date   TEXT NOT NULL,
    status       TEXT NOT NULL,
    card_number  TEXT NOT NULL,
    class        INTEGER,
    faskes       TEXT NOT NULL,
    decided_on   TEXT NOT NULL,
    imported_at  BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS changes (
    cursor       {serial},
    device_id    {key} NOT NULL,
    type         TEXT NOT NULL,
    data         TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_device ON changes (device_id, cursor);
)sql";

// Version 2: citizen kiosks (issue 6). The two partial indexes over the registrations' JSON
// let a status import find a person's name and village without a scan; they index what v1
// stored too, so nothing needs copying.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE IF NOT EXISTS hub_secrets (   -- made once per hub database, never printed
    name         {key} PRIMARY KEY,
    value        TEXT NOT NULL             -- kiosk.key: base64 of the district's 32-byte key
);
ALTER TABLE tokens ADD COLUMN kiosk_area TEXT;   -- a kiosk token: the area its kiosk serves
ALTER TABLE devices ADD COLUMN kiosk_area TEXT;  -- NULL: an ordinary device
CREATE TABLE IF NOT EXISTS kiosk_entries ( -- each person's latest card status, for kiosks
    nik          {key} NOT NULL,
    birth_date   {key} NOT NULL,
    lookup       TEXT NOT NULL,            -- statusLookupKey(kiosk.key, NIK, birth date)
    route        {key} NOT NULL,           -- the village, else the regency of the NIK
    decided_on   TEXT NOT NULL,            -- YYYY-MM-DD of the decision it shows
    data         TEXT NOT NULL,            -- the kiosk.status change's data (JSON)
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (nik, birth_date)
);
CREATE INDEX IF NOT EXISTS kiosk_entries_route ON kiosk_entries (route);
CREATE INDEX IF NOT EXISTS events_member_registered ON events ({data.member_id})
    WHERE type = 'member.registered';
CREATE INDEX IF NOT EXISTS events_household_registered ON events ({data.household_id})
    WHERE type = 'household.registered';
)sql";

// Version 3: how far to trust an event's device time (issue 12). `received_at` (v1) is the
// hub's clock when it stored the event; `clock_offset` the device's declared offset at the push
// (hub - device seconds); `time_flag` why the device time is doubtful (core/clock_check
// judgeEventTime), NULL when it is plausible. Events stored before v3 have neither.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE events ADD COLUMN clock_offset BIGINT;
ALTER TABLE events ADD COLUMN time_flag TEXT;
CREATE INDEX IF NOT EXISTS events_time_flag ON events (time_flag) WHERE time_flag IS NOT NULL;
)sql";

constexpr const char* kSchemaSteps[] = {kSchemaV1, kSchemaV2, kSchemaV3};
static_assert(std::size(kSchemaSteps) == kHubSchemaVersion);

constexpr HubSql kRecordVersion{"record_version",
                                "INSERT INTO hub_schema_version (version, applied_at) VALUES (?, ?)"};
constexpr HubSql kCurrentVersion{"schema_version", kReadSchemaVersion, 1};

}  // namespace

Error schemaTooNew(std::int64_t found) {
    const std::string versions = std::to_string(found) + " > " + std::to_string(kHubSchemaVersion);
    return Error{"hub_schema_newer",
                 "Basis data pekon-hub ini dibuat oleh versi yang lebih baru (skema " + versions +
                     "); tidak diubah. Pakai pekon-hub yang lebih baru.",
                 "This pekon-hub database was written by a newer version (schema " + versions +
                     "); it was left untouched. Use a newer pekon-hub."};
}

Status migrateSchema(std::int64_t current, const SqlDialect& dialect,
                     const std::function<Status(const SchemaStep&)>& apply) {
    if (current > kHubSchemaVersion) return schemaTooNew(current);
    for (std::int64_t version = current + 1; version <= kHubSchemaVersion; ++version) {
        const char* sql = kSchemaSteps[version - 1];
        if (auto s = apply(SchemaStep{version, render(sql, dialect)}); !s) return s;
    }
    return {};
}

Status migrateHub(HubDb& db, UnixSeconds now) {
    return db.transaction(TxMode::schema, [&](HubTx& tx) -> Status {
        if (auto s = tx.exec(kSchemaVersionTable, "create the schema version table"); !s) return s;
        auto current = tx.run(kCurrentVersion, {}, "read the schema version");
        if (!current) return current.error();
        return migrateSchema(current->integer(0, 0), db.dialect(), [&](const SchemaStep& step) {
            if (auto s = tx.exec(step.sql, "migrate the hub schema"); !s) return s;
            auto recorded = tx.run(kRecordVersion, {step.version, now}, "record the schema version");
            return recorded ? Status() : Status(recorded.error());
        });
    });
}

}  // namespace pekon::hub
