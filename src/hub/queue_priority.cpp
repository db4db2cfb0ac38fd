#include "hub/queue_priority.hpp"

#include "core/date.hpp"
#include "core/household.hpp"

namespace pekon::hub {

bool isInfantOn(const std::string& birth_date, const std::string& day) {
    auto birth = parseIsoDate(birth_date);
    auto on = parseIsoDate(day);
    if (!birth || !on || *on < *birth) return false;
    return ageInYears(*birth, *on) < 1;
}

bool isMotherOrInfant(const std::string& pregnancy_due, const std::string& nik,
                      const std::string& birth_date, const std::string& received_day) {
    return !pregnancy_due.empty() || nik.empty() || isInfantOn(birth_date, received_day);
}

}  // namespace pekon::hub
