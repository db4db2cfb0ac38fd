#pragma once

#include <string>

#include "codec/assets.hpp"
#include "core/date.hpp"

namespace pekon::test {

// The real assets of the source tree, loaded once.
const Assets& assets();
inline const RegionTable& regions() {
    return assets().regions;
}

// The fixed "today" of the tests.
inline constexpr Date kToday{2026, 11, 22};

// A fresh temporary directory (removed at exit) and a path inside it.
std::string tempDir();
std::string tempPath(const std::string& name);

// The whole file as bytes; throws when it cannot be read.
std::string readWholeFile(const std::string& path);

}  // namespace pekon::test
