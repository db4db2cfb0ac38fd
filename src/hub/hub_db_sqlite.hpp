#pragma once

#include <memory>
#include <string>

#include "hub/hub_tx.hpp"

namespace pekon::hub {

// The SQLite backend: one file (mode 0600, with its -wal/-shm/-journal) in WAL with a full
// sync at each commit, one connection; the caller serialises calls. In-process, so a bulk
// insert is a cached statement run a row at a time (no round trips to save).
Result<std::unique_ptr<HubDb>> openSqliteHubDb(const std::string& path);

}  // namespace pekon::hub
