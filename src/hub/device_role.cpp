#include "hub/device_role.hpp"

#include "core/event.hpp"

namespace pekon::hub {

DeviceRole roleOfKioskArea(std::string_view kiosk_area) {
    return kiosk_area.empty() ? DeviceRole::field : DeviceRole::kiosk;
}

bool mayPush(DeviceRole role, std::string_view type) {
    switch (role) {
        case DeviceRole::field:
            return true;
        case DeviceRole::kiosk:
            // The kiosk screens (src/ui/screens/kiosk_*) write nothing else: the status
            // lookup and the premium table only read.
            return type == event_type::feedback_submitted;
    }
    return false;
}

RoleSplit splitByRole(DeviceRole role, std::vector<WireEvent> events) {
    RoleSplit split;
    split.allowed.reserve(events.size());
    for (WireEvent& e : events) {
        if (mayPush(role, e.type)) {
            split.allowed.push_back(std::move(e));
        } else {
            split.forbidden.push_back(
                {e.id, "forbidden_type",
                 "A citizen kiosk may push only feedback.submitted, not " + e.type + "."});
        }
    }
    return split;
}

PushAnswer withForbidden(PushAnswer answer, const RoleSplit& split) {
    answer.rejected.insert(answer.rejected.end(), split.forbidden.begin(), split.forbidden.end());
    return answer;
}

}  // namespace pekon::hub
