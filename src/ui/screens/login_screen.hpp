#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui/screen.hpp"

namespace pekon::ui {

// Pick your name, enter your PIN.
class LoginScreen : public Screen {
  public:
    std::string_view name() const override { return "login"; }
    Chrome chrome() const override { return {Chrome::Bar::signed_out, "login.title"}; }
    void drawContent(UiContext& ui, Navigator& nav) override;

  private:
    std::optional<std::vector<User>> users_;  // loaded on first draw
    std::optional<User> chosen_;
    std::string pin_;
    std::string problem_;
};

}  // namespace pekon::ui
