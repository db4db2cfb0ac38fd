// The hub keeps when it received each event and the clock offset the device declared, and
// flags device times that offline work cannot explain (issue 12), on SQLite and PostgreSQL.
#include <catch2/catch.hpp>
#include <string>

#include "core/clock_check.hpp"
#include "hub/hub_store.hpp"
#include "hub/hub_store_fixtures.hpp"
#include "hub/hub_plan.hpp"
#include "hub/hub_schema.hpp"
#include "support/postgres_test_db.hpp"

using namespace pekon;
using namespace pekon::hub;
using test::openHub;
using test::PostgreSQL;
using test::SQLite;

namespace {

constexpr UnixSeconds kReceived = 1'798'000'000;  // 2026-12-23, the hub's clock at the push

// A member registration with device time `at` and sequence number `seq`.
std::string registration(int n, int seq, UnixSeconds at) {
    const std::string id = std::to_string(n);
    std::string nik = "18060115058000" + std::string(id.size() < 2 ? "0" : "") + id;
    return R"({"id":"ev-)" + id + R"(","seq":)" + std::to_string(seq) +
           R"(,"type":"member.registered","at":")" + formatRfc3339(at) +
           R"(","actor":"u1","data":{"member_id":"m-)" + id + R"(","household_id":"h-)" + id +
           R"(","nik":")" + nik +
           R"(","name":"Budi","birth_date":"1980-05-15","sex":"M","relation":"head","segment":"PBPU","class":3}})";
}

// A push body as the device sends it, with its declared clock offset when given.
std::vector<WireEvent> pushOf(const std::vector<std::string>& events,
                              std::optional<std::int64_t> offset) {
    std::string body = "{";
    if (offset) body += R"("clock_offset":)" + std::to_string(*offset) + ",";
    body += R"("events":[)";
    for (size_t i = 0; i < events.size(); ++i) body += (i ? "," : "") + events[i];
    auto parsed = parsePushRequest(body + "]}");
    REQUIRE(parsed);
    return std::move(parsed.value());
}

std::int64_t countOf(const std::vector<TimeFlagCount>& counts, const std::string& flag) {
    for (const TimeFlagCount& c : counts)
        if (c.flag == flag) return c.events;
    return 0;
}

}  // namespace

TEMPLATE_TEST_CASE(
    "hub: each event keeps its receipt time and declared offset; doubtful device "
    "times are flagged and counted",
    "[hub]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_time_flags.db");
    auto hub = openHub(db);
    auto token = hub->createToken("t", kReceived, 3600);
    REQUIRE(token);
    auto device = hub->enrol(token->token, "tablet", kReceived);
    REQUIRE(device);

    // A right clock: four weeks of offline work, then a sync. Nothing flagged.
    auto right = hub->push(device->device_id,
                           pushOf({registration(1, 1, kReceived - 28 * 86400),
                                   registration(2, 2, kReceived - 27 * 86400)},
                                  4),
                           kReceived);
    REQUIRE(right);
    CHECK(right->accepted.size() == 2);
    auto none = hub->timeFlagCounts();
    REQUIRE(none);
    CHECK(none->empty());

    // A flat battery (2000-01-01), a clock two hours fast, a clock set back mid-work.
    REQUIRE(hub->push(
        device->device_id,
        pushOf({registration(3, 3, 946684800), registration(4, 4, kReceived + 7200),
                registration(5, 5, kReceived - 3600), registration(6, 6, kReceived - 3 * 3600)},
               std::nullopt),
        kReceived));
    // A day slow, declared: written under a wrong clock.
    REQUIRE(hub->push(device->device_id,
                      pushOf({registration(7, 7, kReceived - 86400 - 60)}, 86400), kReceived));
    // Sent again: a duplicate, not counted twice.
    auto again = hub->push(device->device_id,
                           pushOf({registration(7, 7, kReceived - 86400 - 60)}, 86400), kReceived);
    REQUIRE(again);
    CHECK(again->duplicates.size() == 1);

    auto counts = hub->timeFlagCounts();
    REQUIRE(counts);
    CHECK(countOf(*counts, "before_epoch") == 1);
    CHECK(countOf(*counts, "future") == 1);
    CHECK(countOf(*counts, "went_back") == 1);
    CHECK(countOf(*counts, "skewed") == 1);
    CHECK(counts->size() == 4);

    CHECK(db.queryInt("SELECT COUNT(*) FROM events WHERE received_at = " +
                      std::to_string(kReceived)) == 7);
    CHECK(db.queryInt("SELECT clock_offset FROM events WHERE id = 'ev-7'") == 86400);
    CHECK(db.queryInt("SELECT clock_offset FROM events WHERE id = 'ev-1'") == 4);
    CHECK(db.queryInt("SELECT COUNT(*) FROM events WHERE clock_offset IS NULL") == 4);
    CHECK(db.queryInt(
              "SELECT COUNT(*) FROM events WHERE id = 'ev-6' AND time_flag = 'went_back'") == 1);
}
