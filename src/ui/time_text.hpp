#pragma once

#include <string>

#include "core/date.hpp"
#include "ui/ui_context.hpp"

namespace pekon::ui {

// The device shows Western Indonesian Time (UTC+7).
inline constexpr std::int64_t kWib = 7 * 3600;

// "2026-11-22 15:04 WIB (5 menit lalu)": a moment in local time and how long ago it was.
std::string whenText(UiContext& ui, UnixSeconds at);

}  // namespace pekon::ui
