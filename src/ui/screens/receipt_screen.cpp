#include "ui/screens/receipt_screen.hpp"

#include "core/receipt.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void ReceiptScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (uri_.empty()) {
        uri_ = receiptUri(household_id_, ui.today(), members_);
        auto qr = encodeQr(uri_);
        if (qr)
            qr_ = std::move(qr.value());
        else
            problem_ = ui.errorText(qr.error());
    }
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextWrapped("%s", ui.t("receipt.saved", {{"count", std::to_string(members_)}}).c_str());
    ImGui::PopFont();
    textMuted(ui.t("receipt.photo"));
    if (!problem_.empty()) textError(problem_);
    if (qr_) {
        const float side = ui.px(360);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::InvisibleButton("receipt.qr", ImVec2(side, side));
        ui.probe("receipt.qr");
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE);
        const float cell = side / static_cast<float>(qr_->size);
        for (int y = 0; y < qr_->size; ++y) {
            for (int x = 0; x < qr_->size; ++x) {
                if (!qr_->dark(x, y)) continue;
                const ImVec2 a(pos.x + static_cast<float>(x) * cell,
                               pos.y + static_cast<float>(y) * cell);
                dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32_BLACK);
            }
        }
    }
    textMuted(ui.t("receipt.id", {{"id", household_id_}}));
    if (button(ui, "receipt.home", ui.t("receipt.home"), ImVec2(ui.px(320), ui.px(64))))
        nav.resetTo(route::Home{});
}

}  // namespace pekon::ui
