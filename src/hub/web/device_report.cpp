#include "hub/web/device_report.hpp"

namespace pekon::hub::web {

namespace {

constexpr HubSql kActivity{"web_device_activity",
                           "SELECT device_id, event_count, last_received_at, clock_offset FROM "
                           "device_activity ORDER BY device_id",
                           4};

}  // namespace

Result<std::vector<DeviceActivity>> deviceActivity(HubDb& db) {
    return inTx<std::vector<DeviceActivity>>(
        db, TxMode::autocommit, [](HubTx& tx) -> Result<std::vector<DeviceActivity>> {
            auto rows = tx.run(kActivity, {}, "read the devices' activity");
            if (!rows) return rows.error();
            std::vector<DeviceActivity> out;
            for (int i = 0; i < rows->count(); ++i) {
                DeviceActivity a{rows->text(i, 0), rows->integer(i, 1), rows->integer(i, 2),
                                 std::nullopt};
                if (!rows->isNull(i, 3)) a.clock_offset = rows->integer(i, 3);
                out.push_back(std::move(a));
            }
            return out;
        });
}

}  // namespace pekon::hub::web
