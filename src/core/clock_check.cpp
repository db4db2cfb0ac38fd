#include "core/clock_check.hpp"

#include <algorithm>

namespace pekon {

namespace {


bool plausible(UnixSeconds t, const ClockInputs& in) {
    if (t < in.build_time) return false;
    return !in.last_record || t + kClockTolerance >= *in.last_record;
}

// Whether the clock was visibly changed since the offset was measured (see checkClock).
bool stale(const ClockInputs& in) {
    constexpr std::int64_t kYear = 365 * 86400;
    if (in.measured_at && in.device_now + kClockTolerance < *in.measured_at) return true;
    if (in.device_now + *in.hub_offset < in.build_time) return true;
    return in.device_now >= in.build_time && *in.hub_offset > kYear;
}

}  // namespace

ClockVerdict checkClock(const ClockInputs& in) {
    ClockVerdict v;
    if (in.hub_offset && !stale(in)) {
        const std::int64_t off = *in.hub_offset;
        v.best_now = in.device_now + off;
        if (off > kClockTolerance || off < -kClockTolerance) {
            v.state = ClockState::skewed;
            v.offset = off;
        }
        return v;
    }
    v.best_now = std::max(in.device_now, in.build_time);
    if (in.last_record) v.best_now = std::max(v.best_now, *in.last_record);
    if (in.device_now < in.build_time)
        v.state = ClockState::before_build;
    else if (!plausible(in.device_now, in))
        v.state = ClockState::behind_records;
    return v;
}

EventTimeFlag judgeEventTime(const EventTimeFacts& f) {
    if (f.device_at < kPekonEpoch) return EventTimeFlag::before_epoch;
    if (f.device_at > f.received_at && f.device_at - f.received_at > kClockTolerance)
        return EventTimeFlag::future;
    if (f.declared_offset &&
        (*f.declared_offset > kClockTolerance || *f.declared_offset < -kClockTolerance))
        return EventTimeFlag::skewed;
    if (f.previous_at && *f.previous_at - f.device_at > kClockTolerance)
        return EventTimeFlag::went_back;
    return EventTimeFlag::none;
}

const char* eventTimeFlagName(EventTimeFlag flag) {
    switch (flag) {
        case EventTimeFlag::none:
            return "";
        case EventTimeFlag::before_epoch:
            return "before_epoch";
        case EventTimeFlag::future:
            return "future";
        case EventTimeFlag::skewed:
            return "skewed";
        case EventTimeFlag::went_back:
            return "went_back";
    }
    return "";
}

Date wibDate(UnixSeconds seconds) {
    return dateOf(seconds + kWibOffset);
}

}  // namespace pekon
