#include "core/lookup_limiter.hpp"

namespace pekon {

void LookupLimiter::record(bool found, UnixSeconds now) {
    if (found) {
        failures_ = 0;
        return;
    }
    if (++failures_ >= kMaxFailures) {
        blocked_until_ = now + kCooldownSeconds;
        failures_ = 0;
    }
}

}  // namespace pekon
