#include "store/settings.hpp"

#include "core/number.hpp"
#include "store/internal/database.hpp"

namespace pekon {

Result<std::optional<std::string>> readSetting(Store& store, const std::string& key) {
    auto stmt = connection(store).cached("SELECT value FROM settings WHERE key = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, key);
    const int rc = (*stmt)->step();
    if (rc == SQLITE_ROW) return std::optional<std::string>((*stmt)->text(0));
    if (rc != SQLITE_DONE) return sql::sqliteError(connection(store).handle(), rc, "read setting");
    return std::optional<std::string>();
}

Status writeSetting(Store& store, const std::string& key, const std::string& value) {
    if (auto s = store.writable(); !s) return s.error();
    auto stmt = connection(store).cached(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
        "excluded.value");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, key).bind(2, value);
    return (*stmt)->run("write setting");
}

Status deleteSetting(Store& store, const std::string& key) {
    if (auto s = store.writable(); !s) return s.error();
    auto stmt = connection(store).cached("DELETE FROM settings WHERE key = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, key);
    return (*stmt)->run("delete setting");
}

std::optional<std::int64_t> readSettingNumber(Store& store, const std::string& key) {
    auto value = readSetting(store, key);
    if (!value || !value->has_value()) return std::nullopt;
    return parseNumber<std::int64_t>(**value);  // a damaged value reads as absent
}

}  // namespace pekon
