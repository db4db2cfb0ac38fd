#pragma once

#include <string_view>
#include <vector>

#include "core/household.hpp"
#include "core/result.hpp"

namespace pekon {

// Reads the import format of `pekon household add --json`: one household object, or an
// array of them (see docs/import-format.md). Only the shape is checked here; the values
// are validated by validateHousehold(), exactly as the UI does. Unknown fields are an error
// (a misspelt field must not be dropped silently). Error codes: json_invalid,
// import_shape_invalid (the message names the field).
Result<std::vector<HouseholdInput>> parseHouseholdImport(std::string_view json_text);

}  // namespace pekon
