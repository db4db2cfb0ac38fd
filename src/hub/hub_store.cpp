#include "hub/hub_store.hpp"

#include "hub/hub_store_postgres.hpp"
#include "hub/hub_store_sqlite.hpp"

namespace pekon::hub {

Result<std::unique_ptr<HubStore>> openHubStore(const std::string& db_url,
                                               const HubStoreOptions& options) {
    if (db_url.starts_with("postgresql://") || db_url.starts_with("postgres://"))
        return openPostgresHubStore(db_url, options.connections);
    const std::string path = db_url.starts_with("sqlite:") ? db_url.substr(7) : db_url;
    if (path.empty())
        return Error{"bad_db_url", "Basis data belum disebut: sqlite:BERKAS atau postgresql://...",
                     "No database given: sqlite:PATH or postgresql://..."};
    return openSqliteHubStore(path);
}

}  // namespace pekon::hub
