#include "ui/header.hpp"

#include "ui/widgets.hpp"

namespace pekon::ui {

void languageToggle(UiContext& ui) {
    const bool id = ui.lang() == Lang::id;
    if (button(ui, "lang.id", "ID", ImVec2(ui.px(64), 0),
               id ? ButtonStyle::primary : ButtonStyle::secondary))
        ui.setLang(Lang::id);
    ImGui::SameLine(0, ui.px(4));
    if (button(ui, "lang.en", "EN", ImVec2(ui.px(64), 0),
               id ? ButtonStyle::secondary : ButtonStyle::primary))
        ui.setLang(Lang::en);
}

void signedOutHeader(UiContext& ui, const std::string& title_text) {
    title(ui, title_text);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui.px(140));
    languageToggle(ui);
}

void header(UiContext& ui, Navigator& nav, const std::string& title_text, bool back) {
    if (back) {
        if (button(ui, "nav.back", ui.t("nav.back"), ImVec2(ui.px(120), 0), ButtonStyle::secondary))
            nav.pop();
        ImGui::SameLine();
    }
    ImGui::PushFont(ui.fonts.title);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title_text.c_str());
    ImGui::PopFont();
    const std::string who = nav.user() ? nav.user()->name : std::string();
    const std::string logout = ui.t("nav.logout");
    const float right = ImGui::CalcTextSize(who.c_str()).x + ImGui::CalcTextSize(logout.c_str()).x +
                        ui.px(2 * 64 + 110);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - right);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(who.c_str());
    ImGui::SameLine();
    languageToggle(ui);
    ImGui::SameLine();
    if (button(ui, "nav.logout", logout, ImVec2(0, 0), ButtonStyle::secondary)) {
        nav.signOut();
        nav.resetTo(route::Login{});
    }
    ImGui::Separator();
}

}  // namespace pekon::ui
