#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/lookup_limiter.hpp"
#include "store/kiosk_status.hpp"
#include "store/store.hpp"

// The citizen kiosk (issue 6). A supervisor turns a device into a kiosk; until a supervisor
// PIN ends it, only the kiosk's screens exist. Everything personal the citizen in front of it
// typed, scanned or was shown lives in one place, KioskCitizen, so the idle reset can wipe it
// in one go.
namespace pekon::ui {

// A kiosk untouched this long returns to its start screen and wipes the citizen's data.
inline constexpr std::int64_t kKioskIdleSeconds = 60;

// The device setting that keeps the device a kiosk across restarts ("on").
inline constexpr const char* kSettingKioskMode = "kiosk.mode";

struct KioskCitizen {
    std::string nik;          // typed on the keypad or scanned
    std::string kk_number;    // the family card's number, typed or scanned (with the NIK)
    std::string birth_date;   // YYYY-MM-DD from the date picker (with a receipt)
    std::string receipt_id;   // from a scanned registration receipt (used when no NIK is typed)
    bool checked = false;     // a lookup ran for these inputs
    std::string checked_for;  // the inputs it ran for (a change of either hides the answer)
    std::optional<KioskEntry> found;
    std::string feedback_text;
    std::string feedback_phone;
    std::string ticket;  // a complaint's number, typed or scanned (not personal; wiped all the same)

    // What the lookup is by: the NIK and KK number when a NIK is typed (or no receipt was
    // scanned), else the receipt's id and the birth date.
    bool byReceipt() const { return nik.empty() && !receipt_id.empty(); }
    const std::string& subject() const { return byReceipt() ? receipt_id : nik; }
    const std::string& secondFactor() const { return byReceipt() ? birth_date : kk_number; }
    // Overwrites every byte before forgetting it.
    void clear();
    bool empty() const;
};

struct KioskState {
    bool active = false;
    KioskCitizen citizen;
    // Survives the idle reset on purpose: walking away does not refill the attempts.
    LookupLimiter limiter;
};

// Whether the device was left in kiosk mode (read at start-up).
bool kioskModeSaved(Store& store);
// Saves or ends kiosk mode on the device.
Status saveKioskMode(Store& store, bool on);

}  // namespace pekon::ui
