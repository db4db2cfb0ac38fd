#pragma once

#include <optional>
#include <string_view>

#include "core/date.hpp"
#include "store/kiosk_status.hpp"
#include "store/store.hpp"

// "Check my card status" on a kiosk (issue 6): the one path the kiosk screen and
// `pekon status` share, a lookup in this device's own card-status table. The district key comes from the device settings (set when the office
// enrolled the device as a kiosk); the answer is "as of" the last successful sync, since the
// table is exactly as fresh as that.
namespace pekon {

// Whether this device holds a kiosk key (it was enrolled with a kiosk token).
Result<bool> isKioskDevice(Store& store);

// The entry for this NIK and KK number (both cards of the citizen: the NIK alone, which holds
// the birth date, is not enough), if any. Errors: `kiosk_not_set_up` (no key on this device),
// the store's, and `kiosk_hash` when the slow hash cannot get its memory.
Result<std::optional<KioskEntry>> checkCardStatusByKk(Store& store, std::string_view nik,
                                                      std::string_view kk_number);
// The entry for this registration receipt id (a household id) and birth date, if any; the
// same errors.
Result<std::optional<KioskEntry>> checkCardStatusByReceipt(Store& store,
                                                           std::string_view receipt_id,
                                                           const Date& birth);

}  // namespace pekon
