#pragma once

#include <optional>
#include <string>

#include "core/household_draft.hpp"
#include "store/households.hpp"
#include "ui/screen.hpp"
#include "ui/wizard_model.hpp"

namespace pekon::ui {

// The household wizard: one step per screen, Back and Next always visible, the draft saved
// at every step. Steps: location, KK, members, classes, documents, consent, review. What the
// taps do lives in WizardModel (ui/wizard_model); this screen draws it.
class WizardScreen : public Screen {
  public:
    WizardScreen() = default;
    explicit WizardScreen(HouseholdDraft draft) : model_(std::move(draft)) {}
    std::string_view name() const override { return "wizard"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "wizard.title", true}; }
    // A new draft is saved as the wizard opens (so it can be resumed), not when it is drawn.
    void onOpen(UiContext& ui, Navigator& nav) override { model_.open(env(ui, nav)); }
    void drawContent(UiContext& ui, Navigator& nav) override;
    // KK step: a KK number. Members step: fills the open member form, or adds a member from a
    // scanned KTP code when no form is open.
    bool onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) override;
    const HouseholdDraft& draft() const { return model_.draft(); }
    // Opens the form of member `index` (for the screenshot tool; people tap Edit).
    void openMemberEditor(size_t index) { model_.editMember(index); }

  private:
    static WizardEnv env(UiContext& ui, const Navigator& nav);
    void drawLocation(UiContext& ui);
    void drawKk(UiContext& ui);
    void drawMembers(UiContext& ui, Navigator& nav);
    void drawMemberEditor(UiContext& ui, Navigator& nav);
    void drawClasses(UiContext& ui);
    void drawDocuments(UiContext& ui);
    void drawConsent(UiContext& ui);
    void drawReview(UiContext& ui);
    void drawFooter(UiContext& ui, Navigator& nav);
    // The message for `field` among the current step's errors ("" when none).
    std::string problem(UiContext& ui, const std::string& field) const;
    WizardModel model_;
    std::string village_filter_;
    bool want_scan_ = false;  // "Scan" was tapped: open the scanner after this frame
};

}  // namespace pekon::ui
