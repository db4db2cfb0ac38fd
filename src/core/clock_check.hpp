#pragma once

#include <cstdint>
#include <optional>

#include "core/date.hpp"

// Is the device's clock to be trusted? Pure: the caller gathers what the device knows (its
// clock, the offset to pekon-hub measured at the last sync, the time of its latest record,
// this build's date) and gets a verdict and the best time it can know.
namespace pekon {

// How far the device clock may be from the hub (and a record from "now") before it is said to
// be wrong: the hub's signature window, 5 minutes.
inline constexpr std::int64_t kClockTolerance = 300;

struct ClockInputs {
    UnixSeconds device_now = 0;
    std::optional<std::int64_t> hub_offset;  // hub time - device time, at the last measure
    std::optional<UnixSeconds> measured_at;  // the device time of that measure
    std::optional<UnixSeconds> last_record;  // the device time of the latest record stored
    UnixSeconds build_time = 0;              // this build's date (no real "now" is earlier)
};

enum class ClockState {
    ok,
    skewed,          // the hub said the clock is more than kClockTolerance off
    before_build,    // the clock is earlier than the day this app was built
    behind_records,  // the clock is earlier than the latest record on the device
};

struct ClockVerdict {
    ClockState state = ClockState::ok;
    std::int64_t offset = 0;   // skewed: hub - device, seconds
    UnixSeconds best_now = 0;  // the best time the device knows
};

// The hub offset is believed unless the clock has visibly been changed since it was measured:
// the device clock is now earlier than at the measure (set back), device + offset is before
// the build (reset after the measure), or the device clock is after the build yet the hub was
// more than a year ahead of it (a clock at 2000-01-01 set right since). Records written under
// the same wrong clock do not make it doubtful. Believed: best_now = device + offset, and the
// clock is `skewed` when |offset| > kClockTolerance. Otherwise best_now = max(device, latest
// record, build time), and the clock is `before_build` or `behind_records` (by more than the
// tolerance) when it is earlier than them.
ClockVerdict checkClock(const ClockInputs& in);

// --- At the hub: how far to trust the device time of an event it receives -------------------

// No Pekon device wrote anything before this (2026-11-22T00:00:00Z, the project's first
// build): an earlier device time is a clock that was reset.
inline constexpr UnixSeconds kPekonEpoch = 1795305600;

enum class EventTimeFlag {
    none,          // plausible: devices work offline for weeks, so old times are normal
    before_epoch,  // earlier than kPekonEpoch: the device clock was reset (flat battery)
    future,        // later than its receipt at the hub by more than kClockTolerance
    skewed,        // the device declared at the push that its clock is off by more than that
    went_back,     // earlier than the device's previous event (by sequence) by more than that
};

// What the hub knows of one event: its device time, the offset the device declared at the
// push (hub - device, seconds), when the hub received it, and the device time of the previous
// event the device wrote (by seq), if known. The first flag that applies, in the order above.
struct EventTimeFacts {
    UnixSeconds device_at = 0;
    std::optional<std::int64_t> declared_offset;
    UnixSeconds received_at = 0;
    std::optional<UnixSeconds> previous_at;
};
EventTimeFlag judgeEventTime(const EventTimeFacts& facts);
const char* eventTimeFlagName(EventTimeFlag flag);  // "" for none; else the enumerator's name

// The calendar day of `best_now` in WIB (UTC+7, Kabupaten Tanggamus): what validation calls
// "today".
Date wibDate(UnixSeconds seconds);

}  // namespace pekon
