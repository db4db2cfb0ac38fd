#pragma once

#include <array>
#include <string>
#include <string_view>

namespace pekon {

// Formats 16 random bytes as a version 4, variant 1 UUID ("6f1c2d3e-....-4...-[89ab]...").
// The caller supplies the randomness (the store uses libsodium), so core stays pure.
std::string formatUuidV4(std::array<unsigned char, 16> random_bytes);

// Lower-case canonical 8-4-4-4-12 hex form.
bool isUuid(std::string_view text);

}  // namespace pekon
