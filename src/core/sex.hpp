#pragma once

#include <string_view>

namespace pekon {

enum class Sex { male, female };

// "M" / "F", as in the sync protocol.
std::string_view sexCode(Sex sex);

// Accepts M/F and the Indonesian L (laki-laki) / P (perempuan), either case.
bool parseSex(std::string_view text, Sex& out);

}  // namespace pekon
