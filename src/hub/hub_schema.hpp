#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.hpp"
#include "core/date.hpp"
#include "hub/hub_dialect.hpp"
#include "hub/hub_tx.hpp"

// The hub's schema, in numbered steps, in either dialect. A store records each step it has
// applied in hub_schema_version; opening a store applies the steps it lacks, and a store with
// a newer schema is refused untouched.
namespace pekon::hub {

// The schema version this build writes.
inline constexpr std::int64_t kHubSchemaVersion = 10;

// Fills device_activity (schema step 5) from the stored events: per device, how many, the
// latest receipt, and the largest clock offset declared with the events of that receipt. The
// schema step runs it once; `pekon-hub rebuild` again after emptying the table. Set-based, the
// same text in both dialects.
inline constexpr char kFillDeviceActivity[] =
    "INSERT INTO device_activity (device_id, event_count, last_received_at, clock_offset) "
    "SELECT e.device_id, l.n, l.last, MAX(e.clock_offset) FROM (SELECT device_id, "
    "COUNT(*) AS n, MAX(received_at) AS last FROM events GROUP BY device_id) l "
    "JOIN events e ON e.device_id = l.device_id AND e.received_at = l.last "
    "GROUP BY e.device_id, l.n, l.last;\n";

// The table that records which schema steps a store has (one row per step applied).
inline constexpr const char* kSchemaVersionTable =
    "CREATE TABLE IF NOT EXISTS hub_schema_version (version INTEGER PRIMARY KEY, applied_at "
    "BIGINT NOT NULL)";
inline constexpr const char* kReadSchemaVersion =
    "SELECT COALESCE(MAX(version), 0) FROM hub_schema_version";

// One numbered step of the hub's schema, in a dialect: DDL run once, in the transaction that
// records its version (IF NOT EXISTS where the dialects allow it).
struct SchemaStep {
    std::int64_t version;
    std::string sql;
};

// Brings a store at schema `current` up to kHubSchemaVersion: `apply` runs each missing step
// and records its version, inside the caller's transaction. A newer store: `hub_schema_newer`,
// nothing applied.
Status migrateSchema(std::int64_t current, const SqlDialect& dialect,
                     const std::function<Status(const SchemaStep&)>& apply);
Error schemaTooNew(std::int64_t found);

// Creates or migrates the schema of `db`, in one transaction holding the schema lock.
Status migrateHub(HubDb& db, UnixSeconds now);

}  // namespace pekon::hub
