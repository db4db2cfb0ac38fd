#include "ui/screens/scan_result_screen.hpp"

#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

void row(UiContext& ui, const char* label_key, const std::string& value) {
    if (value.empty()) return;
    textMuted(ui.t(label_key));
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextWrapped("%s", value.c_str());
    ImGui::PopFont();
}

}  // namespace

void ScanResultScreen::drawContent(UiContext& ui, Navigator& nav) {
    const ScanPayload& p = payload_;
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("scan.kind." + std::string(payloadKindCode(p.kind))).c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    row(ui, "label.nik", p.nik);
    row(ui, "label.kk_number", p.kk_number);
    row(ui, "label.card_number", p.card_number);
    row(ui, "label.name", p.name);
    row(ui, "label.birth_date", p.birth_date ? formatIsoDate(*p.birth_date) : std::string());
    row(ui, "label.sex", p.sex ? ui.t("sex." + std::string(sexCode(*p.sex))) : std::string());
    for (const Warning& w : p.warnings) textError(ui.errorText(w));
    if (p.problem) textError(ui.errorText(*p.problem));
    if (p.kind == PayloadKind::unknown) {
        textMuted(ui.t("scan_result.raw"));
        ImGui::TextWrapped("%s", p.raw.c_str());
    } else if (p.kind != PayloadKind::nik && p.kind != PayloadKind::kk &&
               p.kind != PayloadKind::card) {
        // Pekon's own codes whose screens come with later features: say what it is for.
        textMuted(ui.t("scan_result.not_here"));
    }
    const std::string query = !p.nik.empty()         ? p.nik
                              : !p.kk_number.empty() ? p.kk_number
                                                     : p.card_number;
    ImGui::Spacing();
    if (!query.empty() &&
        button(ui, "scan_result.search", ui.t("scan_result.search"), ImVec2(ui.px(320), ui.px(64))))
        nav.replace(route::Households{query});
}

}  // namespace pekon::ui
