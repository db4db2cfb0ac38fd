#pragma once

#include <optional>
#include <string>

#include "core/household_draft.hpp"
#include "store/households.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// The household wizard: one step per screen, Back and Next always visible, the draft saved
// at every step. Steps: location, KK, members, classes, documents, consent, review.
class WizardScreen : public Screen {
  public:
    WizardScreen() = default;
    explicit WizardScreen(HouseholdDraft draft) : draft_(std::move(draft)) {}
    std::string_view name() const override { return "wizard"; }
    void draw(UiContext& ui, Navigator& nav) override;
    // KK step: a KK number. Members step: fills the open member form, or adds a member from a
    // scanned KTP code when no form is open.
    bool onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) override;

    const HouseholdDraft& draft() const { return draft_; }
    // Opens the form of member `index` (for the screenshot tool; people tap Edit).
    void openMemberEditor(size_t index) {
        if (index < draft_.household.members.size())
            editing_ = index, before_edit_ = draft_.household.members[index];
    }

  private:
    void drawLocation(UiContext& ui);
    void drawKk(UiContext& ui);
    void drawMembers(UiContext& ui);
    void drawMemberEditor(UiContext& ui);
    MemberInput& addMember();  // appends a member and opens its form
    void drawClasses(UiContext& ui);
    void drawDocuments(UiContext& ui);
    void drawConsent(UiContext& ui);
    void drawReview(UiContext& ui);
    void drawFooter(UiContext& ui, Navigator& nav);
    void save(UiContext& ui, const Navigator& nav);
    void finish(UiContext& ui, Navigator& nav);
    // The message for `field` among the current step's errors ("" when none).
    std::string problem(UiContext& ui, const std::string& field) const;

    HouseholdDraft draft_;
    FieldErrors errors_;  // of the current step, after Next was pressed
    FieldErrors warnings_;
    bool tried_next_ = false;
    std::string village_filter_;
    std::optional<size_t> editing_;  // the member being edited
    MemberInput before_edit_;
    std::string save_problem_;
    bool save_pending_ = false;  // a member was saved or removed: write the draft this frame
    bool want_scan_ = false;     // "Scan" was tapped: open the scanner after this frame
};

}  // namespace pekon::ui
