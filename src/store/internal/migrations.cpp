#include "store/internal/migrations.hpp"

#include <string>

namespace pekon {

Error tooNewError(int found) {
    const std::string have = std::to_string(found), know = std::to_string(latestSchemaVersion());
    return Error{
        "db_too_new",
        "Basis data ini dibuat oleh Pekon yang lebih baru (skema " + have +
            ", aplikasi ini mengenal sampai " + know + "). Perbarui aplikasi; data tidak diubah.",
        "This database was written by a newer Pekon (schema " + have +
            ", this program knows up to " + know + "). Update the app; nothing was changed."};
}

int latestSchemaVersion() {
    return static_cast<int>(allMigrations().size());
}

Result<int> schemaVersion(sql::Connection& db) {
    auto v = db.queryInt("PRAGMA user_version");
    if (!v) return v.error();
    return static_cast<int>(*v);
}

Status migrate(sql::Connection& db, int target) {
    const int latest = latestSchemaVersion();
    if (target < 0) target = latest;
    auto current = schemaVersion(db);
    if (!current) return current.error();
    if (*current > latest) return tooNewError(*current);
    for (const Migration& m : allMigrations()) {
        if (m.version <= *current || m.version > target) continue;
        auto tx = sql::Transaction::begin(db);
        if (!tx) return tx.error();
        // Another process may have migrated between our read and our lock.
        auto now = schemaVersion(db);
        if (!now) return now.error();
        if (*now >= m.version) continue;
        const std::string doing = "migration " + std::string(m.name);
        if (auto s = db.exec(m.sql, doing); !s) return s;
        if (auto s = db.exec("PRAGMA user_version = " + std::to_string(m.version), doing); !s)
            return s;
        if (auto s = tx->commit(); !s) return s;
    }
    return {};
}

}  // namespace pekon
