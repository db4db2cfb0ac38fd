#pragma once

#include <string>

#include "ui/screen.hpp"

namespace pekon::ui {

// The bar at the top of every signed-in screen: Back (when `back`), the title, the language
// toggle, and the user with Logout.
void header(UiContext& ui, Navigator& nav, const std::string& title_text, bool back);

// The ID | EN toggle (also on the login screens).
void languageToggle(UiContext& ui);

}  // namespace pekon::ui
