#pragma once

#include <string>

#include "core/date.hpp"

namespace pekon {

// The receipt a citizen photographs after registration: `pekon://receipt?...` with the
// receipt id (the household id), the date and the number of members. It holds no NIK and
// no name, so a photo of it shared around reveals nothing personal.
std::string receiptUri(const std::string& household_id, const Date& date, int members);

}  // namespace pekon
