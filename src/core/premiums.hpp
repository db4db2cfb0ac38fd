#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/enrolment.hpp"
#include "core/result.hpp"

namespace pekon {

using Rupiah = std::int64_t;

// "Rp35.000": Indonesian thousands separators.
std::string formatRupiah(Rupiah amount);

// Who pays a member's monthly premium.
enum class Payer {
    participant,  // PBPU / BP: the member pays, perhaps minus a government subsidy
    government,   // PBI: the state pays all of it
    payroll,      // PPU: a share of the wage, paid by employer and worker through payroll
};

struct Subsidy {
    Segment segment;
    int care_class;
    Rupiah amount;  // per person per month, paid by the government
};

// One premium regulation, in force from `effective_from` until the next schedule.
// Loaded from assets/premiums.json; no amount lives in code.
struct PremiumSchedule {
    Date effective_from;
    std::string legal_basis;
    std::array<Rupiah, 3> class_premium{};  // Kelas I, II, III per person per month
    std::vector<Subsidy> subsidies;
    double payroll_percent = 0;  // PPU: share of the wage
    Rupiah payroll_wage_cap = 0;
};

struct MemberPremium {
    Payer payer = Payer::participant;
    Rupiah premium = 0;  // the class premium (0 for payroll: depends on the wage)
    Rupiah government_pays = 0;
    Rupiah participant_pays = 0;  // what the household pays out of pocket each month
};

struct HouseholdPremium {
    Rupiah premium = 0;
    Rupiah government_pays = 0;
    Rupiah participant_pays = 0;
    int payroll_members = 0;  // PPU members, whose premium is taken from a wage
};

class PremiumTable {
  public:
    // Schedules in any order; error `premium_table_invalid` when empty, when two share a
    // date, or when an amount is negative or a subsidy exceeds its premium.
    static Result<PremiumTable> create(std::vector<PremiumSchedule> schedules);

    // The schedule in force on `on`; error `premium_not_in_force` before the first one.
    Result<PremiumSchedule> scheduleOn(const Date& on) const;
    Result<MemberPremium> monthly(Segment segment, int care_class, const Date& on) const;

    struct Person {
        Segment segment;
        int care_class;
    };
    Result<HouseholdPremium> householdMonthly(const std::vector<Person>& people,
                                              const Date& on) const;

    const std::vector<PremiumSchedule>& schedules() const { return schedules_; }

  private:
    std::vector<PremiumSchedule> schedules_;  // by effective_from, ascending
};

}  // namespace pekon
