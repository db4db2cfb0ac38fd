#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "proto/kiosk_lookup.hpp"
#include "store/store.hpp"

// The kiosk's card-status table (issue 6): "check my card status" by NIK and KK number, or by
// registration receipt and birth date (issue 12), offline, from a table that holds no NIK. Each row is found by the slow keyed hash of
// proto/kiosk_lookup.hpp (kkLookupKey, receiptLookupKey), and holds only what the kiosk may show. pekon-hub
// fills it with `kiosk.status` changes (docs/sync-protocol.md), applied in
// store/hub_changes.
namespace pekon {

// The district's kiosk key, kept in the device settings (standard base64 of 32 bytes) once
// the device is enrolled as a kiosk, and the Kemendagri region the kiosk serves ("18.06.01"
// or "18.06"). Both are written with the hub link (store/outbox: saveHubLink).
inline constexpr const char* kSettingKioskKey = "kiosk.key";
inline constexpr const char* kSettingKioskArea = "kiosk.area";

// Replaces the rows with these lookups (one transaction).
Status upsertKioskEntries(Store& store, const std::vector<KioskEntry>& entries);
// The row for this NIK and KK number, if any.
Result<std::optional<KioskEntry>> findKioskEntryByKk(Store& store, const KioskKey& key,
                                                     std::string_view nik,
                                                     std::string_view kk_number);
// The row for this registration receipt (its household id) and birth date, if any.
Result<std::optional<KioskEntry>> findKioskEntryByReceipt(Store& store, const KioskKey& key,
                                                          std::string_view household_id,
                                                          const Date& birth);

}  // namespace pekon
