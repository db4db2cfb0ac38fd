// The child of the crash-safety test: registers households one durable transaction at a
// time and reports each on stdout only after registerHouseholds() has returned. The parent
// kills it with SIGKILL at a random point.
//   pekon_crash_writer DB MEMBERS
#include <cstdio>
#include <cstdlib>
#include <string>

#include "store/households.hpp"
#include "store/internal/database.hpp"
#include "store/store.hpp"
#include "support/fixtures.hpp"
#include "support/sample_households.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: pekon_crash_writer DB MEMBERS\n");
        return 2;
    }
    auto store = pekon::Store::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "open: %s\n", store.error().message_en.c_str());
        return 1;
    }
    auto& db = connection(**store);
    // Continue after what earlier (killed) runs committed, so every NIK stays unique.
    std::int64_t member = *db.queryInt("SELECT COUNT(*) FROM members");
    std::int64_t household = *db.queryInt("SELECT COUNT(*) FROM households");
    const std::int64_t target = member + std::atoll(argv[2]);
    const pekon::WriteContext ctx{"crash-test", 1795000000, pekon::test::kToday};
    while (member < target) {
        const int size = static_cast<int>(household % 5) + 1;
        auto outcome =
            registerHouseholds(**store, {pekon::test::sampleHousehold(household, member, size)},
                               pekon::test::regions(), ctx);
        if (!outcome.ok()) {
            std::fprintf(stderr, "register: %s %s\n", outcome.errors[0].field.c_str(),
                         outcome.errors[0].error.message_en.c_str());
            return 1;
        }
        const pekon::RegisteredHousehold& r = outcome.households[0];
        std::string line = r.household_id;
        for (const std::string& id : r.member_ids) line += " " + id;
        std::printf("%s\n", line.c_str());
        std::fflush(stdout);
        member += size;
        ++household;
    }
    return 0;
}
