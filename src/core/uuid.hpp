#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pekon {

// Formats 16 random bytes as a version 4, variant 1 UUID ("6f1c2d3e-....-4...-[89ab]...").
// The caller supplies the randomness (the store uses libsodium), so core stays pure.
std::string formatUuidV4(std::array<unsigned char, 16> random_bytes);

// Formats a version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
// Ids made later sort later, so a database index over them grows at its end instead of
// being rewritten all over: Pekon uses them for household and member ids.
std::string formatUuidV7(std::uint64_t unix_ms, std::array<unsigned char, 16> random_bytes);

// Lower-case canonical 8-4-4-4-12 hex form.
bool isUuid(std::string_view text);

}  // namespace pekon
