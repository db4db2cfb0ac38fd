#pragma once

#include "core/result.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// The kiosk's moves between screens that more than one screen makes.

// Back to the kiosk's start screen, the citizen's data wiped.
void kioskGoHome(UiContext& ui, Navigator& nav);

// Turns this device into a kiosk (a supervisor's choice, from Settings): saved so that a
// restart comes back to it, nobody signed in, the kiosk's start screen.
Status enterKioskMode(UiContext& ui, Navigator& nav);

// Starts a check from a scanned code that carries a NIK (a KTP's) or a KK number (a family
// card's), or a registration receipt (looked up by its id and the birth date); false for other
// codes.
bool startCardCheck(UiContext& ui, Navigator& nav, const ScanPayload& payload);

}  // namespace pekon::ui
