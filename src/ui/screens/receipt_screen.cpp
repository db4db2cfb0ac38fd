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
    if (qr_) qrImage(ui, "receipt.qr", *qr_, ui.px(360));
    textMuted(ui.t("receipt.id", {{"id", household_id_}}));
    if (button(ui, "receipt.home", ui.t("receipt.home"), ImVec2(ui.px(320), ui.px(64))))
        nav.resetTo(route::Home{});
}

}  // namespace pekon::ui
