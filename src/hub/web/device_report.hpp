#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "hub/hub_tx.hpp"

// What the devices page shows beside each device: how many events the hub stored from it, when
// the last arrived, and the clock offset it declared with that push. Read from the counters the
// push keeps (device_activity, hub_ops_device_activity), one row per device: no pass over the
// event log, whatever its size.
namespace pekon::hub::web {

struct DeviceActivity {
    std::string device_id;
    std::int64_t events = 0;
    UnixSeconds last_seen = 0;                 // hub clock of its last push's events
    std::optional<std::int64_t> clock_offset;  // hub - device seconds, as declared then
};

// Every device that has had an event stored, by id.
Result<std::vector<DeviceActivity>> deviceActivity(HubDb& db);

}  // namespace pekon::hub::web
