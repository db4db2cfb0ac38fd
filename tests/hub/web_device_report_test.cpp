// What the devices page shows of each device (web/device_report), from the counters the push
// keeps (device_activity), on each backend: only newly stored events count (a resent or
// conflicting one does not), the latest receipt and its clock offset; `pekon-hub rebuild`
// makes them again from the event log; a version 4 hub's events are counted by the migration,
// and the page shows them.
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hub/hub_schema.hpp"
#include "hub/hub_store.hpp"
#include "hub/hub_store_fixtures.hpp"
#include "hub/office_read.hpp"
#include "hub/web/device_report.hpp"
#include "support/postgres_test_db.hpp"
#include "web_browser.hpp"

using namespace pekon;
using namespace pekon::test;
using hub::web::DeviceActivity;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

std::string enrolDevice(hub::HubStore& hub, const std::string& name) {
    auto token = hub.createToken("test", kNow, 3600);
    REQUIRE(token);
    auto e = hub.enrol(token->token, name, kNow);
    REQUIRE(e);
    return e->device_id;
}

// A member.registered event `id` (its own member and NIK, from `n`).
std::string registered(const std::string& id, int n, const std::string& name = "Budi Santoso") {
    const std::string serial = std::to_string(1000 + n);
    return R"({"id":")" + id +
           R"(","seq":1,"type":"member.registered","at":"2026-11-22T08:15:00Z","actor":"u1",)"
           R"("data":{"member_id":"m)" +
           serial + R"(","household_id":"h1","nik":"180601150580)" + serial + R"(","name":")" +
           name +
           R"(","birth_date":"1980-05-15","sex":"M","relation":"head","segment":"PBPU","class":3}})";
}

// A push of `events` from `device` at `now`, declaring `offset` when given.
void push(hub::HubStore& hub, const std::string& device, const std::vector<std::string>& events,
          UnixSeconds now, std::optional<std::int64_t> offset = std::nullopt) {
    REQUIRE(hub.push(device, batch(events, offset), now));
}

std::map<std::string, DeviceActivity> activityOf(hub::HubStore& hub) {
    auto rows = hub::web::deviceActivity(hub.db());
    REQUIRE(rows);
    std::map<std::string, DeviceActivity> out;
    for (DeviceActivity& a : *rows) out.emplace(a.device_id, std::move(a));
    return out;
}

void checkActivity(const std::map<std::string, DeviceActivity>& all, const std::string& device,
                   std::int64_t events, UnixSeconds last_seen,
                   std::optional<std::int64_t> clock_offset) {
    INFO(device);
    REQUIRE(all.count(device));
    const DeviceActivity& a = all.at(device);
    CHECK(a.events == events);
    CHECK(a.last_seen == last_seen);
    CHECK(a.clock_offset == clock_offset);
}

}  // namespace

TEMPLATE_TEST_CASE("device activity: the push counts what it stores; rebuild counts it again",
                   "[web_device_report]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "device_activity.db");
    auto hub = openHub(db);
    const std::string tablet = enrolDevice(*hub, "tablet 1");
    const std::string other = enrolDevice(*hub, "tablet 2");
    CHECK(activityOf(*hub).empty());

    push(*hub, tablet, {registered("e1", 1), registered("e2", 2), registered("e3", 3)}, kNow, 120);
    checkActivity(activityOf(*hub), tablet, 3, kNow, 120);
    CHECK_FALSE(activityOf(*hub).count(other));
    // Sent again later: the hub has them already; nothing counts, the receipt stays.
    push(*hub, tablet, {registered("e1", 1), registered("e2", 2), registered("e3", 3)}, kNow + 60,
         999);
    checkActivity(activityOf(*hub), tablet, 3, kNow, 120);
    // One old and two new: two count, at the new receipt with its offset.
    push(*hub, tablet, {registered("e3", 3), registered("e4", 4), registered("e5", 5)}, kNow + 100,
         -45);
    checkActivity(activityOf(*hub), tablet, 5, kNow + 100, -45);
    // At the same receipt: without an offset the one kept stays; a larger one replaces it.
    push(*hub, tablet, {registered("e6", 6)}, kNow + 100);
    checkActivity(activityOf(*hub), tablet, 6, kNow + 100, -45);
    push(*hub, tablet, {registered("e7", 7)}, kNow + 100, 300);
    checkActivity(activityOf(*hub), tablet, 7, kNow + 100, 300);
    // The hub's clock went back: counted, but the latest receipt and its offset stay.
    push(*hub, tablet, {registered("e8", 8)}, kNow + 50, 10);
    checkActivity(activityOf(*hub), tablet, 8, kNow + 100, 300);
    // Another device; then an event id it reuses with other content is refused, not counted.
    push(*hub, other, {registered("e9", 9)}, kNow + 10);
    push(*hub, other, {registered("e1", 1, "Siti Aminah")}, kNow + 20, 5);
    const auto kept = activityOf(*hub);
    CHECK(kept.size() == 2);
    checkActivity(kept, other, 1, kNow + 10, std::nullopt);

    // Rebuild makes the counters again from the event log: the same as the pushes kept,
    // whatever the table held.
    db.exec("UPDATE device_activity SET event_count = 0, clock_offset = NULL");
    db.exec("DELETE FROM device_activity WHERE device_id = '" + other + "'");
    db.exec("INSERT INTO device_activity VALUES ('gone', 7, 1, 1)");
    REQUIRE(hub::rebuildReadModels(hub->db(), kNow + 200));
    const auto rebuilt = activityOf(*hub);
    CHECK(rebuilt.size() == 2);
    checkActivity(rebuilt, tablet, 8, kNow + 100, 300);
    checkActivity(rebuilt, other, 1, kNow + 10, std::nullopt);
}

