#include "ui/data_access_panel.hpp"

#include "core/auth.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void DataAccessPanel::draw(UiContext& ui, Navigator& nav) {
    if (!nav.user()) return;
    if (!loaded_) {
        loaded_ = true;
        waiting_.clear();
        if (auto users = listUsers(ui.store()))
            for (const User& u : *users)
                if (!u.holds_data_key) waiting_.push_back(u);
    }
    if (waiting_.empty() && done_.empty()) return;
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("settings.data_access").c_str());
    ImGui::PopFont();
    textMuted(ui.t("settings.data_access_detail"));
    if (!done_.empty()) textMuted(done_);
    if (!chosen_) {
        for (const User& u : waiting_) {
            if (tile(ui, "settings.data_access.user." + u.id, u.name,
                     ui.t("role." + std::string(roleCode(u.role))), ImVec2(ui.px(360), ui.px(96)))) {
                chosen_ = u;
                pin_.clear();
                problem_.clear();
                ui.focus({"settings.data_access_pin", &pin_, EntryKind::digits, kPinLength});
            }
        }
        return;
    }
    ImGui::PushItemWidth(ui.px(360));
    field(ui, "settings.data_access_pin", ui.t("settings.data_access_pin", {{"name", chosen_->name}}),
          &pin_, EntryKind::digits, kPinLength, true, problem_);
    ImGui::PopItemWidth();
    if (button(ui, "settings.data_access_give", ui.t("settings.data_access_give"),
               ImVec2(ui.px(360), ui.px(64))) &&
        pin_.size() == kPinLength) {
        auto given = grantDataKey(ui.store(), chosen_->id, pin_, ui.now());
        pin_.clear();
        if (given) {
            done_ = ui.t("settings.data_access_done", {{"name", chosen_->name}});
            chosen_.reset();
            loaded_ = false;
            ui.unfocus();
        } else {
            problem_ = ui.errorText(given.error());
        }
    }
    ImGui::SameLine();
    if (button(ui, "settings.data_access_cancel", ui.t("settings.data_access_cancel"),
               ImVec2(ui.px(240), ui.px(64)), ButtonStyle::secondary)) {
        chosen_.reset();
        pin_.clear();
        ui.unfocus();
    }
}

}  // namespace pekon::ui
