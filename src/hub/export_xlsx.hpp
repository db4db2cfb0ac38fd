#pragma once

#include <memory>
#include <string>

#include "hub/export_writer.hpp"

// The XLSX form of an export, through libxlsxwriter in its constant-memory mode (each row
// goes to a temporary file as it is written): one sheet of up to 1,048,575 rows under the
// header, continued on further sheets beyond; texts as text cells (never formulas) in a text
// column format, numbers as numbers, dates as dates (dd-mm-yyyy).
namespace pekon::hub {

// The workbook at `path`, created 0600 (createPrivateFile) and written at finish().
Result<std::unique_ptr<ExportWriter>> openXlsxExport(const std::string& path);

}  // namespace pekon::hub
