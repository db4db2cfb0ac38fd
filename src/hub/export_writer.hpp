#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "core/date.hpp"
#include "core/result.hpp"

// What the office's exports write (hub_ops_export), whatever the file format (export_csv,
// export_xlsx): a header line, then rows of cells, each a text, a whole number, a date or
// nothing. Text cells go through neutraliseFormula (office_export.hpp) in every format, and are
// written as text: a NIK, a KK number or a phone keeps its leading zeros and all its digits.
namespace pekon::hub {

using ExportCell = std::variant<std::monostate, std::string_view, std::int64_t, Date>;

class ExportWriter {
  public:
    virtual ~ExportWriter() = default;
    virtual Status header(std::span<const std::string_view> names) = 0;
    virtual Status row(std::span<const ExportCell> cells) = 0;
    // Completes the file; its size in bytes.
    virtual Result<std::int64_t> finish() = 0;
};

// Creates (or empties) the file at `path` for writing, mode 0600 whatever the umask or the mode
// of a file already there; a symbolic link there is refused. The open descriptor.
Result<int> createPrivateFile(const std::string& path);

// Whether a spreadsheet would read the cell as a formula (neutraliseFormula prefixes it).
bool isFormulaStart(std::string_view cell);

Error exportWriteError(const std::string& path_free_reason);

}  // namespace pekon::hub
