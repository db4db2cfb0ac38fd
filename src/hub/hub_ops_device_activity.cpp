#include "hub/hub_ops_device_activity.hpp"

#include <optional>
#include <string>

#include "hub/hub_schema.hpp"

namespace pekon::hub {

namespace {

// The receipt and offset follow the fill's rule (kFillDeviceActivity): the latest receipt, and
// the largest offset of the events received then; MAX ignores NULLs, so does this.
constexpr HubSql kCount{
    "device_activity_count",
    "INSERT INTO device_activity (device_id, event_count, last_received_at, clock_offset) "
    "VALUES (?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET "
    "event_count = device_activity.event_count + excluded.event_count, "
    "last_received_at = CASE WHEN excluded.last_received_at > device_activity.last_received_at "
    "THEN excluded.last_received_at ELSE device_activity.last_received_at END, "
    "clock_offset = CASE "
    "WHEN excluded.last_received_at > device_activity.last_received_at "
    "THEN excluded.clock_offset "
    "WHEN excluded.last_received_at < device_activity.last_received_at "
    "THEN device_activity.clock_offset "
    "WHEN device_activity.clock_offset IS NULL "
    "OR excluded.clock_offset > device_activity.clock_offset THEN excluded.clock_offset "
    "ELSE device_activity.clock_offset END",
    0};

constexpr const char* kEmpty = "DELETE FROM device_activity;";

}  // namespace

Status countStoredEvents(HubTx& tx, const std::string& device_id,
                         const std::vector<NewEvent>& stored, UnixSeconds now) {
    if (stored.empty()) return {};
    std::optional<std::int64_t> offset;
    for (const NewEvent& n : stored)
        if (n.event->clock_offset && (!offset || *n.event->clock_offset > *offset))
            offset = n.event->clock_offset;
    const SqlParam declared = offset ? SqlParam{*offset} : SqlParam{};
    auto done = tx.run(kCount, {device_id, static_cast<std::int64_t>(stored.size()), now, declared},
                       "count the device's events");
    if (!done) return done.error();
    return {};
}

Status recountDeviceActivity(HubTx& tx) {
    if (auto s = tx.exec(kEmpty, "empty the devices' counters"); !s) return s;
    return tx.exec(kFillDeviceActivity, "count the devices' events");
}

}  // namespace pekon::hub
