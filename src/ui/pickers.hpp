#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ui/ui_context.hpp"

namespace pekon::ui {

using Choice = std::pair<std::string, std::string>;  // code, label

// A grid of large toggle buttons; tapping one sets `*selected` to its code. Codes in
// `disabled` are shown greyed and cannot be chosen. Returns true when the choice changed.
bool choiceGrid(UiContext& ui, const std::string& id, const std::vector<Choice>& choices,
                std::string* selected, int columns, const std::vector<std::string>& disabled = {});

// A large check box (ID "<id>"), returns true when toggled.
bool toggle(UiContext& ui, const std::string& id, const std::string& label, bool* value);

// Day, month and year with large - / + buttons; no typing. `value` is "YYYY-MM-DD" (empty
// starts at 1 January of `default_year`). Years run from 1900 to today's year.
void datePicker(UiContext& ui, const std::string& id, std::string* value, int default_year);

}  // namespace pekon::ui
