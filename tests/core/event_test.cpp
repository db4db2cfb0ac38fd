#include "core/event.hpp"

#include <catch2/catch.hpp>

using namespace pekon;

TEST_CASE("event: sync state codes round-trip") {
    CHECK(syncStateCode(SyncState::pending) == "pending");
    CHECK(syncStateCode(SyncState::accepted) == "accepted");
    CHECK(syncStateCode(SyncState::duplicate) == "duplicate");
    CHECK(syncStateCode(SyncState::rejected) == "rejected");
    for (SyncState s :
         {SyncState::pending, SyncState::accepted, SyncState::duplicate, SyncState::rejected}) {
        CHECK(parseSyncState(syncStateCode(s)) == s);
    }
    CHECK_FALSE(parseSyncState("Pending"));
    CHECK_FALSE(parseSyncState(""));
    CHECK_FALSE(parseSyncState("sent"));
}

TEST_CASE("event: a new event is pending") {
    const Event e;
    CHECK(e.sync_state == SyncState::pending);
    CHECK(e.seq == 0);
    CHECK(event_type::household_registered == "household.registered");
    CHECK(event_type::member_corrected == "member.corrected");
}
