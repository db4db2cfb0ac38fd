#pragma once

#include <memory>
#include <string>

#include "hub/hub_store.hpp"

namespace pekon::hub {

// The SQLite store: one file (mode 0600, with its -wal/-shm/-journal), one connection; the
// caller serialises calls. Creates or migrates the schema.
Result<std::unique_ptr<HubStore>> openSqliteHubStore(const std::string& path);

}  // namespace pekon::hub
