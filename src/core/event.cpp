#include "core/event.hpp"

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

bool parseSyncState(std::string_view text, SyncState& out) {
    for (SyncState s :
         {SyncState::pending, SyncState::accepted, SyncState::duplicate, SyncState::rejected}) {
        if (syncStateCode(s) == text) {
            out = s;
            return true;
        }
    }
    return false;
}

}  // namespace pekon
