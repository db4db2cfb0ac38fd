// The additive clock fields of the sync protocol (issue 12): the push's clock_offset and the
// 401 clock_skew body with the hub's time.
#include <catch2/catch.hpp>

#include "proto/sync_json.hpp"

using namespace pekon;

TEST_CASE("sync json: a push's clock_offset reaches every event and not their content") {
    const std::string event =
        R"({"id":"e1","seq":1,"type":"x","at":"2026-11-22T08:15:00Z","actor":"u","data":{}})";
    auto plain = parsePushRequest(R"({"events":[)" + event + "]}");
    REQUIRE(plain);
    CHECK_FALSE(plain->front().clock_offset);
    auto declared =
        parsePushRequest(R"({"clock_offset":-7200,"events":[)" + event + "," + event + "]}");
    REQUIRE(declared);
    REQUIRE(declared->size() == 2);
    CHECK(declared->at(0).clock_offset == -7200);
    CHECK(declared->at(1).clock_offset == -7200);
    CHECK(declared->at(0).content == plain->front().content);  // never an id_conflict
    auto odd = parsePushRequest(R"({"clock_offset":"soon","events":[)" + event + "]}");
    REQUIRE(odd);
    CHECK_FALSE(odd->front().clock_offset);
}

TEST_CASE("sync json: clock_skew carries the hub's time; other errors do not") {
    CHECK(clockSkewHubTime(clockSkewBodyJson(1798000000)) == 1798000000);
    CHECK_FALSE(clockSkewHubTime(errorBodyJson("unauthorized", "no")));
    CHECK_FALSE(clockSkewHubTime(R"({"error":{"code":"clock_skew"}})"));
    CHECK_FALSE(clockSkewHubTime("<html>login</html>"));
}
