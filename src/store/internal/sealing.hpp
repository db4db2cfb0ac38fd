#pragma once
// Inside the store only: how personal data is sealed at rest (issue 16). A Store holds the
// device's keys (a Keyring); the SQL function pk_open(text) opens a sealed column inside a
// query, and the helpers below seal what an intent writes. A device is sealed once it has a
// data key (its first user, or the first sign-in after the update); until then personal
// columns hold plain text and every helper passes it through.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "sqlite/sqlite.hpp"
#include "store/store.hpp"
#include "vault/secret_key.hpp"

namespace pekon {

struct Keyring {
    std::optional<vault::SecretKey> data_key;  // while a user is signed in
    std::string device_public;                 // raw 32 bytes; empty: not sealed yet
    std::string hub_public;                    // raw 32 bytes; empty: not known yet
    // The device's pending events are sealed for hub_public (by sealPendingForHub, since
    // the key last changed or the data key was last opened).
    bool pending_sealed_for_hub = false;
    bool sealed() const { return !device_public.empty(); }
    bool open() const { return data_key.has_value(); }
};

// Settings (device-local, never synced) the keyring is read from.
inline constexpr const char* kSettingDevicePublic = "vault.device_public";  // base64
inline constexpr const char* kSettingHubSealKey = "hub.seal_key";           // base64

Keyring& keyring(Store& store);
// Whether the device is sealed; a Store that saw it unsealed looks again (another connection,
// the app's, may have sealed it since), so nothing personal is ever written plain after that.
bool deviceSealed(Store& store);

// Reads the public keys from the settings (at open, and after an enrolment changed them).
Status loadKeyring(Store& store);
// pk_open(text): a sealed field opened (`data_locked` as the statement's error when the data
// key is not held), anything else as it is. Registered on every connection of a Store.
Status registerSealFunctions(sql::Connection& db, Keyring* keys);

Error dataLockedError();
// `data_locked` when the device is sealed and nobody is signed in.
Status requireDataOpen(Store& store);

// A personal field as it is to be stored: under the data key, else sealed to the device's
// public key (the background sync), else (a device not sealed yet) plain.
Result<std::string> sealText(Store& store, std::string_view plain);
// Several fields at once, in order.
Result<std::vector<std::string>> sealTexts(Store& store,
                                           std::initializer_list<std::string_view> plain);
// The blind index of a NIK or KK number (`purpose` "nik" or "kk"); the value itself on a device
// not sealed yet; `data_locked` without the data key.
Result<std::string> blindText(Store& store, std::string_view purpose, std::string_view value);

// An event's data split into what stays readable in the log and its personal part (a JSON
// object, "" when it has none): the keys of kPersonalKeys at the top level.
struct SplitData {
    std::string clear;
    std::string personal;
};
SplitData splitPersonal(const std::string& data);
bool isPersonalKey(std::string_view key);

// Writes an event's personal part beside the log: for the device, and, when `for_hub` (a
// device event still to be sent), for the hub (NULL until its key is known); otherwise the
// hub's copy is '' (nothing to send).
Status sealEventPart(Store& store, std::int64_t seq, const std::string& personal, bool for_hub);

}  // namespace pekon
