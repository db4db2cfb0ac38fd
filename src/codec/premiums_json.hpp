#pragma once

#include <string_view>

#include "core/premiums.hpp"
#include "core/result.hpp"

namespace pekon {

// Reads assets/premiums.json (see the file for its shape). Error codes: json_invalid,
// premium_table_invalid.
Result<PremiumTable> parsePremiums(std::string_view json_text);

}  // namespace pekon
