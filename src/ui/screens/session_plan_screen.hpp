#pragma once

#include <string>

#include "core/session.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// Plans an outreach session: pekon, place, date and time, method, topic, facilitators (the
// signed-in user to begin with) and partners. Only the place and added facilitator names are
// typed; everything else is picked. Save opens the session.
class SessionPlanScreen : public Screen {
  public:
    std::string_view name() const override { return "session_plan"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "session.plan_title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    const SessionPlan& plan() const { return plan_; }

  private:
    void drawFacilitators(UiContext& ui);
    void drawPartners(UiContext& ui);
    void save(UiContext& ui, Navigator& nav);
    std::string problem(UiContext& ui, const std::string& field) const;

    bool started_ = false;
    SessionPlan plan_;
    std::string district_;
    std::string village_filter_;
    std::string new_facilitator_;
    FieldErrors errors_;
    std::string save_problem_;
};

}  // namespace pekon::ui
