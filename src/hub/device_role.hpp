#pragma once

#include <string_view>
#include <vector>

#include "proto/sync_json.hpp"

// What each kind of device may push. A citizen kiosk (a device enrolled with a kiosk token)
// is in a public place and its credentials may be lifted from it, so it may push only what a
// kiosk makes: a citizen's feedback. Pure: no storage, no HTTP.
namespace pekon::hub {

enum class DeviceRole {
    field,  // a volunteer's or officer's tablet: every event type of the protocol
    kiosk,  // a citizen kiosk: feedback.submitted only
};

// A kiosk is a device with a kiosk area (hub_store: Device::kiosk_area).
DeviceRole roleOfKioskArea(std::string_view kiosk_area);

// Whether a device of `role` may push events of `type`. A type the role may not push is
// refused per event with `forbidden_type`; whether a type is known at all is not decided
// here (the store answers `unknown_type`).
bool mayPush(DeviceRole role, std::string_view type);

// A batch split by the role: the events the store is to see, and an answer for the rest.
struct RoleSplit {
    std::vector<WireEvent> allowed;
    std::vector<Rejection> forbidden;  // code `forbidden_type`, in batch order
};
RoleSplit splitByRole(DeviceRole role, std::vector<WireEvent> events);

// The store's answer to `split.allowed` with `split.forbidden` added to its rejections.
PushAnswer withForbidden(PushAnswer answer, const RoleSplit& split);

}  // namespace pekon::hub
