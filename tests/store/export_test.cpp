#include "store/export.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/csv.hpp"
#include "store/households.hpp"
#include "support/fixtures.hpp"
#include "support/sample_household.hpp"

using namespace pekon;

namespace {
std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("export: three CSV files, owner-only, formulas neutralised, phone numbers kept") {
    const std::string dir = test::tempDir();
    auto store = Store::open(dir + "/e.db");
    REQUIRE(store.ok());
    HouseholdInput h;
    h.kk_number = test::sample::kKk;
    h.village_code = test::sample::kVillage;
    h.address = "=HYPERLINK(\"http://x\"), Gg. \"Mawar\"";
    h.phone = "081234567890";
    h.members = {test::sample::head()};
    REQUIRE(
        registerHouseholds(**store, {h}, test::regions(), {"t", 1795000000, test::kToday}).ok());
    // A leftover part file with wide permissions must not survive into the export.
    { std::ofstream(dir + "/households.csv.part") << "old"; }
    ::chmod((dir + "/households.csv.part").c_str(), 0644);

    auto counts = exportCsv(**store, dir);
    REQUIRE(counts.ok());
    CHECK(counts->households == 1);
    CHECK(counts->members == 1);
    CHECK(counts->events == 2);
    for (const char* f : {"households.csv", "members.csv", "events.csv"}) {
        struct stat st {};
        REQUIRE(::stat((dir + "/" + f).c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
    auto rows = parseCsv(slurp(dir + "/households.csv"));
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    CHECK((*rows)[1][3] == "'=HYPERLINK(\"http://x\"), Gg. \"Mawar\"");
    CHECK((*rows)[1][6] == "+6281234567890");
    auto members = parseCsv(slurp(dir + "/members.csv"));
    REQUIRE(members.ok());
    CHECK((*members)[1][2] == test::sample::kHeadNik);
}
