#pragma once
// Inside the store only: turning a device's plain database into a sealed one (issue 16), at
// its first user or at the first sign-in after the update.

#include <optional>
#include <string>

#include "core/result.hpp"
#include "store/store.hpp"
#include "vault/secret_key.hpp"

namespace pekon {

// Seals every personal field of the database under `data_key` in one transaction: the
// projections, the drafts, the attendees, and the personal part of every event (moved beside
// the log; the device's pending events are sealed for the hub when its key is known). The key
// becomes the store's. Then finishSealing. A kill at any point leaves the plain database (the
// transaction did not commit) or the sealed one (it did; finishSealing runs at the next open).
// `wrap` (a user id and the key wrapped by their PIN), when given, is saved in the same
// transaction: the first sign-in after the update leaves the user's key and the sealed data
// together, or neither.
struct UserWrap {
    std::string user_id;
    std::string wrapped;
};
Status sealDevice(Store& store, vault::SecretKey data_key,
                  const std::optional<UserWrap>& wrap = std::nullopt);

// After sealing: rewrites the file without the free pages that held plain text (VACUUM) and
// empties the WAL (a TRUNCATE checkpoint), then clears the setting that asked for it. Does
// nothing when nothing is pending; run at every open, so a kill in between is finished later.
Status finishSealing(Store& store);

// Seals the personal part of the device's pending events for the hub, when its key has become
// known since they were written (needs the data key: run at sign-in). Returns how many.
Result<int> sealPendingForHub(Store& store);

}  // namespace pekon
