#include "store/clock_state.hpp"

#include <string>

#include "core/build_time.hpp"
#include "store/internal/database.hpp"
#include "store/settings.hpp"

namespace pekon {

Status saveHubOffset(Store& store, std::int64_t offset, UnixSeconds device_at) {
    auto tx = sql::Transaction::begin(connection(store));
    if (!tx) return tx.error();
    if (auto s = writeSetting(store, kSettingHubOffset, std::to_string(offset)); !s) return s;
    if (auto s = writeSetting(store, kSettingHubOffsetAt, std::to_string(device_at)); !s) return s;
    return tx->commit();
}

std::optional<std::int64_t> readHubOffset(Store& store) {
    return readSettingNumber(store, kSettingHubOffset);
}

std::optional<UnixSeconds> readHubOffsetAt(Store& store) {
    return readSettingNumber(store, kSettingHubOffsetAt);
}

std::optional<UnixSeconds> lastRecordTime(Store& store) {
    auto stmt = connection(store).cached("SELECT at FROM events ORDER BY seq DESC LIMIT 1");
    if (!stmt || (*stmt)->step() != SQLITE_ROW) return std::nullopt;
    auto at = parseRfc3339((*stmt)->text(0));
    if (!at) return std::nullopt;
    return *at;
}

ClockInputs storedClock(Store& store) {
    ClockInputs in;
    in.hub_offset = readHubOffset(store);
    in.measured_at = readHubOffsetAt(store);
    in.last_record = lastRecordTime(store);
    return in;
}

ClockVerdict deviceClock(Store& store, UnixSeconds device_now, UnixSeconds build_time) {
    ClockInputs in = storedClock(store);
    in.device_now = device_now;
    in.build_time = build_time;
    return checkClock(in);
}

ClockVerdict deviceClock(Store& store, UnixSeconds device_now) {
    return deviceClock(store, device_now, buildTime());
}

}  // namespace pekon
