#include "support/sample_households.hpp"

#include <cstdio>

#include "core/date.hpp"

namespace pekon::test {

namespace {
const char* kVillages[] = {"18.06.01.2016", "18.06.02.2012", "18.06.20.2001",
                           "18.06.03.2001", "18.06.04.2001", "18.06.11.2001"};
const char* kNames[] = {"Budi Santoso",  "Siti Aminah",  "Ahmad Rizki", "Dewi Lestari",
                        "Joko Susilo",   "Rina Marlina", "Agus Salim",  "Nur Hasanah",
                        "Hendra Wijaya", "Yuni Astuti"};
const char* kRelations[] = {"head", "spouse", "child", "child", "parent"};
}  // namespace

SampleNik sampleNik(std::int64_t i) {
    // Spread NIKs over ten years of birth dates and all serials in a scrambled order, as real
    // registrations arrive: j = i * P mod M is a bijection on [0, M) for P prime to M.
    constexpr std::int64_t kDays = 3650, kSerials = 9999, kM = kDays * kSerials, kP = 1'000'003;
    const std::int64_t j = static_cast<std::int64_t>((static_cast<__int128>(i % kM) * kP) % kM);
    const std::int64_t serial = j % kSerials + 1;
    const Date birth = addDays(Date{2010, 12, 31}, -(j / kSerials));
    const bool female = i % 2 == 1;
    char buf[32];
    std::snprintf(buf, sizeof buf, "180601%02d%02d%02d%04lld", birth.day + (female ? 40 : 0),
                  birth.month, birth.year % 100, static_cast<long long>(serial));
    return SampleNik{buf, formatIsoDate(birth), female ? "F" : "M"};
}

HouseholdInput sampleHousehold(std::int64_t index, std::int64_t first_member, int size) {
    HouseholdInput h;
    // KK numbers scrambled like the NIKs: issue dates over ten years from 2011.
    constexpr std::int64_t kDays = 3650, kSerials = 9999, kM = kDays * kSerials, kP = 1'000'033;
    const std::int64_t j = static_cast<std::int64_t>((static_cast<__int128>(index % kM) * kP) % kM);
    const Date issued = addDays(Date{2011, 1, 1}, j / kSerials);
    char kk[32];
    std::snprintf(kk, sizeof kk, "180601%02d%02d%02d%04lld", issued.day, issued.month,
                  issued.year % 100, static_cast<long long>(j % kSerials + 1));
    h.kk_number = kk;
    h.village_code = kVillages[index % 6];
    h.address = "Jl. Pekon Nomor " + std::to_string(index % 200 + 1);
    h.rt = std::to_string(index % 12 + 1);
    h.rw = std::to_string(index % 5 + 1);
    for (int k = 0; k < size; ++k) {
        const SampleNik n = sampleNik(first_member + k);
        const char* segment = k % 3 == 2 ? "PBI-APBN" : "PBPU";
        h.members.push_back(MemberInput{n.nik, kNames[(first_member + k) % 10], n.birth_date, n.sex,
                                        kRelations[k % 5], segment, "3"});
    }
    return h;
}

}  // namespace pekon::test
