#pragma once

#include <string>

#include "proto/sync_json.hpp"
#include "store/store.hpp"

// The district office's side of the story on the device: changes pulled from pekon-hub
// (`GET /v1/changes`), kept as events of origin 'hub' and applied to the projections.
namespace pekon {

// The cursor after the last page applied; "" before the first pull.
inline constexpr const char* kSettingChangesCursor = "sync.changes_cursor";
Result<std::string> readChangesCursor(Store& store);

struct AppliedChanges {
    int applied = 0;  // changed a member (status, card number, facility or a duplicate flag)
    int kept = 0;     // recorded only: an unknown member, a step already passed, a newer type
};

// One transaction per page: every change becomes an event (origin 'hub', never pushed back),
// status changes move the member (officeCanMove; the step is dated by the office's decision
// date, never before the member's previous step), `registration.correction_requested`
// (needs_correction) and `registration.rejected` keep the office's reason and note with the
// member (core/status_reason; a repeat in other words replaces them, a decision that moves the
// member on clears them), `card.issued` keeps the card number, the
// assigned facility is kept, `registration.duplicate_suspected` flags the member with the
// other household, `kiosk.status` becomes a row of the kiosk's card-status table
// (store/kiosk_status; only on a device holding the kiosk key, else it is only recorded);
// then the page's `next` cursor is stored. A crash before the commit applies nothing and the
// same page is pulled again.
Result<AppliedChanges> applyHubChanges(Store& store, const ChangesPage& page, UnixSeconds now);

}  // namespace pekon
