#pragma once

#include <string>

#include "core/date.hpp"
#include "ui/ui_context.hpp"

namespace pekon::ui {

// "2026-11-22 15:04 WIB (5 menit lalu)": a moment in local time and how long ago it was.
std::string whenText(UiContext& ui, UnixSeconds at);

}  // namespace pekon::ui
