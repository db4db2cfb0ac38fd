#include "ui/clock_banner.hpp"

#include "core/clock_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void clockBanner(UiContext& ui) {
    const std::vector<std::string> lines =
        clockWarning(ui.assets().catalog, ui.lang(), ui.clock(), ui.now());
    if (lines.empty()) return;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    ImGui::PushFont(ui.fonts.large);
    textError(lines.front());
    ImGui::PopFont();
    for (size_t i = 1; i < lines.size(); ++i) ImGui::TextUnformatted(lines[i].c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ui.probe("clock.warning");
    ImGui::Spacing();
}

}  // namespace pekon::ui
