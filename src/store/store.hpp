#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/result.hpp"

namespace pekon {

// What a write needs besides its data: who acts, and the clock (passed in, for tests).
struct WriteContext {
    std::string actor;    // user id on the device
    UnixSeconds now = 0;  // UTC
    Date today;           // the local calendar date (for "not in the future" checks)
};

struct StoreDatabase;  // store/internal/database.hpp

// The device's database: one SQLite file (WAL, foreign keys on, mode 0600) holding the
// append-only event log and the projections derived from it. Every write is an intent that
// appends events and updates projections in one transaction; it is durable when it returns.
// One Store per thread. A handle: what it can do is in the store's other headers.
class Store {
  public:
    // `create`: a missing database is created (0600). `existing`: for commands that only
    // read; a missing one is `no_database` and nothing is created.
    enum class OpenMode { create, existing };

    // Opens and migrates. A database newer than this program is refused (`db_too_new`).
    // One that fails `PRAGMA quick_check` opens read-only: reads work, every write returns
    // `db_damaged`, and damage() says what is wrong. One that cannot be written (read-only
    // file, folder or filesystem: sql::whyReadOnly) opens read-only without creating or
    // changing any file: reads work and every write returns that reason. A file's mode is
    // never widened.
    static Result<std::unique_ptr<Store>> open(const std::string& path,
                                               OpenMode mode = OpenMode::create);
    ~Store();

    // Only when the database is damaged (not merely read-only).
    const std::optional<Error>& damage() const { return damage_; }
    // Why saving is off (the damage, or why the storage cannot be written); empty when on.
    const std::optional<Error>& readOnly() const { return read_only_; }
    const std::string& path() const { return path_; }

    // The SQLite side (a connection, and the copy a read-only open may need) is declared in
    // store/internal/database.hpp, which only the store's own files and white-box tests include:
    // nothing outside the store can run SQL. Every intent and query is a free function taking
    // a Store& in the header named for what it holds (store/households.hpp, store/event_log.hpp,
    // store/feedback.hpp, store/verify.hpp, store/sessions.hpp, ...).
    StoreDatabase& database() { return *db_; }

    // readOnly()'s reason (`db_damaged`, `db_readonly_file`, `db_readonly_folder`,
    // `db_readonly_filesystem`) when saving is off.
    Status writable() const;

  private:
    Store();

    // Opens an existing database that cannot be written, for reading (sql::openReadOnly).
    static Result<std::unique_ptr<Store>> openForReading(const std::string& path, Error why);

    std::unique_ptr<StoreDatabase> db_;
    std::string path_;
    std::optional<Error> damage_;
    std::optional<Error> read_only_;
};

}  // namespace pekon
