// The wizard's frame: header, step title, the step, the Back/Next footer; saving drafts.
#include "ui/screens/wizard_screen.hpp"

#include "store/drafts.hpp"
#include "store/households.hpp"
#include "ui/header.hpp"
#include "ui/screens/receipt_screen.hpp"
#include "ui/screens/scanner_screen.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

std::string WizardScreen::problem(UiContext& ui, const std::string& field) const {
    if (!tried_next_) return {};
    for (const FieldError& e : errors_) {
        if (e.field == field) return ui.errorText(e.error);
    }
    return {};
}

void WizardScreen::save(UiContext& ui, const Navigator& nav) {
    if (!nav.user()) return;
    if (auto s = saveDraft(ui.store(), nav.user()->id, draft_, ui.now()); !s)
        save_problem_ = ui.errorText(s.error());
    else
        save_problem_.clear();
}

void WizardScreen::draw(UiContext& ui, Navigator& nav) {
    if (draft_.id.empty()) {
        draft_.household.consent.text_version = "pdp-2026-1";
        save(ui, nav);
    }
    header(ui, nav, ui.t("wizard.title"), true);
    const int index = static_cast<int>(draft_.step) + 1;
    const std::string step_title =
        ui.t("wizard.step", {{"n", std::to_string(index)},
                             {"total", std::to_string(std::size(kAllSteps))},
                             {"name", ui.t("wizard.step." + std::string(stepCode(draft_.step)))}});
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(step_title.c_str());
    ImGui::PopFont();
    if (!save_problem_.empty()) textError(save_problem_);

    const float footer = ui.px(80);
    ImGui::BeginChild("step", ImVec2(0, -footer), false);
    dragScroll();
    switch (draft_.step) {
        case WizardStep::location:
            drawLocation(ui);
            break;
        case WizardStep::kk:
            drawKk(ui);
            break;
        case WizardStep::members:
            editing_ ? drawMemberEditor(ui) : drawMembers(ui);
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
    if (tried_next_) {
        for (const FieldError& e : errors_) {
            if (e.field.rfind("members", 0) == 0 || e.field == "documents" ||
                e.field == "consent" || draft_.step == WizardStep::review)
                textError(e.field + ": " + ui.errorText(e.error));
        }
    }
    for (const FieldError& w : warnings_)
        textMuted(ui.t("wizard.warning") + " " + ui.errorText(w.error));
    ImGui::EndChild();
    if (want_scan_) {
        want_scan_ = false;
        nav.push(std::make_unique<ScannerScreen>());
    }
    if (save_pending_) {
        save(ui, nav);
        save_pending_ = false;
    }
    drawFooter(ui, nav);
}

void WizardScreen::drawFooter(UiContext& ui, Navigator& nav) {
    ImGui::Separator();
    if (editing_) return;  // the member editor has its own buttons
    const bool first = draft_.step == WizardStep::location;
    if (button(ui, "wizard.back", ui.t(first ? "wizard.close" : "wizard.previous"),
               ImVec2(ui.px(220), ui.px(60)), ButtonStyle::secondary)) {
        save(ui, nav);
        if (first) {
            nav.pop();
        } else {
            draft_.step = static_cast<WizardStep>(static_cast<int>(draft_.step) - 1);
            tried_next_ = false;
            errors_.clear();
            warnings_.clear();
        }
        return;
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui.px(300));
    const bool last = draft_.step == WizardStep::review;
    if (button(ui, "wizard.next", ui.t(last ? "wizard.save" : "wizard.next"),
               ImVec2(ui.px(300), ui.px(60)))) {
        ui.unfocus();
        tried_next_ = true;
        warnings_.clear();
        errors_ = validateStep(draft_, draft_.step, ui.assets().regions, ui.today(), warnings_);
        if (!errors_.empty()) return;
        if (last) {
            finish(ui, nav);
            return;
        }
        draft_.step = static_cast<WizardStep>(static_cast<int>(draft_.step) + 1);
        tried_next_ = false;
        save(ui, nav);
    }
}

void WizardScreen::finish(UiContext& ui, Navigator& nav) {
    const std::string actor = nav.user() ? nav.user()->id : "unknown";
    const RegisterOutcome r =
        registerHouseholds(ui.store(), {draft_.household}, ui.assets().regions,
                           {actor, ui.now(), ui.today()}, draft_.id);
    if (!r.ok()) {
        errors_ = r.errors;
        return;
    }
    nav.replace(std::make_unique<ReceiptScreen>(r.households[0].household_id,
                                                static_cast<int>(draft_.household.members.size())));
}

}  // namespace pekon::ui
