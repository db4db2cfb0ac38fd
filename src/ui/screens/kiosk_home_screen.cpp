#include "ui/screens/kiosk_home_screen.hpp"

#include <algorithm>

#include "store/outbox.hpp"
#include "ui/kiosk_nav.hpp"
#include "ui/time_text.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

// "Data status per 2026-11-22 16:30 WIB (2 jam lalu)", from the last completed sync; or "not
// synced yet".
std::string freshness(UiContext& ui, std::optional<UnixSeconds> synced) {
    if (!synced || *synced <= 0) return ui.t("kiosk.data_never");
    return ui.t("kiosk.data_as_of", {{"when", whenText(ui, *synced)}});
}

}  // namespace

bool KioskHomeScreen::onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) {
    if (payload.kind == PayloadKind::ticket) {
        // A complaint's ticket, photographed at a kiosk: straight to its answer.
        ui.kiosk.citizen.clear();
        auto it = payload.params.find("n");
        nav.push(route::KioskComplaint{it == payload.params.end() ? "" : it->second});
        return true;
    }
    return startCardCheck(ui, nav, payload);
}

void KioskHomeScreen::drawContent(UiContext& ui, Navigator& nav) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("kiosk.welcome").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::Spacing();

    const float gap = ui.px(20);
    // Two rows of two: each title fits on one line at every scale.
    const ImVec2 big((width - gap) / 2, ui.px(170));
    if (tile(ui, "kiosk.check", ui.t("kiosk.check"), ui.t("kiosk.check_detail"), big)) {
        ui.kiosk.citizen.clear();
        nav.push(route::KioskStatus{});
    }
    ImGui::SameLine(0, gap);
    if (tile(ui, "kiosk.premiums", ui.t("kiosk.premiums"), ui.t("kiosk.premiums_detail"), big))
        nav.push(route::KioskPremiums{});
    ImGui::Dummy(ImVec2(0, std::max(0.0f, gap - 2 * ImGui::GetStyle().ItemSpacing.y)));
    if (tile(ui, "kiosk.feedback", ui.t("kiosk.feedback"), ui.t("kiosk.feedback_detail"), big)) {
        ui.kiosk.citizen.clear();
        nav.push(route::KioskFeedback{});
    }
    ImGui::SameLine(0, gap);
    if (tile(ui, "kiosk.ticket_check", ui.t("kiosk.ticket_check"),
             ui.t("kiosk.ticket_check_detail"), big)) {
        ui.kiosk.citizen.clear();
        nav.push(route::KioskComplaint{});
    }
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextWrapped("%s", ui.t("kiosk.scan_hint").c_str());
    ImGui::PopFont();
    // Read once per visit to this screen (it is rebuilt after every citizen), not per frame.
    if (!synced_) synced_ = lastSyncSuccess(ui.store()).value_or(0);
    textMuted(freshness(ui, *synced_));

    // Staff only, at the bottom corner: leaving the kiosk needs a supervisor's PIN.
    const float bottom = ImGui::GetWindowContentRegionMax().y - ui.px(kTouchMin + 8);
    if (ImGui::GetCursorPosY() < bottom) ImGui::SetCursorPosY(bottom);
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ui.px(200));
    if (button(ui, "kiosk.staff", ui.t("kiosk.staff"), ImVec2(ui.px(200), 0),
               ButtonStyle::secondary))
        nav.push(route::KioskExit{});
}

}  // namespace pekon::ui
