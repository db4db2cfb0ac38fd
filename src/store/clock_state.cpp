#include "store/clock_state.hpp"

#include <string>

#include "core/build_time.hpp"
#include "store/settings.hpp"

namespace pekon {

Status saveHubOffset(Store& store, std::int64_t offset, UnixSeconds device_at) {
    auto tx = sql::Transaction::begin(store.connection());
    if (!tx) return tx.error();
    if (auto s = writeSetting(store, kSettingHubOffset, std::to_string(offset)); !s) return s;
    if (auto s = writeSetting(store, kSettingHubOffsetAt, std::to_string(device_at)); !s) return s;
    return tx->commit();
}

namespace {

std::optional<std::int64_t> settingInteger(Store& store, const char* key) {
    auto value = readSetting(store, key);
    if (!value || !value->has_value()) return std::nullopt;
    try {
        size_t used = 0;
        const std::int64_t offset = std::stoll(**value, &used);
        if (used != (*value)->size()) return std::nullopt;
        return offset;
    } catch (...) {
        return std::nullopt;
    }
}

}  // namespace

std::optional<std::int64_t> readHubOffset(Store& store) {
    return settingInteger(store, kSettingHubOffset);
}

std::optional<UnixSeconds> readHubOffsetAt(Store& store) {
    return settingInteger(store, kSettingHubOffsetAt);
}

std::optional<UnixSeconds> lastRecordTime(Store& store) {
    auto stmt = store.connection().cached("SELECT at FROM events ORDER BY seq DESC LIMIT 1");
    if (!stmt || (*stmt)->step() != SQLITE_ROW) return std::nullopt;
    auto at = parseRfc3339((*stmt)->text(0));
    if (!at) return std::nullopt;
    return *at;
}

ClockVerdict deviceClock(Store& store, UnixSeconds device_now, UnixSeconds build_time) {
    return checkClock(ClockInputs{device_now, readHubOffset(store), readHubOffsetAt(store),
                                  lastRecordTime(store), build_time});
}

ClockVerdict deviceClock(Store& store, UnixSeconds device_now) {
    return deviceClock(store, device_now, buildTime());
}

}  // namespace pekon
