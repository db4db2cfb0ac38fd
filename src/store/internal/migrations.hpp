#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "sqlite/sqlite.hpp"

namespace pekon {

// One numbered schema step, from src/store/migrations/NNNN_name.sql.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// All migrations, version 1..N in order (generated at build time).
const std::vector<Migration>& allMigrations();
int latestSchemaVersion();

// Brings the database up to `target` (default: the latest). Each migration runs in its own
// transaction together with its `PRAGMA user_version` bump, so a crash leaves the database
// at a whole version. A database newer than this program is refused (`db_too_new`).
Status migrate(sql::Connection& db, int target = -1);
Result<int> schemaVersion(sql::Connection& db);
// `db_too_new`: the database has schema `found`, newer than this program knows.
Error tooNewError(int found);

}  // namespace pekon
