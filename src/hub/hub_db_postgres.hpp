#pragma once

#include <memory>
#include <string>

#include "hub/hub_tx.hpp"

namespace pekon::hub {

// The PostgreSQL backend (libpq): `url` is a libpq URI (postgresql://user@host:port/db). Keeps
// up to `connections` connections (at least one, opened now: an unreachable server is
// `postgres_unreachable` here) and may be called from several threads at once. Write
// transactions take one transaction-scoped advisory lock, so that pushes and status imports
// see each other's registrations and change cursors are handed out in commit order, also
// across several hub processes. A bulk insert is one statement over column arrays.
Result<std::unique_ptr<HubDb>> openPostgresHubDb(const std::string& url, int connections);

}  // namespace pekon::hub
