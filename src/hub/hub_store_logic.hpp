#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "hub/hub_store.hpp"

// What every storage backend of pekon-hub decides the same way, without touching storage:
// a backend reads what a batch touches, asks planPush / planStatusImport what to write and
// what to answer, writes it in one transaction and answers only after the commit.
namespace pekon::hub {

// The schema version this build writes. A store with a newer one is refused untouched.
inline constexpr std::int64_t kHubSchemaVersion = 1;

// What the two SQL dialects spell differently in the schema.
struct SqlDialect {
    const char* key;     // a text key compared byte for byte
    const char* serial;  // an ever-growing 64-bit primary key (change cursors)
};
inline constexpr SqlDialect kSqliteDialect{"TEXT", "INTEGER PRIMARY KEY AUTOINCREMENT"};
inline constexpr SqlDialect kPostgresDialect{"TEXT COLLATE \"C\"",
                                             "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"};

// The table that records which schema steps a store has (one row per step applied).
inline constexpr const char* kSchemaVersionTable =
    "CREATE TABLE IF NOT EXISTS hub_schema_version (version INTEGER PRIMARY KEY, applied_at "
    "BIGINT NOT NULL)";
inline constexpr const char* kReadSchemaVersion =
    "SELECT COALESCE(MAX(version), 0) FROM hub_schema_version";

// One numbered step of the hub's schema, in a dialect: idempotent DDL (IF NOT EXISTS).
struct SchemaStep {
    std::int64_t version;
    std::string sql;
};

// Brings a store at schema `current` up to kHubSchemaVersion: `apply` runs each missing step
// and records its version, inside the caller's transaction. A newer store: `hub_schema_newer`,
// nothing applied.
Status migrateSchema(std::int64_t current, const SqlDialect& dialect,
                     const std::function<Status(const SchemaStep&)>& apply);

Status initCrypto();          // libsodium; `crypto_unavailable` when it fails to start
std::string newEnrolToken();  // 24 random bytes, URL-safe base64 without padding
std::string tokenHash(const std::string& token);  // SHA-256 hex: what is stored
Error badToken();
Error unknownDevice();
Error schemaTooNew(std::int64_t found);

// A member registration as the hub indexes it (for duplicate NIKs and status imports).
struct Registration {
    std::string member_id;
    std::string household_id;
    std::string device_id;
    std::string nik;
    std::string birth_date;  // YYYY-MM-DD
};

struct NewChange {
    std::string device_id;
    std::string type;
    std::string data;  // JSON object
};

// What a backend reads before planning a push: the keys the batch names.
struct PushKeys {
    std::vector<std::string> event_ids;   // distinct
    std::vector<std::string> niks;        // of the member registrations, distinct
    std::vector<std::string> member_ids;  // of the member registrations, distinct
};
PushKeys pushKeys(const std::vector<WireEvent>& events);

// What the store already holds of those keys.
struct StoredForPush {
    std::unordered_map<std::string, std::string> content_hashes;  // event id -> content hash
    std::vector<Registration> registrations;  // with one of the NIKs or member ids
};

struct NewEvent {
    const WireEvent* event = nullptr;
    std::string content_hash;
};

struct PushPlan {
    PushAnswer answer;                        // for every event, in batch order
    std::vector<NewEvent> events;             // to insert
    std::vector<Registration> registrations;  // to insert (member ids not yet stored)
    std::vector<NewChange> changes;           // to insert, in this order
};

// Events are taken in batch order, as if each were stored before the next is looked at: an id
// or key field with a NUL character is `invalid` (neither backend keys on it); an id
// seen earlier in the store or the batch is a duplicate (same content hash) or `id_conflict`;
// a malformed event is rejected with checkEvent's reason; a member registered with a NIK that
// another household has gets a `registration.duplicate_suspected` change for each side.
PushPlan planPush(const std::string& device_id, const std::vector<WireEvent>& events,
                  const StoredForPush& stored);

// The distinct (NIK, birth date) pairs of the rows, as "NIK" and "YYYY-MM-DD".
struct PersonKey {
    std::string nik;
    std::string birth_date;
    bool operator==(const PersonKey&) const = default;
};
std::vector<PersonKey> statusKeys(const std::vector<StatusRow>& rows);

struct StatusPlan {
    StatusImportSummary summary;
    std::vector<NewChange> changes;  // in row order
};
// `registrations`: every stored registration of the rows' (NIK, birth date) pairs.
StatusPlan planStatusImport(const std::vector<StatusRow>& rows,
                            const std::vector<Registration>& registrations);

}  // namespace pekon::hub
