#pragma once

#include <memory>
#include <string>

#include "hub/export_writer.hpp"

// The CSV form of an export (RFC 4180): UTF-8, comma separated, CRLF line ends; a cell with a
// comma, a quote or a line break is quoted (quotes doubled); dates as YYYY-MM-DD. Written
// through a fixed buffer, so memory does not grow with the rows.
namespace pekon::hub {

// The file at `path`, created 0600 (createPrivateFile).
Result<std::unique_ptr<ExportWriter>> openCsvExport(const std::string& path);

// One CSV cell as written (neutralised, quoted when needed), for the writer and its tests.
std::string csvCell(std::string_view text);

}  // namespace pekon::hub
