#pragma once
// Checks of the database itself: the projections against the event log, and SQLite's own.

#include <string>

#include "core/result.hpp"
#include "store/store.hpp"

namespace pekon {

// Replays the event log and compares it with the projections; an error
// (`projection_mismatch`) names the first difference.
Status verifyProjections(Store& store);
// "ok" or SQLite's report: `PRAGMA quick_check`, or the slower integrity_check if `full`.
Result<std::string> integrityCheck(Store& store, bool full = false);

}  // namespace pekon