TEMPLATE_TEST_CASE(
    "device activity: a version 4 hub's events are counted by the migration, shown on the page",
    "[web_device_report]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "device_activity_v4.db");
    // Schema version 4 exactly as the previous pekon-hub made it, with two devices' events.
    const hub::SqlDialect& dialect = db.postgres() ? hub::kPostgresDialect : hub::kSqliteDialect;
    db.exec(hub::kSchemaVersionTable);
    REQUIRE(hub::migrateSchema(0, dialect, [&](const hub::SchemaStep& step) -> Status {
        if (step.version > 4) return {};
        db.exec(step.sql);
        db.exec("INSERT INTO hub_schema_version (version, applied_at) VALUES (" +
                std::to_string(step.version) + ", 0)");
        return {};
    }));
    for (const char* device : {"d1", "d2", "d3"})
        db.exec(std::string("INSERT INTO devices (id, name, secret, enrolled_at) VALUES ('") +
                device + "', 'Tablet " + device +
                "', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 0)");
    // d1: three events, the latest two received together with offsets 420 and none; d2: two
    // without an offset; d3: none.
    struct Stored {
        const char* id;
        const char* device;
        UnixSeconds received_at;
        const char* clock_offset;
    };
    for (const Stored& e :
         {Stored{"e1", "d1", kNow, "9000"}, Stored{"e2", "d1", kNow + 600, "420"},
          Stored{"e3", "d1", kNow + 600, "NULL"}, Stored{"e4", "d2", kNow + 30, "NULL"},
          Stored{"e5", "d2", kNow + 20, "NULL"}})
        db.exec(std::string("INSERT INTO events (id, device_id, seq, type, at, content, "
                            "content_hash, received_at, clock_offset) VALUES ('") +
                e.id + "', '" + e.device + "', 1, 'feedback.submitted', '2026-11-22T08:00:00Z', " +
                "'{}', 'x', " + std::to_string(e.received_at) + ", " + e.clock_offset + ")");

    {
        auto hub = openHub(db);
        CHECK(db.queryInt("SELECT MAX(version) FROM hub_schema_version") == hub::kHubSchemaVersion);
        const auto counted = activityOf(*hub);
        CHECK(counted.size() == 2);
        checkActivity(counted, "d1", 3, kNow + 600, 420);
        checkActivity(counted, "d2", 2, kNow + 30, std::nullopt);
    }

    addStaffMember(db.url(), kViewer);
    LoggedHub served(db.url());
    Browser viewer(served, kViewer);
    const Page page = viewer.get("/office/devices");
    REQUIRE(page.status == 200);
    // Each device's row, in the order listed: d1's count and offset, d2's count, d3 never.
    const auto d1 = page.body.find("Tablet d1");
    const auto d2 = page.body.find("Tablet d2");
    const auto d3 = page.body.find("Tablet d3");
    REQUIRE(d1 != std::string::npos);
    REQUIRE(d2 != std::string::npos);
    REQUIRE(d3 != std::string::npos);
    const std::string row1 = page.body.substr(d1, d2 - d1);
    const std::string row2 = page.body.substr(d2, d3 - d2);
    const std::string row3 = page.body.substr(d3);
    CHECK(row1.find("class=\"num\">3<") != std::string::npos);
    CHECK(row1.find("+7 min") != std::string::npos);
    CHECK(row2.find("class=\"num\">2<") != std::string::npos);
    CHECK(row3.find("class=\"num\">0<") != std::string::npos);
    CHECK(row3.find("Belum pernah") != std::string::npos);
    CHECK(served.stop() == 0);
}
