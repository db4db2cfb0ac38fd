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

// A month's name in the current language ("Desember"), "-" for a number outside 1..12.
std::string monthName(UiContext& ui, int month);

// Day, month and year with large - / + buttons; no typing. `value` is "YYYY-MM-DD" (empty
// starts at 1 January of `default_year`). Years run from 1900 to today's year plus
// `years_ahead` (0 for birth dates; a session may be planned for next year).
void datePicker(UiContext& ui, const std::string& id, std::string* value, int default_year,
                int years_ahead = 0);

// "HH:MM" with large - / + buttons for the hour and for the minute (in steps of 15); an empty
// value starts at 09:00.
void timePicker(UiContext& ui, const std::string& id, std::string* value);

// The kecamatan (of Tanggamus) as a grid, then, once one is chosen, a search field and the
// grid of its pekon: IDs "<id>.district.<code>", "<id>.village_filter", "<id>.village.<code>".
// Changing the kecamatan clears the pekon.
void villagePicker(UiContext& ui, const std::string& id, std::string* district_code,
                   std::string* village_code, std::string* filter);

}  // namespace pekon::ui
