#pragma once

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "hub/hub_plan.hpp"
#include "hub/hub_tx.hpp"

// The per-device counters of device_activity (hub schema step 5), which the console's devices
// page reads instead of counting the event log on every view.
namespace pekon::hub {

// Adds the events a push has just stored for `device_id` (received at `now`), inside the
// push's transaction: their number to its count; `now` as its latest receipt when later than
// the one kept, and with it the largest clock offset they declared (on a receipt equal to the
// kept one, the larger of the two). Nothing when `stored` is empty (a batch of events the hub
// already had adds nothing).
Status countStoredEvents(HubTx& tx, const std::string& device_id,
                         const std::vector<NewEvent>& stored, UnixSeconds now);

// Empties device_activity and fills it again from the event log (kFillDeviceActivity), inside
// the caller's transaction: what `pekon-hub rebuild` does.
Status recountDeviceActivity(HubTx& tx);

}  // namespace pekon::hub
