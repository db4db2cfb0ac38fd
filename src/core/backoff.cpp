#include "core/backoff.hpp"

#include <algorithm>

namespace pekon {

std::int64_t backoffCeilingMs(int attempt, const BackoffPolicy& policy) {
    std::int64_t ceiling = policy.base_ms;
    for (int i = 0; i < attempt && ceiling < policy.cap_ms; ++i) ceiling *= 2;
    return std::min(ceiling, policy.cap_ms);
}

std::int64_t backoffDelayMs(int attempt, std::uint64_t random, const BackoffPolicy& policy) {
    const std::int64_t ceiling = backoffCeilingMs(std::max(0, attempt), policy);
    return static_cast<std::int64_t>(random % static_cast<std::uint64_t>(ceiling + 1));
}

}  // namespace pekon
