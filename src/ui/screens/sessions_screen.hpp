#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sessions.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// The outreach sessions on this device, newest first (planned, under way, closed), and
// "Plan a session". Tapping one opens it.
class SessionsScreen : public Screen {
  public:
    std::string_view name() const override { return "sessions"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "session.list_title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    const std::vector<SessionRecord>& sessions() const { return sessions_; }

  private:
    std::optional<std::vector<SessionRecord>> loaded_;
    std::vector<SessionRecord> sessions_;
    std::string problem_;
};

}  // namespace pekon::ui
