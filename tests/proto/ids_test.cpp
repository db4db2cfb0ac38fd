#include "proto/ids.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "core/uuid.hpp"

using namespace pekon;

TEST_CASE("newUuid makes distinct random UUID v4s", "[ids]") {
    std::set<std::string> seen;
    // More than one 4 KiB pool of random bytes (256 ids).
    for (int i = 0; i < 600; ++i) {
        const std::string id = newUuid();
        REQUIRE(isUuid(id));
        CHECK(id[14] == '4');
        CHECK(std::string("89ab").find(id[19]) != std::string::npos);
        seen.insert(id);
    }
    CHECK(seen.size() == 600);
}

TEST_CASE("newEntityId makes distinct UUID v7s in time order", "[ids]") {
    std::string previous;
    std::set<std::string> seen;
    for (int i = 0; i < 600; ++i) {
        const std::string id = newEntityId();
        REQUIRE(isUuid(id));
        CHECK(id[14] == '7');
        // The first 48 bits are the time in milliseconds: never earlier than the last id's.
        if (!previous.empty()) CHECK(id.substr(0, 13) >= previous.substr(0, 13));
        previous = id;
        seen.insert(id);
    }
    CHECK(seen.size() == 600);
}
