#pragma once

#include <string>

#include "ui/screen.hpp"

namespace pekon::ui {

// First start of a device: create the supervisor (name, PIN twice), who is then signed in.
class FirstRunScreen : public Screen {
  public:
    std::string_view name() const override { return "first_run"; }
    Chrome chrome() const override { return {Chrome::Bar::signed_out, "first_run.title"}; }
    void drawContent(UiContext& ui, Navigator& nav) override;

  private:
    std::string name_;
    std::string pin_;
    std::string pin_again_;
    std::string problem_;
};

}  // namespace pekon::ui
