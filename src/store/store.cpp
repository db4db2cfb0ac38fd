#include "store/store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "proto/ids.hpp"
#include "store/internal/database.hpp"
#include "store/internal/device_sealing.hpp"
#include "store/internal/migrations.hpp"
#include "store/verify.hpp"

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

Store::Store() : db_(std::make_unique<StoreDatabase>()) {}
Store::~Store() = default;

namespace {

Status sodiumReady() {
    if (sodium_init() < 0)
        return Error{"crypto_init_failed", "Pustaka kriptografi gagal dimulai.",
                     "The crypto library failed to start."};
    return {};
}

// The quick check's verdict: nothing when ok, the damage when the file is damaged, or the
// error that kept the check from running (which says nothing about damage).
Result<std::optional<Error>> checkForDamage(Store& store) {
    auto check = integrityCheck(store);
    if (check && *check == "ok") return std::optional<Error>();
    if (!check && check.error().code != "db_damaged") return check.error();
    return std::optional<Error>(damagedError(check ? *check : check.error().message_en));
}

}  // namespace

Result<std::unique_ptr<Store>> Store::openForReading(const std::string& path, Error why) {
    std::unique_ptr<Store> store(new Store());
    store->path_ = path;
    auto conn = sql::openReadOnly(path, store->db_->scratch);
    if (!conn) return conn.error();
    store->db_->db = std::move(conn.value());
    if (auto s = registerSealFunctions(store->db_->db, &store->db_->keys); !s) return s.error();
    store->read_only_ = std::move(why);
    auto damage = checkForDamage(*store);
    if (!damage) return damage.error();
    if (*damage) {
        store->damage_ = *damage;
        store->read_only_ = *damage;
        return store;
    }
    auto version = schemaVersion(store->db_->db);
    if (!version) return version.error();
    if (*version > latestSchemaVersion()) return tooNewError(*version);
    if (*version == 0) return sql::noDatabaseError(path);  // an empty file: no Pekon database
    if (*version < latestSchemaVersion())
        return Error{"db_readonly_outdated",
                     "Basis data ini perlu diperbarui ke skema baru, tetapi tidak bisa ditulis: " +
                         store->read_only_->message_id,
                     "This database needs an upgrade to the new schema but cannot be written: " +
                         store->read_only_->message_en};
    if (auto s = store->db_->db.exec("PRAGMA foreign_keys = ON", "open"); !s) return s.error();
    if (auto s = loadKeyring(*store); !s) return s.error();
    return store;
}

Result<std::unique_ptr<Store>> Store::open(const std::string& path, OpenMode mode) {
    if (auto s = sodiumReady(); !s) return s.error();
    struct stat st {};
    const bool present = ::stat(path.c_str(), &st) == 0;
    if (!present && mode == OpenMode::existing) return sql::noDatabaseError(path);
    if (auto why = sql::whyReadOnly(path)) {
        if (!present) return *why;  // it cannot be created there
        return openForReading(path, std::move(*why));
    }
    if (auto s = sql::secureFile(path); !s) return s.error();
    std::unique_ptr<Store> store(new Store());
    store->path_ = path;
    auto conn = sql::Connection::open(path, /*read_only=*/false);
    if (!conn) return conn.error();
    store->db_->db = std::move(conn.value());
    if (auto s = registerSealFunctions(store->db_->db, &store->db_->keys); !s) return s.error();

    auto damage = checkForDamage(*store);
    if (!damage) return damage.error();
    if (*damage) {
        store->damage_ = *damage;
        store->read_only_ = *damage;
        auto ro = sql::Connection::open(path, /*read_only=*/true);
        if (!ro) return ro.error();
        store->db_->db = std::move(ro.value());
        if (auto s = registerSealFunctions(store->db_->db, &store->db_->keys); !s)
            return s.error();
        return store;
    }

    auto version = schemaVersion(store->db_->db);
    if (!version) return version.error();
    if (*version > latestSchemaVersion()) return tooNewError(*version);
    for (const char* pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
          "PRAGMA cache_size = -32768", "PRAGMA wal_autocheckpoint = 4096"}) {
        auto s = store->db_->db.queryText(pragma);
        if (!s) return s.error();
    }
    if (auto s = migrate(store->db_->db); !s) return s.error();
    if (auto s = loadKeyring(*store); !s) return s.error();
    if (auto s = finishSealing(*store); !s) return s.error();
    if (auto s = sql::secureFile(path); !s) return s.error();
    return store;
}

Status Store::writable() const {
    if (read_only_) return *read_only_;
    return {};
}

}  // namespace pekon
