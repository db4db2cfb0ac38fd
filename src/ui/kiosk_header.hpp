#pragma once

#include <string>

#include "ui/screen.hpp"

namespace pekon::ui {

// The bar of the kiosk's inner screens: a large Home button (back to the start screen,
// forgetting the citizen's data), the title, and the language toggle. No user, no logout:
// nobody is signed in at a kiosk.
void kioskHeader(UiContext& ui, Navigator& nav, const std::string& title_text);

}  // namespace pekon::ui
