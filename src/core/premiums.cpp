#include "core/premiums.hpp"

#include <algorithm>

namespace pekon {

namespace {
Error invalidTable(const std::string& why_id, const std::string& why_en) {
    return Error{"premium_table_invalid", "Tabel iuran tidak valid: " + why_id,
                 "The premium table is invalid: " + why_en};
}
}  // namespace

std::string formatRupiah(Rupiah amount) {
    const std::string digits = std::to_string(amount < 0 ? -amount : amount);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
        out.push_back(digits[i]);
    }
    return (amount < 0 ? "-Rp" : "Rp") + out;
}

Result<PremiumTable> PremiumTable::create(std::vector<PremiumSchedule> schedules) {
    if (schedules.empty()) return invalidTable("tidak ada jadwal.", "it has no schedule.");
    std::sort(schedules.begin(), schedules.end(),
              [](const auto& a, const auto& b) { return a.effective_from < b.effective_from; });
    for (size_t i = 0; i < schedules.size(); ++i) {
        const PremiumSchedule& s = schedules[i];
        const std::string when = formatIsoDate(s.effective_from);
        if (i > 0 && schedules[i - 1].effective_from == s.effective_from)
            return invalidTable("dua jadwal berlaku " + when + ".",
                                "two schedules start on " + when + ".");
        for (Rupiah p : s.class_premium) {
            if (p <= 0)
                return invalidTable("iuran kelas harus positif (" + when + ").",
                                    "class premiums must be positive (" + when + ").");
        }
        for (const Subsidy& sub : s.subsidies) {
            if (sub.care_class < 1 || sub.care_class > 3 || sub.amount < 0 ||
                sub.amount > s.class_premium[sub.care_class - 1])
                return invalidTable("subsidi tidak sah (" + when + ").",
                                    "a subsidy is out of range (" + when + ").");
        }
        if (s.payroll_percent < 0 || s.payroll_percent > 100 || s.payroll_wage_cap < 0)
            return invalidTable("potongan gaji tidak sah (" + when + ").",
                                "the payroll share is out of range (" + when + ").");
    }
    PremiumTable t;
    t.schedules_ = std::move(schedules);
    return t;
}

Result<PremiumSchedule> PremiumTable::scheduleOn(const Date& on) const {
    const PremiumSchedule* found = nullptr;
    for (const PremiumSchedule& s : schedules_) {
        if (s.effective_from <= on) found = &s;
    }
    if (!found) {
        const std::string d = formatIsoDate(on);
        return Error{"premium_not_in_force", "Belum ada tarif iuran yang berlaku pada " + d + ".",
                     "No premium schedule is in force on " + d + "."};
    }
    return *found;
}

Result<MemberPremium> PremiumTable::monthly(Segment segment, int care_class, const Date& on) const {
    if (!classAllowed(segment, care_class)) {
        const std::string seg(segmentCode(segment));
        const std::string cls(careClassRoman(care_class));
        return Error{"class_not_allowed",
                     "Kelas " + (cls.empty() ? std::to_string(care_class) : cls) +
                         " tidak berlaku untuk segmen " + seg + ".",
                     "Class " + (cls.empty() ? std::to_string(care_class) : cls) +
                         " is not available to segment " + seg + "."};
    }
    auto schedule = scheduleOn(on);
    if (!schedule) return schedule.error();
    MemberPremium m;
    if (segment == Segment::ppu) {
        m.payer = Payer::payroll;
        return m;
    }
    m.premium = schedule->class_premium[care_class - 1];
    if (isPbi(segment)) {
        m.payer = Payer::government;
        m.government_pays = m.premium;
        return m;
    }
    m.payer = Payer::participant;
    for (const Subsidy& sub : schedule->subsidies) {
        if (sub.segment == segment && sub.care_class == care_class) m.government_pays = sub.amount;
    }
    m.participant_pays = m.premium - m.government_pays;
    return m;
}

Result<HouseholdPremium> PremiumTable::householdMonthly(const std::vector<Person>& people,
                                                        const Date& on) const {
    HouseholdPremium total;
    for (const Person& p : people) {
        auto m = monthly(p.segment, p.care_class, on);
        if (!m) return m.error();
        total.premium += m->premium;
        total.government_pays += m->government_pays;
        total.participant_pays += m->participant_pays;
        if (m->payer == Payer::payroll) ++total.payroll_members;
    }
    return total;
}

}  // namespace pekon
