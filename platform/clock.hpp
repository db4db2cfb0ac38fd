#pragma once

#include "core/date.hpp"

namespace pekon::platform {

// The current Unix time (UTC seconds) and the local calendar date.
UnixSeconds nowSeconds();
Date localToday();
Date localDateOf(UnixSeconds seconds);  // the local calendar date at that time

}  // namespace pekon::platform
