#pragma once

#include <optional>
#include <string>

#include "store/sessions.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// What a session achieved: head count, households reached, leads and the households they
// registered, the quiz means before and after and the gain; and Close session.
class SessionSummaryScreen : public Screen {
  public:
    explicit SessionSummaryScreen(std::string session_id) : session_id_(std::move(session_id)) {}
    std::string_view name() const override { return "session_summary"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "session.summary_title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    const std::optional<SessionNumbers>& numbers() const { return numbers_; }

  private:
    void load(UiContext& ui);
    std::string session_id_;
    bool loaded_ = false;
    std::optional<SessionRecord> session_;
    std::optional<SessionNumbers> numbers_;
    std::string problem_;
};

}  // namespace pekon::ui
