#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace pekon {

// Normalises an Indonesian mobile number written as 08..., +628... or 628... (spaces,
// dashes, dots and parentheses allowed) to E.164 "+628...". The subscriber part after
// "+62" has 9 to 12 digits. Error codes: phone_empty, phone_invalid_chars, phone_prefix,
// phone_length.
Result<std::string> normalizePhone(std::string_view text);

}  // namespace pekon
