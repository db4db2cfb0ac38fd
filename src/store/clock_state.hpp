#pragma once

#include <cstdint>
#include <optional>

#include "core/clock_check.hpp"
#include "store/store.hpp"

// What the device knows about its own clock, kept in its database: the offset to pekon-hub
// measured at the last sync, and the time of its latest record. core/clock_check judges it.
namespace pekon {

inline constexpr const char* kSettingHubOffset = "clock.hub_offset";       // hub - device, s
inline constexpr const char* kSettingHubOffsetAt = "clock.hub_offset_at";  // device time of it

// Keeps the offset (hub time - device time, seconds) measured at device time `device_at`.
Status saveHubOffset(Store& store, std::int64_t offset, UnixSeconds device_at);
// The last offset kept, or nullopt (never measured, or a damaged value).
std::optional<std::int64_t> readHubOffset(Store& store);
std::optional<UnixSeconds> readHubOffsetAt(Store& store);  // the device time of that measure

// The device time of the latest event written (the highest sequence number), or nullopt.
std::optional<UnixSeconds> lastRecordTime(Store& store);

// What the database holds for checkClock (the offset, when it was measured, the latest
// record); device_now and build_time are left for the caller.
ClockInputs storedClock(Store& store);

// checkClock over the device clock `device_now`, the kept offset, the latest record and this
// build's date (core/build_time; a test that plays an earlier day passes its own). What cannot
// be read counts as unknown.
ClockVerdict deviceClock(Store& store, UnixSeconds device_now, UnixSeconds build_time);
ClockVerdict deviceClock(Store& store, UnixSeconds device_now);

}  // namespace pekon
