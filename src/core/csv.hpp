#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace pekon {

using CsvRow = std::vector<std::string>;

// RFC 4180 CSV: comma separated, fields optionally in double quotes ("" inside quotes is a
// quote), LF or CRLF line ends, a UTF-8 byte-order mark at the start ignored. Empty lines are
// skipped. An unterminated quote is an error naming the line.
Result<std::vector<CsvRow>> parseCsv(std::string_view text);

// Quotes a field when it needs it (comma, quote, line break, leading/trailing space).
std::string csvField(std::string_view value);
std::string csvLine(const CsvRow& fields);

}  // namespace pekon
