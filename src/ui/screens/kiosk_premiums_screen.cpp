#include "ui/screens/kiosk_premiums_screen.hpp"

#include <cmath>

#include "core/premiums.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

// One row of the table: class, premium, the government's part, what the member pays.
void premiumRow(UiContext& ui, int care_class, const PremiumSchedule& s) {
    const Rupiah premium = s.class_premium[static_cast<std::size_t>(care_class - 1)];
    Rupiah pays = premium;
    if (auto m = ui.assets().premiums.monthly(Segment::pbpu, care_class, ui.today()))
        pays = m->participant_pays;
    ImGui::TableNextRow(0, ui.px(56));
    ImGui::TableNextColumn();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("class." + std::to_string(care_class)).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(formatRupiah(premium).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(premium > pays ? formatRupiah(premium - pays).c_str() : "-");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(formatRupiah(pays).c_str());
    ImGui::PopFont();
    ui.probe("kiosk.premium." + std::to_string(care_class));
}

void section(UiContext& ui, const std::string& text) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
}

}  // namespace

void KioskPremiumsScreen::drawContent(UiContext& ui, Navigator& /*nav*/) {
    ImGui::BeginChild("kiosk.premiums.body", ImVec2(0, 0), false);
    dragScroll();
    auto schedule = ui.assets().premiums.scheduleOn(ui.today());
    if (!schedule) {
        textError(ui.errorText(schedule.error()));
    } else {
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextWrapped("%s", ui.t("kiosk.premiums_intro").c_str());
        ImGui::PopFont();
        const ImGuiTableFlags flags =
            ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
        if (ImGui::BeginTable("kiosk.premium_table", 4, flags)) {
            ImGui::TableSetupColumn(ui.t("kiosk.col_class").c_str());
            ImGui::TableSetupColumn(ui.t("kiosk.col_premium").c_str());
            ImGui::TableSetupColumn(ui.t("kiosk.col_government").c_str());
            ImGui::TableSetupColumn(ui.t("kiosk.col_you_pay").c_str());
            ImGui::TableHeadersRow();
            for (int c = 1; c <= 3; ++c) premiumRow(ui, c, *schedule);
            ImGui::EndTable();
        }
        textMuted(ui.t("kiosk.premiums_basis", {{"basis", schedule->legal_basis}}));
        ImGui::Spacing();
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextWrapped("%s", ui.t("kiosk.premiums_pbi").c_str());
        const long percent = std::lround(schedule->payroll_percent);
        ImGui::TextWrapped(
            "%s", ui.t("kiosk.premiums_ppu", {{"percent", std::to_string(percent)},
                                              {"cap", formatRupiah(schedule->payroll_wage_cap)}})
                      .c_str());
        ImGui::PopFont();
    }
    for (const MaterialTopic& topic : ui.assets().materials) {
        if (topic.key != "how_to_pay") continue;
        section(ui, topic.title.in(ui.lang()));
        ImGui::PushFont(ui.fonts.large);
        for (const BilingualText& page : topic.pages) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", page.in(ui.lang()).c_str());
            ImGui::Spacing();
        }
        ImGui::PopFont();
        ui.probe("kiosk.how_to_pay");
    }
    ImGui::EndChild();
}

}  // namespace pekon::ui
