#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "proto/sync_json.hpp"
#include "store/store.hpp"

namespace pekon {

// Applies the hub's answer to a batch that was sent, in one transaction: events it named
// accepted or duplicate become synced; rejected ones keep the hub's code and message and stay
// on the device for the user to see. Events the answer does not name stay pending.
Status applyPushAnswer(Store& store, const std::vector<Event>& sent, const PushAnswer& answer,
                       UnixSeconds now);

// This device's link to pekon-hub, kept in the device settings (the file is 0600).
struct HubLink {
    std::string hub_url;
    std::string device_id;
    std::string secret;  // base64 of the 32-byte HMAC key
    // A citizen kiosk's (both empty for an ordinary device): the area it serves and the
    // district's kiosk key (base64 of 32 bytes), the settings kiosk.area and kiosk.key.
    std::string kiosk_area;
    std::string kiosk_key;
    // The hub's public key for sealed boxes (base64 of 32 bytes; issue 16): the personal part
    // of every event is sealed for it. Empty from a hub older than issue 16 (kept as it was).
    std::string seal_key;
};
Result<std::optional<HubLink>> readHubLink(Store& store);
// Writes the link in one transaction. The kiosk settings follow the link: written for a
// kiosk, removed for an ordinary device; and when the kiosk key changes (or goes), the
// card-status table made under the old key (which no lookup can find any more) is emptied.
// A link with another device id (a new enrolment) starts pulling changes from the beginning:
// the stored cursor belonged to the old device's changes, perhaps at another hub.
Status saveHubLink(Store& store, const HubLink& link);
// Unlinks the device (before enrolling it with another hub); the outbox stays as it is.
Status forgetHubLink(Store& store);

// Keeps the hub's sealing key as a pull page named it (`seal_key_invalid` when it is not 32
// bytes of base64); unchanged keys write nothing.
Status saveHubSealKey(Store& store, const std::string& seal_key);

// When the last sync completed (unix seconds, written by the sync worker): the kiosk's card
// table is as fresh as that.
inline constexpr const char* kSettingLastSuccess = "sync.last_success";
// kSettingLastSuccess, or nullopt: never, or a damaged value.
std::optional<UnixSeconds> lastSyncSuccess(Store& store);

}  // namespace pekon
