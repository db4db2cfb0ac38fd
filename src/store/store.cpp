#include "store/store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "core/uuid.hpp"
#include "store/migrations.hpp"

namespace pekon {

namespace {

Error damagedError(const std::string& report) {
    return Error{"db_damaged",
                 "Basis data rusak dan hanya dibuka untuk dibaca; tidak ada yang ditulis. Salin "
                 "berkasnya dan hubungi petugas TI.",
                 "The database is damaged and is open read-only; nothing will be written. Copy the "
                 "file and call IT support. (" +
                     report + ")"};
}

}  // namespace

namespace {

// Random bytes are drawn 4 KiB at a time: one system call per 256 ids, not per id.
std::array<unsigned char, 16> randomBytes16() {
    thread_local std::array<unsigned char, 4096> pool;
    thread_local size_t used = pool.size();
    if (used == pool.size()) {
        randombytes_buf(pool.data(), pool.size());
        used = 0;
    }
    std::array<unsigned char, 16> bytes;
    std::copy_n(pool.begin() + static_cast<std::ptrdiff_t>(used), bytes.size(), bytes.begin());
    sodium_memzero(pool.data() + used, bytes.size());
    used += bytes.size();
    return bytes;
}

}  // namespace

std::string newUuid() {
    return formatUuidV4(randomBytes16());
}

std::string newEntityId() {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return formatUuidV7(static_cast<std::uint64_t>(ms.count()), randomBytes16());
}

Result<std::unique_ptr<Store>> Store::open(const std::string& path) {
    if (sodium_init() < 0)
        return Error{"crypto_init_failed", "Pustaka kriptografi gagal dimulai.",
                     "The crypto library failed to start."};
    if (auto s = sql::secureFile(path); !s) return s.error();
    std::unique_ptr<Store> store(new Store());
    store->path_ = path;
    auto conn = sql::Connection::open(path, /*read_only=*/false);
    if (!conn) return conn.error();
    store->db_ = std::move(conn.value());

    auto check = store->integrityCheck();
    if (!check || *check != "ok") {
        const std::string report = check ? *check : check.error().code;
        store->damage_ = damagedError(report);
        auto ro = sql::Connection::open(path, /*read_only=*/true);
        if (!ro) return ro.error();
        store->db_ = std::move(ro.value());
        return store;
    }

    auto version = schemaVersion(store->db_);
    if (!version) return version.error();
    if (*version > latestSchemaVersion()) return tooNewError(*version);
    for (const char* pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
          "PRAGMA cache_size = -32768", "PRAGMA wal_autocheckpoint = 4096"}) {
        auto s = store->db_.queryText(pragma);
        if (!s) return s.error();
    }
    if (auto s = migrate(store->db_); !s) return s.error();
    if (auto s = sql::secureFile(path); !s) return s.error();
    return store;
}

Status Store::writable() const {
    if (damage_) return *damage_;
    return {};
}

Result<std::string> Store::integrityCheck(bool full) {
    auto stmt = db_.prepare(full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    if (!stmt) return stmt.error();
    std::string report;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        if (!report.empty()) report += "; ";
        report += stmt->text(0);
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "quick_check");
    return report;
}

Result<Event> Store::appendEvent(std::string_view type, std::string data, const WriteContext& ctx) {
    Event e;
    e.id = newUuid();
    e.type = std::string(type);
    e.at = ctx.now;
    e.actor = ctx.actor;
    e.data = std::move(data);
    auto stmt = db_.cached("INSERT INTO events (id, type, at, actor, data) VALUES (?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)
        ->bind(1, e.id)
        .bind(2, e.type)
        .bind(3, formatRfc3339(e.at))
        .bind(4, e.actor)
        .bind(5, e.data);
    if (auto s = (*stmt)->run("append event"); !s) return s.error();
    e.seq = sqlite3_last_insert_rowid(db_.handle());
    return e;
}

}  // namespace pekon
