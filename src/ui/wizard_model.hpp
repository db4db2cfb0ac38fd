#pragma once

#include <optional>
#include <string>

#include "core/household_draft.hpp"
#include "core/scan_payload.hpp"
#include "store/store.hpp"
#include "store/households.hpp"

namespace pekon::ui {

// What the wizard's actions need from outside: the store, the regions, who is signed in (no
// one: nothing is saved) and the time.
struct WizardEnv {
    Store& store;
    const RegionTable& regions;
    std::string user_id;  // empty: nobody signed in
    UnixSeconds now = 0;
    Date today;
};

// The household wizard's state and actions, without ImGui: opening (a new draft is saved at
// once, a resumed one kept), Next (the step checked, then saved; at the review, the household
// registered), Previous/Close, the members list and form, and scanned codes. Every change the
// user makes is saved as the draft; the screen only draws and forwards taps here.
class WizardModel {
  public:
    WizardModel() = default;
    explicit WizardModel(HouseholdDraft draft) : draft_(std::move(draft)) {}

    // What Next or Back did.
    enum class Move { stayed, moved, closed, finished };

    // The wizard was opened: a new draft (no id yet) gets the consent text's version and is
    // saved, so that it can be resumed; a resumed draft is left as it is.
    void open(const WizardEnv& env);
    // Next: checks the step (errors and warnings); when it passes, the next step and the draft
    // saved; at the review, registers the household (finished: registered() says which).
    Move next(const WizardEnv& env);
    // Previous (or Close on the first step): the draft saved, one step back (or closed).
    Move back(const WizardEnv& env);
    // Saves the draft now (after a change made outside the actions below).
    void save(const WizardEnv& env);

    // The members step.
    void editMember(size_t index);
    MemberInput& addMember();  // appends a member (the head first) and opens its form
    void removeMember(const WizardEnv& env, size_t index);
    void doneMember(const WizardEnv& env);    // closes the form, keeps what was entered
    void cancelMember(const WizardEnv& env);  // closes the form, undoes it (drops a new member)
    // A scanned code: a KK number on the KK step; on the members step it fills the open form,
    // or adds a member from a KTP code when no form is open. False when it was of no use.
    bool scanned(const WizardEnv& env, const ScanPayload& payload);

    HouseholdDraft& draft() { return draft_; }
    const HouseholdDraft& draft() const { return draft_; }
    const FieldErrors& errors() const { return errors_; }  // of the current step, after Next
    const FieldErrors& warnings() const { return warnings_; }
    bool triedNext() const { return tried_next_; }
    // The error for `field` among the current step's, once Next was pressed.
    std::optional<Error> problem(const std::string& field) const;
    const std::optional<size_t>& editing() const { return editing_; }
    const std::optional<Error>& saveError() const { return save_error_; }  // the last save's
    // After a finished Next: the household registered from this draft.
    const std::string& registered() const { return registered_; }

  private:
    void finish(const WizardEnv& env);
    void step(int by);
    HouseholdDraft draft_;
    FieldErrors errors_;
    FieldErrors warnings_;
    bool tried_next_ = false;
    std::optional<size_t> editing_;  // the member whose form is open
    MemberInput before_edit_;
    std::optional<Error> save_error_;
    std::string registered_;
};

}  // namespace pekon::ui
