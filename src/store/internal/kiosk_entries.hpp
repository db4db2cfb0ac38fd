#pragma once

#include "sqlite/sqlite.hpp"
#include "store/kiosk_status.hpp"

namespace pekon {

// upsertKioskEntries for one entry, inside the caller's transaction (the pull applies a page
// in one). store/kiosk_status.cpp.
Status keepKioskEntry(sql::Connection& db, const KioskEntry& entry);

}  // namespace pekon
