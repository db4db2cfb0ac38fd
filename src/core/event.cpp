#include "core/event.hpp"

#include "core/code_lookup.hpp"

namespace pekon {

std::string_view syncStateCode(SyncState state) {
    switch (state) {
        case SyncState::pending:
            return "pending";
        case SyncState::accepted:
            return "accepted";
        case SyncState::duplicate:
            return "duplicate";
        case SyncState::rejected:
            return "rejected";
    }
    return "";
}

std::optional<SyncState> parseSyncState(std::string_view text) {
    constexpr SyncState kAll[] = {SyncState::pending, SyncState::accepted, SyncState::duplicate,
                                  SyncState::rejected};
    return findByCode(text, kAll, syncStateCode);
}

}  // namespace pekon
