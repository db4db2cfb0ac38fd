#pragma once

#include "core/date.hpp"

namespace pekon {

// When this build's source was committed (Unix seconds): SOURCE_DATE_EPOCH when set, else the
// git commit time of HEAD when CMake configured the build, else 0 (unknown). Reproducible: the
// same commit gives the same value. No real "now" on a device running this build is earlier.
UnixSeconds buildTime();

}  // namespace pekon
