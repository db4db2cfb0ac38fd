// The device's stored events, sent with the one push-body encoder (proto/push_body), decode at
// the hub (proto/sync_json's parsePushRequest, the hub's decoder) to exactly those events.
#include <catch2/catch.hpp>

#include "proto/push_body.hpp"
#include "proto/sync_json.hpp"
#include "store/store.hpp"
#include "store/feedback.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "support/fixtures.hpp"
#include "support/pushed_event.hpp"
#include "support/sample_households.hpp"

using namespace pekon;

TEST_CASE("the push body of the stored events decodes at the hub to exactly those events",
          "[push_body]") {
    auto store = Store::open(test::tempPath("push_roundtrip.db"));
    REQUIRE(store);
    const WriteContext context{"u1", 1'795'000'000, test::kToday};
    auto registered = registerHouseholds(**store, 
        {test::sampleHousehold(1, 1, 3), test::sampleHousehold(2, 4, 2)}, test::regions(),
        context);
    REQUIRE(registered.ok());
    Feedback feedback;
    feedback.rating = 4;
    feedback.text = "Petugas \"ramah\" \\ sekali";
    REQUIRE(submitFeedback(**store, feedback, context));
    auto stored = listEvents(**store, 0, 1000, SyncState::pending);
    REQUIRE(stored);
    REQUIRE(stored->size() == 2 + 5 + 1);

    auto received = parsePushRequest(pushBody(*stored, -7));
    REQUIRE(received);
    REQUIRE(received->size() == stored->size());
    for (std::size_t i = 0; i < stored->size(); ++i) {
        test::checkArrivedAsSent((*stored)[i], (*received)[i]);
        CHECK((*received)[i].clock_offset == -7);
    }
}
