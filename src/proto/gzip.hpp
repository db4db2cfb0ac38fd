#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace pekon::sync {

// Inflates a gzip body, refusing to produce more than `limit` bytes (a small compressed body
// can expand enormously). Errors: `too_large`, `bad_request` (not gzip, damaged).
Result<std::string> gunzipBounded(std::string_view compressed, std::size_t limit);
std::string gzip(std::string_view plain);

}  // namespace pekon::sync
