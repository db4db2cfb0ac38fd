#pragma once

#include <memory>
#include <string>

#include "hub/hub_store.hpp"

namespace pekon::hub {

// The PostgreSQL store (libpq): `url` is a libpq URI (postgresql://user@host:port/db). Keeps
// up to `connections` connections (at least one, opened now: an unreachable server is
// `postgres_unreachable` here) and may be called from several threads at once. Pushes and
// status imports take one transaction-scoped advisory lock, so that they see each other's
// registrations and change cursors are handed out in commit order, also across several hub
// processes. Creates or migrates the schema.
Result<std::unique_ptr<HubStore>> openPostgresHubStore(const std::string& url, int connections);

}  // namespace pekon::hub
