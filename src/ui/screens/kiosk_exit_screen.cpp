#include "ui/screens/kiosk_exit_screen.hpp"

#include "core/text.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void KioskExitScreen::leave(UiContext& ui, Navigator& nav) {
    auto user = login(ui.store(), chosen_->id, pin_, ui.now());
    wipeText(pin_);
    if (!user) {
        problem_ = ui.errorText(user.error());
        return;
    }
    if (user->role != Role::supervisor) {  // the list shows supervisors only; belt and braces
        problem_ = ui.t("kiosk.exit_supervisor_only");
        return;
    }
    if (auto saved = saveKioskMode(ui.store(), false); !saved) {
        problem_ = ui.errorText(saved.error());
        return;
    }
    ui.kiosk.citizen.clear();
    ui.kiosk = KioskState{};
    nav.signIn(*user);
    nav.resetTo(route::Home{});
}

void KioskExitScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!supervisors_) {
        supervisors_.emplace();
        auto users = listUsers(ui.store());
        if (!users) problem_ = ui.errorText(users.error());
        if (users)
            for (User& u : *users)
                if (u.role == Role::supervisor) supervisors_->push_back(std::move(u));
    }
    if (!chosen_) {
        textMuted(ui.t("kiosk.exit_pick"));
        const float w = ui.px(360), h = ui.px(110);
        int column = 0;
        for (const User& u : *supervisors_) {
            if (column++ % 3) ImGui::SameLine();
            if (tile(ui, "kiosk.exit.user." + u.id, u.name, ui.t("role.supervisor"),
                     ImVec2(w, h))) {
                chosen_ = u;
                wipeText(pin_);
                problem_.clear();
                ui.focus({"kiosk.exit.pin", &pin_, EntryKind::digits, kPinLength});
            }
        }
    } else {
        textMuted(ui.t("login.enter_pin", {{"name", chosen_->name}}));
        ImGui::PushItemWidth(ui.px(360));
        field(ui, "kiosk.exit.pin", ui.t("login.pin"), &pin_, EntryKind::digits, kPinLength, true,
              problem_);
        ImGui::PopItemWidth();
        if (button(ui, "kiosk.exit.submit", ui.t("kiosk.exit_submit"), ImVec2(ui.px(300), 0)) ||
            pin_.size() == kPinLength) {
            leave(ui, nav);
            if (!ui.kiosk.active) return;
        }
    }
    if (!problem_.empty() && !chosen_) textError(problem_);
    ImGui::Spacing();
    if (button(ui, "kiosk.exit.cancel", ui.t("kiosk.exit_cancel"), ImVec2(ui.px(300), 0),
               ButtonStyle::secondary)) {
        wipeText(pin_);
        ui.unfocus();
        nav.pop();
    }
}

}  // namespace pekon::ui
