#pragma once

#include <optional>
#include <vector>

#include "core/household_draft.hpp"
#include "store/event_log.hpp"
#include "store/progress.hpp"
#include "store/store.hpp"
#include "store/users.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// One big tile per capability the app has, the outbox, the language toggle, and the
// volunteer's week and to-do list (a supervisor picks whose: each volunteer of the device).
class HomeScreen : public Screen {
  public:
    std::string_view name() const override { return "home"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "home.title", false}; }
    void drawContent(UiContext& ui, Navigator& nav) override;

  private:
    void refresh(UiContext& ui, const Navigator& nav);
    std::optional<OutboxCounts> outbox_;
    std::optional<std::int64_t> households_;  // none: the count could not be read
    std::string problem_;                     // a read that failed, in plain words
    std::vector<HouseholdDraft> drafts_;
    std::optional<VolunteerProgress> progress_;
    std::vector<User> people_;  // a supervisor's pick of whose progress; empty for a volunteer
    std::string shown_;         // whose progress is shown: the user's own unless picked
    UnixSeconds refreshed_at_ = -1;
};

}  // namespace pekon::ui
