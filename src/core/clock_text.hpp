#pragma once

#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/clock_check.hpp"

namespace pekon {

// The plain-words warning for a clock that is not `ok` (keys clock.* of the catalog): what is
// wrong, how to fix it, and which date Pekon uses meanwhile. Empty for an `ok` clock. The same
// lines on the Home and Sync screens and on the command line.
std::vector<std::string> clockWarning(const Catalog& texts, Lang lang, const ClockVerdict& verdict,
                                      UnixSeconds device_now);

}  // namespace pekon
