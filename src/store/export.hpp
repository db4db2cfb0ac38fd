#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "store/store.hpp"

namespace pekon {

struct ExportCounts {
    std::int64_t households = 0;
    std::int64_t members = 0;
    std::int64_t events = 0;
};

// Writes households.csv, members.csv and events.csv into `dir` (which must exist): UTF-8,
// RFC 4180, a header row each. The files hold personal data, so they are created readable
// by the owner only (0600), and each appears whole or not at all (written aside, renamed).
// On a sealed device (issue 16) each is sealed for the office instead, as <name>.sealed
// (proto/sealed_export; `export_needs_hub` before the device knows the hub's key), and
// `pekon-hub open-export FILE` gives the CSV back. Needs the data key.
Result<ExportCounts> exportCsv(Store& store, const std::string& dir);

}  // namespace pekon
