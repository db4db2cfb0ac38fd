#pragma once

#include <cstdint>
#include <string>

#include "core/date.hpp"
#include "core/result.hpp"
#include "hub/hub_tx.hpp"
#include "hub/office_read.hpp"

// Verified members for submission to BPJS, as the fields of its registration form for
// residents registered by a local government: NIK, KK number, name, birth date, sex, relation,
// address, RT/RW, desa, kecamatan, kabupaten, class, segment, phone, first-level facility.
// Written page by page (the store is not held while the file is written) to a file, which the
// console then streams to the browser; memory stays flat whatever the row count. Cells that a
// spreadsheet would read as a formula (=, +, -, @, tab, CR at the start) are neutralised.
namespace pekon::hub {

enum class ExportFormat { csv, xlsx };

struct ExportSummary {
    std::int64_t rows = 0;
    std::int64_t bytes = 0;
};

// `filter` as the queue's (its states default to verified for an export). The file at `path`
// is created 0600 (replaced if there). Audited `export` with the filter and row count, by
// `staff_id`/`username`.
Result<ExportSummary> exportMembers(HubDb& db, const QueueFilter& filter, ExportFormat format,
                                   const std::string& path, std::int64_t staff_id,
                                   const std::string& username, UnixSeconds now);

// What a spreadsheet must show as text: the cell with a leading apostrophe (CSV) when it
// starts with = + - @ TAB or CR; unchanged otherwise.
std::string neutraliseFormula(const std::string& cell);

}  // namespace pekon::hub
