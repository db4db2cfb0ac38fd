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
// Events after `after_seq` in order, at most `limit`, only those in `state` when given, as
// they leave the device: on a sealed device (issue 16) `data` holds the clear part and, while
// the hub has not acknowledged it, the personal part sealed for the hub as `sealed`
// (docs/sync-protocol.md). Listing the pending ones stops before the first event whose
// personal part is not sealed for the hub yet (its key unknown when it was written): the
// next sign-in seals it. Needs no data key: the background sync reads this.
Result<std::vector<Event>> listEvents(Store& store, std::int64_t after_seq, int limit,
                                      std::optional<SyncState> state = std::nullopt);

// The same events as the device itself reads them: the personal part opened back into
// `data` (nothing of a member whose data has left the device). `data_locked` on a sealed
// device without the data key.
Result<std::vector<Event>> readEvents(Store& store, std::int64_t after_seq, int limit);

}  // namespace pekon
