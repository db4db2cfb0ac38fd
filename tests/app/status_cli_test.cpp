// `pekon status --nik --kk` and `--receipt --birth-date`: the kiosk's lookup, through the real
// binary.
#include <catch2/catch.hpp>
#include <string>

#include "app/run_cli.hpp"
#include "codec/json.hpp"
#include "store/kiosk_status.hpp"
#include "store/settings.hpp"
#include "support/fixtures.hpp"
#include "support/sample_household.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

constexpr const char* kNik = sample::kSpouseNik;
constexpr const char* kKk = sample::kKk;
// 32 zero bytes, as the district's kiosk key is kept (base64).
const char* kZeroKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

Json status(const std::string& db, const std::string& nik, const std::string& kk) {
    const CliRun run = runCli({"status", "--nik", nik, "--kk", kk, "--db", db});
    INFO(run.describe());
    REQUIRE(run.exit_code == 0);
    auto json = parseJson(run.out);
    REQUIRE(json);
    return *json;
}

}  // namespace

TEST_CASE("cli status: found, not found and the wrong KK number, from a table with no NIK",
          "[status_cli]") {
    const std::string db = tempPath("kiosk_cli.db");
    {
        auto store = Store::open(db);
        REQUIRE(store);
        // Not a kiosk yet: a clear error, exit 1.
        const CliRun none =
            runCli({"status", "--nik", kNik, "--kk", kKk, "--db", db, "--lang", "en"});
        CHECK(none.exit_code == 1);
        CHECK(none.err.find("card-status table") != std::string::npos);

        REQUIRE(writeSetting(**store, kSettingKioskKey, kZeroKey));
        KioskEntry e;
        e.lookup = kkLookupKey(KioskKey{}, kNik, kKk).value();
        e.status = "paid";
        e.care_class = 3;
        e.faskes = "Puskesmas Kota Agung";
        e.card_eta = "2026-12-06";
        e.card_number_masked = "*********7890";
        e.name_masked = "S*** A*****";
        e.as_of = "2026-11-22T08:00:00Z";
        REQUIRE(upsertKioskEntries(**store, {e}));
    }
    const Json found = status(db, kNik, kKk);
    CHECK(found["found"] == true);
    CHECK(found["status"] == "paid");
    CHECK(found["class"] == 3);
    CHECK(found["faskes"] == "Puskesmas Kota Agung");
    CHECK(found["card_eta"] == "2026-12-06");
    CHECK(found["card_number_masked"] == "*********7890");
    CHECK(found["as_of"] == "2026-11-22T08:00:00Z");
    CHECK(status(db, kNik, "1806011203150008") == Json{{"found", false}});  // wrong KK number
    CHECK(status(db, "1806014107850003", kKk) == Json{{"found", false}});  // not there

    // Bad input is an error, not "not found".
    const CliRun bad = runCli({"status", "--nik", "12", "--kk", kKk, "--db", db});
    CHECK(bad.exit_code == 1);
    CHECK(runCli({"status", "--nik", kNik, "--kk", "1806011203", "--db", db}).exit_code == 1);
    CHECK(runCli({"status", "--nik", kNik, "--db", db}).exit_code == 2);
    // NIK and birth date is no way in: a NIK holds the birth date (issue 12).
    CHECK(runCli({"status", "--nik", kNik, "--birth-date", "1985-08-22", "--db", db}).exit_code ==
          2);
    CHECK(runCli({"status", "--nik", kNik, "--kk", kKk, "--birth-date", "1985-08-22", "--db", db})
              .exit_code == 2);
    // By NIK or by receipt, not both, not neither.
    CHECK(runCli({"status", "--nik", kNik, "--kk", kKk, "--receipt", "r1", "--birth-date",
                  "1985-08-22", "--db", db})
              .exit_code == 2);
    CHECK(runCli({"status", "--birth-date", "1985-08-22", "--db", db}).exit_code == 2);
    CHECK(runCli({"status", "--receipt", "", "--birth-date", "1985-08-22", "--db", db}).exit_code ==
          1);
    // A receipt's id is a household id (a UUID), never a NIK.
    CHECK(runCli({"status", "--receipt", kNik, "--birth-date", "1985-08-22", "--db", db})
              .exit_code == 1);
    CHECK(runCli({"status", "--receipt", "01936b2e-8f00-7abc-9def-0123456789ab", "--birth-date",
                  "22-08-1985", "--db", db})
              .exit_code == 1);

    // The database file holds no NIK in plain text.
    CHECK(readWholeFile(db).find(kNik) == std::string::npos);
    CHECK(readWholeFile(db).find(kKk) == std::string::npos);
}
