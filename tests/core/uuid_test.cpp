#include "core/uuid.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <string>

using namespace pekon;

TEST_CASE("uuid: formatUuidV4 sets the version and variant bits") {
    std::array<unsigned char, 16> zero{};
    CHECK(formatUuidV4(zero) == "00000000-0000-4000-8000-000000000000");
    std::array<unsigned char, 16> ones;
    ones.fill(0xFF);
    CHECK(formatUuidV4(ones) == "ffffffff-ffff-4fff-bfff-ffffffffffff");
    std::array<unsigned char, 16> seq{};
    for (size_t i = 0; i < 16; ++i) seq[i] = static_cast<unsigned char>(i * 17);
    CHECK(formatUuidV4(seq) == "00112233-4455-4677-8899-aabbccddeeff");
    CHECK(isUuid(formatUuidV4(seq)));
}

TEST_CASE("uuid: isUuid accepts only the lower-case canonical form") {
    CHECK(isUuid("6f1c2d3e-1a2b-4c3d-8e4f-0123456789ab"));
    CHECK_FALSE(isUuid("6F1C2D3E-1A2B-4C3D-8E4F-0123456789AB"));
    CHECK_FALSE(isUuid("6f1c2d3e1a2b4c3d8e4f0123456789ab"));
    CHECK_FALSE(isUuid("{6f1c2d3e-1a2b-4c3d-8e4f-0123456789ab}"));
    CHECK_FALSE(isUuid("6f1c2d3e-1a2b-4c3d-8e4f-0123456789a"));
    CHECK_FALSE(isUuid("6f1c2d3e-1a2b-4c3d-8e4f-0123456789abc"));
    CHECK_FALSE(isUuid("6f1c2d3e-1a2b-4c3d-8e4f_0123456789ab"));
    CHECK_FALSE(isUuid("6f1c2d3e-1a2b-4c3d-8e4f-0123456789ag"));
    CHECK_FALSE(isUuid("6f1c2d3e11a2b-4c3d-8e4f-0123456789a"));
    CHECK_FALSE(isUuid(""));
}
