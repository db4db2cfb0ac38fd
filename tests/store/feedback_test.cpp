#include "store/feedback.hpp"

#include <catch2/catch.hpp>

#include "codec/json.hpp"
#include "proto/event_check.hpp"
#include "proto/push_body.hpp"
#include "proto/sync_json.hpp"
#include "store/event_log.hpp"
#include "store/outbox.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {

WriteContext kiosk() {
    return WriteContext{"kiosk", 1'795'000'000, Date{2026, 11, 23}};
}

}  // namespace

TEST_CASE("feedback is queued as one feedback.submitted event the hub accepts", "[feedback]") {
    const std::string path = test::tempPath("feedback.db");
    {
        auto store = Store::open(path);
        REQUIRE(store);
        Feedback f;
        f.category = FeedbackCategory::faskes_service;
        f.rating = 2;
        f.text = " Antrean di puskesmas terlalu lama ";
        f.phone = "0812 3456 7890";
        auto e = submitFeedback(**store, f, kiosk());
        REQUIRE(e);
        CHECK(e->type == "feedback.submitted");
    }
    // Survives closing the database, and is in the outbox as the protocol says.
    auto store = Store::open(path);
    REQUIRE(store);
    auto events = listEvents(**store, 0, 10, SyncState::pending);
    REQUIRE(events);
    REQUIRE(events->size() == 1);
    const Event& e = events->front();
    CHECK(e.actor == "kiosk");
    auto data = parseJson(e.data);
    REQUIRE(data);
    CHECK((*data)["category"] == "faskes_service");
    CHECK((*data)["rating"] == 2);
    CHECK((*data)["text"] == "Antrean di puskesmas terlalu lama");
    CHECK((*data)["phone"] == "+6281234567890");
    for (const WireEvent& w : toWire(*events)) CHECK_FALSE(checkEvent(w));
}

TEST_CASE("feedback without text or phone still carries an empty text", "[feedback]") {
    auto store = Store::open(test::tempPath("feedback_min.db"));
    REQUIRE(store);
    Feedback f;
    f.rating = 5;
    REQUIRE(submitFeedback(**store, f, kiosk()));
    auto events = listEvents(**store, 0, 10);
    REQUIRE(events->size() == 1);
    auto data = parseJson(events->front().data);
    REQUIRE(data);
    CHECK((*data)["category"] == "other");
    CHECK((*data)["text"] == "");
    CHECK_FALSE(data->contains("phone"));
    for (const WireEvent& w : toWire(*events)) CHECK_FALSE(checkEvent(w));
}

TEST_CASE("bad feedback is refused and nothing is queued", "[feedback]") {
    auto store = Store::open(test::tempPath("feedback_bad.db"));
    REQUIRE(store);
    Feedback f;
    f.rating = 0;
    auto refused = submitFeedback(**store, f, kiosk());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "feedback_rating");
    f.rating = 4;
    f.phone = "0812";
    CHECK_FALSE(submitFeedback(**store, f, kiosk()));
    CHECK(listEvents(**store, 0, 10)->empty());
}
