#pragma once

#include <cstdint>

#include "core/date.hpp"

// The kiosk's guard against enumeration (issue 6): after 5 failed card-status lookups in a
// row, 60 s of cool-down during which no lookup is tried; a found lookup resets the count.
// Pure and clock-driven, so the kiosk screen and its tests share it.
namespace pekon {

class LookupLimiter {
  public:
    static constexpr int kMaxFailures = 5;
    static constexpr std::int64_t kCooldownSeconds = 60;

    // Whether a lookup may run at `now`.
    bool allowed(UnixSeconds now) const { return now >= blocked_until_; }
    // Seconds left of the cool-down (0 when allowed).
    std::int64_t waitSeconds(UnixSeconds now) const {
        return allowed(now) ? 0 : blocked_until_ - now;
    }
    // Records a lookup's outcome; the fifth failure in a row starts the cool-down.
    void record(bool found, UnixSeconds now);
    int failures() const { return failures_; }

  private:
    int failures_ = 0;
    UnixSeconds blocked_until_ = 0;
};

}  // namespace pekon
