#include "ui/status_chip.hpp"

#include "ui/theme.hpp"

namespace pekon::ui {

void chip(UiContext& ui, const std::string& text, ImU32 color) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = ui.px(8);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x + 2 * pad, pos.y + size.y + pad), color,
                      ui.px(12));
    dl->AddText(ImVec2(pos.x + pad, pos.y + pad / 2), IM_COL32_WHITE, text.c_str());
    ImGui::Dummy(ImVec2(size.x + 2 * pad, size.y + pad));
}

ImU32 statusColor(MemberStatus s) {
    switch (s) {
        case MemberStatus::needs_correction:
        case MemberStatus::rejected:
            return color::kDanger;
        case MemberStatus::draft:
        case MemberStatus::queued:
        case MemberStatus::payment_pending:
            return color::kWarning;
        case MemberStatus::synced:
            return color::kMuted;
        default:
            return color::kPrimary;
    }
}

void statusChip(UiContext& ui, MemberStatus status) {
    chip(ui, ui.t("status." + std::string(statusCode(status))), statusColor(status));
}

}  // namespace pekon::ui
