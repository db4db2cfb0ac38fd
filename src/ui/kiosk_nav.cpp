#include "ui/kiosk_nav.hpp"

namespace pekon::ui {

void kioskGoHome(UiContext& ui, Navigator& nav) {
    ui.kiosk.citizen.clear();
    ui.unfocus();
    nav.resetTo(route::KioskHome{});
}

Status enterKioskMode(UiContext& ui, Navigator& nav) {
    if (auto saved = saveKioskMode(ui.store(), true); !saved) return saved.error();
    ui.kiosk = KioskState{};
    ui.kiosk.active = true;
    ui.unfocus();
    nav.signOut();
    nav.resetTo(route::KioskHome{});
    return {};
}

bool startCardCheck(UiContext& ui, Navigator& nav, const ScanPayload& payload) {
    if (payload.nik.empty() && payload.kk_number.empty() && payload.kind != PayloadKind::receipt)
        return false;
    ui.kiosk.citizen.clear();
    nav.push(route::KioskStatus{payload});  // the shell hands the code to the new screen
    return true;
}

}  // namespace pekon::ui
