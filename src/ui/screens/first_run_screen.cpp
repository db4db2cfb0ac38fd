#include "ui/screens/first_run_screen.hpp"

#include "ui/widgets.hpp"

namespace pekon::ui {

void FirstRunScreen::drawContent(UiContext& ui, Navigator& nav) {
    textMuted(ui.t("first_run.intro"));
    ImGui::Spacing();
    ImGui::PushItemWidth(ui.px(560));
    ImGui::BeginGroup();
    field(ui, "first_run.name", ui.t("first_run.name"), &name_, EntryKind::text, 100);
    field(ui, "first_run.pin", ui.t("first_run.pin"), &pin_, EntryKind::digits, kPinLength, true);
    field(ui, "first_run.pin_again", ui.t("first_run.pin_again"), &pin_again_, EntryKind::digits,
          kPinLength, true);
    ImGui::EndGroup();
    ImGui::PopItemWidth();
    if (!problem_.empty()) textError(problem_);
    ImGui::Spacing();
    if (button(ui, "first_run.create", ui.t("first_run.create"), ImVec2(ui.px(320), ui.px(64)))) {
        if (pin_ != pin_again_) {
            problem_ = ui.t("first_run.pin_differs");
            pin_again_.clear();
            return;
        }
        auto user = createUser(ui.store(), name_, Role::supervisor, pin_, "", ui.now());
        if (!user) {
            problem_ = ui.errorText(user.error());
            return;
        }
        nav.signIn(*user);
        nav.resetTo(route::Home{});
    }
}

}  // namespace pekon::ui
