// The office's correction request travels over the real protocol (issue 14): pekon-hub holds
// a `registration.correction_requested` for the device (written into its `changes` table as
// the office console's decision does), the device pulls it, the volunteer corrects, the
// correction is pushed as `member.corrected` and the hub stores it; the office's later
// verification clears the request.
#include <catch2/catch.hpp>

#include "store/event_log.hpp"
#include "store/households.hpp"
#include "sync/client.hpp"
#include "sync/sync_harness.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

// A change for every device the hub knows (here: the one), as the office's decision adds it.
void hubSends(const std::string& hub_db, const std::string& type, const Json& data) {
    auto c = sql::Connection::open(hub_db, false);
    REQUIRE(c);
    auto stmt = c->prepare(
        "INSERT INTO changes (device_id, type, data, created_at) SELECT id, ?, ?, ? FROM devices");
    REQUIRE(stmt);
    stmt->bind(1, type).bind(2, data.dump()).bind(3, unixNow());
    REQUIRE(stmt->run("add a change"));
}

MemberRecord memberOf(Store& store, const std::string& household, size_t i) {
    auto d = findHousehold(store, household);
    REQUIRE(d);
    REQUIRE(d->has_value());
    return (*d)->members.at(i);
}

}  // namespace

TEST_CASE(
    "sync: a correction request is pulled, the correction pushed, the verification "
    "pulled",
    "[sync][correction]") {
    const std::string hub_db = tempPath("office_request_hub.db");
    auto opened = Store::open(tempPath("office_request.db"));
    REQUIRE(opened);
    Store& store = **opened;
    RunningHub hub(hub_db);
    REQUIRE(sync::enrolDevice(store, newEnrolmentUri(hub_db, hub.url()), "tablet"));
    addHouseholds(store, 0, 1);
    REQUIRE(sync::syncOnce(store, unixNow()));
    auto listed = listHouseholds(store, {}, 1);
    REQUIRE(listed);
    REQUIRE(listed->size() == 1);
    const std::string household = listed->front().household.id;
    MemberRecord m = memberOf(store, household, 2);
    REQUIRE(m.status == MemberStatus::synced);

    const Json request{{"member_id", m.member.id},
                       {"household_id", household},
                       {"reason", "birth_date"},
                       {"note", "Tanggal lahir di akta: 2012-03-04."},
                       {"date", "2026-12-07"}};
    hubSends(hub_db, "registration.correction_requested", request);
    auto pulled = sync::syncOnce(store, unixNow());
    REQUIRE(pulled);
    CHECK(pulled->pulled == 1);
    m = memberOf(store, household, 2);
    CHECK(m.status == MemberStatus::needs_correction);
    CHECK(m.officeRequest() == OfficeRequest::needs_correction);
    CHECK(m.office_reason == "birth_date");
    CHECK(m.office_note == "Tanggal lahir di akta: 2012-03-04.");
    CHECK(countHouseholds(store, {}, true).value() == 1);

    // The volunteer corrects the name; the next sync carries the correction to the hub.
    MemberInput input = sampleHousehold(0, 0, 4).members[2];
    input.name = input.name + " Saputra";
    REQUIRE(correctMember(store, m.member.id, input, regions(), {"volunteer", unixNow(), kToday}));
    auto corrected = listEvents(store, 0, 10, SyncState::pending);
    REQUIRE(corrected);
    REQUIRE(corrected->size() == 1);
    CHECK(corrected->front().type == "member.corrected");
    auto pushed = sync::syncOnce(store, unixNow());
    REQUIRE(pushed);
    CHECK(pushed->accepted == 1);
    CHECK(hubEventIds(hub_db).count(corrected->front().id) == 1);
    m = memberOf(store, household, 2);
    CHECK(m.status == MemberStatus::synced);
    CHECK(m.officeRequest() == OfficeRequest::correction_sent);

    // The office verifies the corrected registration.
    hubSends(hub_db, "registration.verified",
             Json{{"member_id", m.member.id}, {"household_id", household}, {"date", "2026-12-08"}});
    REQUIRE(sync::syncOnce(store, unixNow()));
    m = memberOf(store, household, 2);
    CHECK(m.status == MemberStatus::verified);
    CHECK(m.officeRequest() == OfficeRequest::none);
    CHECK(m.office_reason.empty());
    CHECK(hub.stop() == 0);
}
