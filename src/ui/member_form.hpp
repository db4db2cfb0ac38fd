#pragma once

#include <string>

#include "core/household.hpp"
#include "ui/ui_context.hpp"

namespace pekon::ui {

// The form of one member, checked as it is filled: NIK (keypad), name (keyboard), birth date
// picker, sex, relation, occupation (which suggests a segment), segment, an existing card and
// a phone. A NIK that disagrees with the birth date or sex shows the mismatch and asks for a
// reason, which makes it a recorded warning. Widget ids start with `id` ("wizard.member").
// Returns true when "Scan" was tapped: the caller opens the scanner, and its onScan fills the
// form with fillMemberFromScan (core/scan_fill).
// A newborn may be marked as having no NIK yet (the NIK comes later by correction), and a
// woman aged 10-55 as pregnant with the expected month of delivery; `ask_pregnancy` false
// leaves the pregnancy out (a correction does not change it).
bool memberForm(UiContext& ui, const std::string& id, MemberInput& member,
                bool ask_pregnancy = true);

// "NIK ****1234", or "NIK menyusul" for a baby registered without one.
std::string nikText(UiContext& ui, const std::string& nik);

}  // namespace pekon::ui
