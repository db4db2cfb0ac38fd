#pragma once

#include "ui/screen.hpp"

namespace pekon::ui {

// Classes, premiums and how to pay, for a citizen at the kiosk: the premium schedule in
// force today (assets/premiums.json, the same table the registration wizard uses) with the
// government's share for self-paying members, PBI and wage earners, and the "how to pay"
// material (assets/materials). Nothing personal.
class KioskPremiumsScreen : public Screen {
  public:
    std::string_view name() const override { return "kiosk.premiums"; }
    Chrome chrome() const override { return {Chrome::Bar::kiosk, "kiosk.premiums"}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
};

}  // namespace pekon::ui
