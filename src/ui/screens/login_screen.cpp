#include "ui/screens/login_screen.hpp"

#include "ui/widgets.hpp"

namespace pekon::ui {

void LoginScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!users_) {
        auto loaded = listUsers(ui.store());
        if (!loaded) problem_ = ui.errorText(loaded.error());
        users_ = loaded ? std::move(loaded.value()) : std::vector<User>{};
    }

    if (!chosen_) {
        textMuted(ui.t("login.pick_name"));
        const float w = ui.px(360), h = ui.px(110);
        int column = 0;
        for (const User& u : *users_) {
            if (column++ % 3) ImGui::SameLine();
            if (tile(ui, "login.user." + u.id, u.name,
                     ui.t("role." + std::string(roleCode(u.role))), ImVec2(w, h))) {
                chosen_ = u;
                pin_.clear();
                problem_.clear();
                ui.focus({"login.pin", &pin_, EntryKind::digits, kPinLength});
            }
        }
        return;
    }
    textMuted(ui.t("login.enter_pin", {{"name", chosen_->name}}));
    ImGui::PushItemWidth(ui.px(360));
    field(ui, "login.pin", ui.t("login.pin"), &pin_, EntryKind::digits, kPinLength, true, problem_);
    ImGui::PopItemWidth();
    const bool complete = pin_.size() == kPinLength;
    if (button(ui, "login.submit", ui.t("login.submit"), ImVec2(ui.px(240), 0)) || complete) {
        auto user = login(ui.store(), chosen_->id, pin_, ui.now());
        pin_.clear();
        if (user) {
            nav.signIn(*user);
            nav.resetTo(route::Home{});
            return;
        }
        problem_ = ui.errorText(user.error());
    }
    ImGui::SameLine();
    if (button(ui, "login.other_user", ui.t("login.other_user"), ImVec2(ui.px(240), 0),
               ButtonStyle::secondary)) {
        chosen_.reset();
        ui.unfocus();
    }
}

}  // namespace pekon::ui
