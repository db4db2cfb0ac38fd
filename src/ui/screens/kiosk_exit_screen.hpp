#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/users.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// Leaving kiosk mode: a supervisor picks their name and enters their PIN (the login's checks
// and lock-out). Then the device is no longer a kiosk and the supervisor is signed in at
// Home. Volunteers' PINs do not open it; Cancel goes back to the kiosk.
class KioskExitScreen : public Screen {
  public:
    std::string_view name() const override { return "kiosk.exit"; }
    Chrome chrome() const override { return {Chrome::Bar::signed_out, "kiosk.exit_title"}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    const std::string& problem() const { return problem_; }

  private:
    void leave(UiContext& ui, Navigator& nav);
    std::optional<std::vector<User>> supervisors_;
    std::optional<User> chosen_;
    std::string pin_;
    std::string problem_;
};

}  // namespace pekon::ui
