#include "ui/kiosk_state.hpp"

#include "core/text.hpp"
#include "store/settings.hpp"

namespace pekon::ui {

void KioskCitizen::clear() {
    wipeText(nik);
    wipeText(kk_number);
    wipeText(birth_date);
    wipeText(receipt_id);
    wipeText(checked_for);
    wipeText(feedback_text);
    wipeText(feedback_phone);
    wipeText(ticket);
    if (found) {
        wipeText(found->lookup);
        wipeText(found->kk_lookup);
        wipeText(found->receipt_lookup);
        wipeText(found->card_number_masked);
        wipeText(found->name_masked);
        wipeText(found->faskes);
        found.reset();
    }
    checked = false;
}

bool KioskCitizen::empty() const {
    return nik.empty() && kk_number.empty() && birth_date.empty() && receipt_id.empty() && checked_for.empty() &&
           !checked && !found && feedback_text.empty() && feedback_phone.empty() &&
           ticket.empty();
}

bool kioskModeSaved(Store& store) {
    auto mode = readSetting(store, kSettingKioskMode);
    return mode && mode->has_value() && **mode == "on";
}

Status saveKioskMode(Store& store, bool on) {
    return on ? writeSetting(store, kSettingKioskMode, "on")
              : deleteSetting(store, kSettingKioskMode);
}

}  // namespace pekon::ui
