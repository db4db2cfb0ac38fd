#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "hub/hub_tx.hpp"

// What the devices page shows beside each device, from the events table: how many events it
// sent, when the last arrived, and the clock offset it declared with that push.
namespace pekon::hub::web {

struct DeviceActivity {
    std::string device_id;
    std::int64_t events = 0;
    UnixSeconds last_seen = 0;                 // hub clock of its last push's events
    std::optional<std::int64_t> clock_offset;  // hub - device seconds, as declared then
};

// Every device that has sent an event (one pass over the events).
Result<std::vector<DeviceActivity>> deviceActivity(HubDb& db);

}  // namespace pekon::hub::web
