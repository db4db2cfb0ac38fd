#pragma once

#include <optional>
#include <string_view>

namespace pekon {

enum class Sex { male, female };

// "M" / "F", as in the sync protocol.
std::string_view sexCode(Sex sex);

// Accepts M/F and the Indonesian L (laki-laki) / P (perempuan), either case.
std::optional<Sex> parseSex(std::string_view text);

}  // namespace pekon
