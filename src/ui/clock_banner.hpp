#pragma once

#include "ui/ui_context.hpp"

namespace pekon::ui {

// When the device clock is wrong (UiContext::clock, core/clock_check), a framed warning in
// plain words: what is wrong, how to fix it, the date Pekon uses meanwhile (probe
// "clock.warning"). Draws nothing when the clock is fine.
void clockBanner(UiContext& ui);

}  // namespace pekon::ui
