// The command line on a sealed device (issue 16): personal data opens only with a user's PIN
// (`--user NAME`, the PIN on standard input), and an export is sealed for the office.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "app/run_cli.hpp"
#include "proto/sealed_export.hpp"
#include "store/store.hpp"
#include "store/users.hpp"
#include "support/hub_seal.hpp"
#include "support/sample_household.hpp"

using namespace pekon::test;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("cli sealed: without the PIN nothing personal is read; with it, all is", "[cli_sealed]") {
    const std::string db = freshDb();
    const std::string hh = std::string(PEKON_SOURCE_DIR) + "/tests/data/household_valid.json";
    // Registered plain by the command line, then the device gets its first user (sealed).
    REQUIRE(runCli(with({"household", "add", "--json", hh}, db)).exit_code == 0);
    std::optional<pekon::vault::BoxKeys> hub;
    {
        auto store = pekon::Store::open(db);
        REQUIRE(store);
        REQUIRE(createUser(**store, "Dewi Lestari", pekon::Role::supervisor, "482913", "",
                           1'795'000'000));
        hub = giveHubSealKey(**store);
    }
    // Locked: the search and the list refuse, in both languages, and nothing is printed.
    const CliRun locked = runCli(with({"search", sample::kHeadNik, "--format", "json"}, db));
    CHECK(locked.exit_code == 1);
    CHECK(locked.out.find("data_locked") != std::string::npos);
    CHECK(locked.out.find(sample::kHeadNik) == std::string::npos);
    const CliRun locked_id = runCli(with({"household", "list"}, db));
    CHECK(locked_id.exit_code == 1);
    CHECK(locked_id.err.find("terkunci") != std::string::npos);
    // A wrong PIN: refused, counted.
    const std::string wrong = "111222\n";
    const CliRun refused = runCliWithStdin(
        with({"search", sample::kHeadNik, "--user", "Dewi Lestari", "--format", "json"}, db),
        wrong);
    CHECK(refused.exit_code == 1);
    CHECK(refused.out.find("pin_wrong") != std::string::npos);
    // The right PIN on standard input: found, by the blind index.
    const std::string pin = "482913\n";
    const CliRun found = runCliWithStdin(
        with({"search", sample::kHeadNik, "--user", "Dewi Lestari", "--format", "json"}, db), pin);
    INFO(found.describe());
    REQUIRE(found.exit_code == 0);
    CHECK(singleJson(found).size() == 1);
    // The export is sealed for the office: no CSV in the clear, and the hub's key opens it.
    const std::string dir = db + "-export";
    fs::create_directories(dir);
    const CliRun exported = runCliWithStdin(
        with({"export", "--csv", dir, "--user", "Dewi Lestari"}, db), pin);
    INFO(exported.describe());
    REQUIRE(exported.exit_code == 0);
    CHECK_FALSE(fs::exists(dir + "/members.csv"));
    const std::string sealed = readWholeFile(dir + "/members.csv.sealed");
    CHECK(sealed.find(sample::kHeadNik) == std::string::npos);
    auto csv = pekon::openExport(*hub, sealed);
    REQUIRE(csv);
    CHECK(csv->find(sample::kHeadNik) != std::string::npos);
    CHECK((fs::status(dir + "/members.csv.sealed").permissions() & fs::perms::others_read) ==
          fs::perms::none);
}
