#pragma once

#include <memory>

#include "ui/screen.hpp"

namespace pekon::ui {

// The shell's table of routes: the one place that turns a route into its screen.
std::unique_ptr<Screen> makeScreen(UiContext& ui, Navigator& nav, Route route);

}  // namespace pekon::ui
