#pragma once

#include <cstdint>

namespace pekon {

// Retry delays for sync (protocol §6): exponential from 1 s, doubling to a 15-minute cap, with
// full jitter (uniform between zero and the ceiling), so that a whole district reconnecting at
// once does not retry in step. `attempt` counts failures so far (0 = the first retry);
// `random` is any 64-bit random number (the caller's RNG, so tests can fix it).
struct BackoffPolicy {
    std::int64_t base_ms = 1000;
    std::int64_t cap_ms = 15 * 60 * 1000;
};

std::int64_t backoffCeilingMs(int attempt, const BackoffPolicy& policy = {});
std::int64_t backoffDelayMs(int attempt, std::uint64_t random, const BackoffPolicy& policy = {});

}  // namespace pekon
