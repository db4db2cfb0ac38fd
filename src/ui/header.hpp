#pragma once

#include <string>

#include "ui/screen.hpp"

namespace pekon::ui {

// The bar at the top of every signed-in screen: Back (when `back`), the title, the language
// toggle, and the user with Logout.
void header(UiContext& ui, Navigator& nav, const std::string& title_text, bool back);

// The bar of the screens before anyone signs in (login, first run, the kiosk's start and exit):
// the title, and the language toggle at the right.
void signedOutHeader(UiContext& ui, const std::string& title_text);

// The ID | EN toggle (also on the login screens).
void languageToggle(UiContext& ui);

}  // namespace pekon::ui
