#pragma once
// Inside the store only: the SQLite connection behind a Store. Included by the store's own
// .cpp files and by white-box store tests; never by a public store header, nor by src/ui,
// src/app or src/sync (tests/store/sealed_sql_test.cpp checks).

#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/event.hpp"
#include "core/result.hpp"
#include "store/internal/read_only.hpp"
#include "store/internal/sealing.hpp"
#include "sqlite/sqlite.hpp"
#include "store/store.hpp"

namespace pekon {

struct StoreDatabase {
    std::unique_ptr<sql::ScratchCopy> scratch;  // declared before db: outlives it
    sql::Connection db;
    Keyring keys;  // registered with db's pk_open: same lifetime, fixed address
};

inline sql::Connection& connection(Store& store) {
    return store.database().db;
}

// For intents: appends one event to the log. Call it inside the intent's transaction, with
// the projection writes beside it.
Result<Event> appendEvent(Store& store, std::string_view type, std::string data,
                          const WriteContext& context);

// Adds `nik_already_registered` under `field` when a member of this device has `nik`.
Status checkNikFree(Store& store, const std::string& nik, const std::string& field,
                    FieldErrors& errors);

}  // namespace pekon
