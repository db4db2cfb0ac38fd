#pragma once

#include <optional>
#include <string_view>

#include "core/date.hpp"
#include "store/kiosk_status.hpp"
#include "store/store.hpp"

// "Check my card status" on a kiosk (issue 6): the one path the kiosk screen and
// `pekon status` share. The district key comes from the device settings (set when the office
// enrolled the device as a kiosk); the answer is "as of" the last successful sync, since the
// table is exactly as fresh as that.
namespace pekon::sync {

// Whether this device holds a kiosk key (it was enrolled with a kiosk token).
Result<bool> isKioskDevice(Store& store);

// The entry for this NIK (or registration receipt id) and birth date, if any. Errors:
// `kiosk_not_set_up` (no key on this device), the store's, and `kiosk_hash` when the slow hash
// cannot get its memory.
Result<std::optional<KioskEntry>> checkCardStatus(Store& store, std::string_view subject,
                                                  const Date& birth);

}  // namespace pekon::sync
