#include "ui/kiosk_header.hpp"

#include "ui/header.hpp"
#include "ui/kiosk_nav.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void kioskHeader(UiContext& ui, Navigator& nav, const std::string& title_text) {
    if (button(ui, "kiosk.to_home", ui.t("kiosk.to_home"), ImVec2(ui.px(170), ui.px(64)),
               ButtonStyle::secondary))
        kioskGoHome(ui, nav);
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.title);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui.px(12));
    ImGui::TextUnformatted(title_text.c_str());
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui.px(2 * 64 + 4));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ui.px(4));
    languageToggle(ui);
    ImGui::Separator();
    ImGui::Spacing();
}

}  // namespace pekon::ui
