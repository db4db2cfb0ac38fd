// The wizard's frame: step title, the step, the Back/Next footer.
#include "ui/screens/wizard_screen.hpp"

#include "ui/widgets.hpp"

namespace pekon::ui {

WizardEnv WizardScreen::env(UiContext& ui, const Navigator& nav) {
    return {ui.store(), ui.assets().regions, nav.user() ? nav.user()->id : std::string(), ui.now(),
            ui.today()};
}

std::string WizardScreen::problem(UiContext& ui, const std::string& field) const {
    const auto e = model_.problem(field);
    return e ? ui.errorText(*e) : std::string();
}

void WizardScreen::drawContent(UiContext& ui, Navigator& nav) {
    const HouseholdDraft& draft = model_.draft();
    const int index = static_cast<int>(draft.step) + 1;
    const std::string step_title =
        ui.t("wizard.step", {{"n", std::to_string(index)},
                             {"total", std::to_string(std::size(kAllSteps))},
                             {"name", ui.t("wizard.step." + std::string(stepCode(draft.step)))}});
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(step_title.c_str());
    ImGui::PopFont();
    if (model_.saveError()) textError(ui.errorText(*model_.saveError()));

    const float footer = ui.px(80);
    ImGui::BeginChild("step", ImVec2(0, -footer), false);
    dragScroll();
    switch (draft.step) {
        case WizardStep::location:
            drawLocation(ui);
            break;
        case WizardStep::kk:
            drawKk(ui);
            break;
        case WizardStep::members:
            model_.editing() ? drawMemberEditor(ui, nav) : drawMembers(ui, nav);
            break;
        case WizardStep::classes:
            drawClasses(ui);
            break;
        case WizardStep::documents:
            drawDocuments(ui);
            break;
        case WizardStep::consent:
            drawConsent(ui);
            break;
        case WizardStep::review:
            drawReview(ui);
            break;
    }
    if (model_.triedNext()) {
        for (const FieldError& e : model_.errors()) {
            if (e.field.rfind("members", 0) == 0 || e.field == "documents" ||
                e.field == "consent" || model_.draft().step == WizardStep::review)
                textError(e.field + ": " + ui.errorText(e.error));
        }
    }
    for (const FieldError& w : model_.warnings())
        textMuted(ui.t("wizard.warning") + " " + ui.errorText(w.error));
    ImGui::EndChild();
    if (want_scan_) {
        want_scan_ = false;
        nav.push(route::Scanner{});
    }
    drawFooter(ui, nav);
}

void WizardScreen::drawFooter(UiContext& ui, Navigator& nav) {
    ImGui::Separator();
    if (model_.editing()) return;  // the member editor has its own buttons
    const bool first = model_.draft().step == WizardStep::location;
    if (button(ui, "wizard.back", ui.t(first ? "wizard.close" : "wizard.previous"),
               ImVec2(ui.px(220), ui.px(60)), ButtonStyle::secondary)) {
        if (model_.back(env(ui, nav)) == WizardModel::Move::closed) nav.pop();
        return;
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui.px(300));
    const bool last = model_.draft().step == WizardStep::review;
    if (button(ui, "wizard.next", ui.t(last ? "wizard.save" : "wizard.next"),
               ImVec2(ui.px(300), ui.px(60)))) {
        ui.unfocus();
        if (model_.next(env(ui, nav)) == WizardModel::Move::finished)
            nav.replace(route::Receipt{model_.registered(),
                                       static_cast<int>(model_.draft().household.members.size())});
    }
}

}  // namespace pekon::ui
