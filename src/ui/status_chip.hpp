#pragma once

#include <string>

#include "core/status.hpp"
#include "ui/ui_context.hpp"

namespace pekon::ui {

// A rounded label in a colour of its own; for statuses: green when done, amber while
// waiting, red when rejected.
void chip(UiContext& ui, const std::string& text, ImU32 color);
ImU32 statusColor(MemberStatus status);
void statusChip(UiContext& ui, MemberStatus status);

}  // namespace pekon::ui
