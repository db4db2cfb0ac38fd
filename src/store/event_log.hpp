#pragma once
// The device's append-only event log as the sync and the screens read it (the writes are
// each intent's; the hub's answers, store/outbox).

#include <cstdint>
#include <optional>
#include <vector>

#include "core/event.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

namespace pekon {

struct OutboxCounts {
    std::int64_t pending = 0;
    std::int64_t accepted = 0;
    std::int64_t duplicate = 0;
    std::int64_t rejected = 0;
};

Result<OutboxCounts> outboxCounts(Store& store);
// Events after `after_seq` in order, at most `limit`, only those in `state` when given.
Result<std::vector<Event>> listEvents(Store& store, std::int64_t after_seq, int limit,
                                      std::optional<SyncState> state = std::nullopt);

}  // namespace pekon
