// Which device may push which event types (src/hub/device_role).
#include "hub/device_role.hpp"

#include <catch2/catch.hpp>

#include "core/event.hpp"

using namespace pekon;
using namespace pekon::hub;

namespace {

WireEvent event(const std::string& id, std::string_view type) {
    WireEvent e;
    e.id = id;
    e.type = std::string(type);
    return e;
}

const std::vector<std::string_view> kAllTypes = {
    event_type::household_registered, event_type::member_registered, event_type::member_corrected,
    event_type::session_held,         event_type::session_attended,  event_type::quiz_answered,
    event_type::feedback_submitted};

}  // namespace

TEST_CASE("device role: a kiosk is a device with a kiosk area", "[device_role]") {
    CHECK(roleOfKioskArea("") == DeviceRole::field);
    CHECK(roleOfKioskArea("18.06") == DeviceRole::kiosk);
    CHECK(roleOfKioskArea("18.06.01") == DeviceRole::kiosk);
}

TEST_CASE("device role: a kiosk may push feedback only; a field device every type",
          "[device_role]") {
    for (std::string_view type : kAllTypes) {
        INFO(type);
        CHECK(mayPush(DeviceRole::field, type));
        CHECK(mayPush(DeviceRole::kiosk, type) == (type == event_type::feedback_submitted));
    }
    // A type nobody knows is the store's to refuse (unknown_type) for a field device; a kiosk
    // is refused it here.
    CHECK(mayPush(DeviceRole::field, "payment.forged"));
    CHECK_FALSE(mayPush(DeviceRole::kiosk, "payment.forged"));
}

TEST_CASE("device role: a kiosk's batch is split, each refusal named, in batch order",
          "[device_role]") {
    std::vector<WireEvent> batch = {
        event("e1", event_type::feedback_submitted), event("e2", event_type::member_registered),
        event("e3", event_type::feedback_submitted), event("e4", event_type::household_registered)};
    const RoleSplit field = splitByRole(DeviceRole::field, batch);
    CHECK(field.allowed.size() == 4);
    CHECK(field.forbidden.empty());

    const RoleSplit kiosk = splitByRole(DeviceRole::kiosk, batch);
    REQUIRE(kiosk.allowed.size() == 2);
    CHECK(kiosk.allowed[0].id == "e1");
    CHECK(kiosk.allowed[1].id == "e3");
    REQUIRE(kiosk.forbidden.size() == 2);
    CHECK(kiosk.forbidden[0].id == "e2");
    CHECK(kiosk.forbidden[1].id == "e4");
    for (const Rejection& r : kiosk.forbidden) {
        CHECK(r.code == "forbidden_type");
        CHECK_FALSE(r.message.empty());
    }

    PushAnswer stored;
    stored.accepted = {"e1"};
    stored.rejected = {{"e3", "invalid", "rating"}};
    const PushAnswer answer = withForbidden(stored, kiosk);
    CHECK(answer.accepted == std::vector<std::string>{"e1"});
    REQUIRE(answer.rejected.size() == 3);
    CHECK(answer.rejected[0].code == "invalid");
    CHECK(answer.rejected[1].id == "e2");
    CHECK(answer.rejected[2].id == "e4");
}
