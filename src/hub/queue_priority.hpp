#pragma once

#include <string>

// Mothers and newborns (issue 15, part 4): who the office's queue may put first, and when a
// baby is an infant (the dashboard counts the same rule in SQL). Pure: no I/O.
namespace pekon::hub {

// A pregnant woman (an expected month of delivery), a baby registered without a NIK yet, or
// a baby under one on the day the hub received the registration (`received_day`,
// YYYY-MM-DD). Dates that do not parse count as not.
bool isMotherOrInfant(const std::string& pregnancy_due, const std::string& nik,
                      const std::string& birth_date, const std::string& received_day);

// Under one year old on `day` (both YYYY-MM-DD; false when either does not parse or the birth
// is after the day).
bool isInfantOn(const std::string& birth_date, const std::string& day);

}  // namespace pekon::hub
