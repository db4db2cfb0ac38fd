#pragma once

#include <optional>
#include <vector>

#include "core/household_draft.hpp"
#include "store/event_log.hpp"
#include "store/store.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// One big tile per capability the app has, the outbox and the language toggle.
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
    UnixSeconds refreshed_at_ = -1;
};

}  // namespace pekon::ui
