// `pekon search|outbox|export|check`, the database file, and usage errors: black-box.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "app/run_cli.hpp"
#include "core/csv.hpp"
#include "support/sample_household.hpp"

using namespace pekon::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kKk = sample::kKk;

json searchJson(const std::string& db, const std::string& query) {
    const CliRun run = runCli(with({"search", query, "--format", "json"}, db));
    INFO(run.describe());
    CHECK(run.clean());
    REQUIRE(run.exit_code == 0);
    json j = singleJson(run);
    REQUIRE(j.is_array());
    return j;
}

std::vector<std::string> names(json hits) {
    std::vector<std::string> out;
    for (json h : hits) out.push_back(h["name"].get<std::string>());
    return out;
}

std::vector<pekon::CsvRow> readCsv(const std::string& path) {
    const std::string text = readWholeFile(path);
    auto rows = pekon::parseCsv(text);
    INFO(path);
    REQUIRE(rows.ok());
    return *rows;
}

// The usage error shape: exit 2, nothing on stdout, the detail and the usage text on stderr.
void checkUsage(const CliRun& run, const std::string& detail) {
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("pekon: perintah tidak dapat dipahami: " + detail + "\n") !=
          std::string::npos);
    CHECK(run.err.find("Cara pakai: pekon PERINTAH") != std::string::npos);
    CHECK(run.err.find("household add --json BERKAS") != std::string::npos);
}

}  // namespace

TEST_CASE("cli search: by name prefix") {
    const std::string db = freshDb();
    const std::string id = seeded(db);
    json budi = searchJson(db, "bud");
    REQUIRE(budi.size() == 1);
    CHECK(budi[0]["name"] == "Budi Santoso");
    CHECK(budi[0]["nik"] == sample::kHeadNik);
    CHECK(budi[0]["household_id"] == id);
    CHECK(budi[0]["village_code"] == "18.06.01.2016");
    CHECK(budi[0]["status"] == "queued");
    REQUIRE(budi[0]["member_id"].is_string());
    CHECK(budi[0]["member_id"].get<std::string>().size() == 36);

    CHECK(names(searchJson(db, "BUDI")) == std::vector<std::string>{"Budi Santoso"});
    CHECK(names(searchJson(db, "Siti A")) == std::vector<std::string>{"Siti Aminah"});
    CHECK(names(searchJson(db, "ami")) == std::vector<std::string>{"Siti Aminah"});  // a later word
    CHECK(names(searchJson(db, "riz")) == std::vector<std::string>{"Ahmad Rizki"});
    CHECK(searchJson(db, "santosox").empty());
    CHECK(searchJson(db, "udi").empty());  // not a prefix
    CHECK(searchJson(db, "%").empty());    // not a LIKE wildcard
    CHECK(searchJson(db, "_udi").empty());

    const CliRun text = runCli(with({"search", "bud"}, db));
    INFO(text.describe());
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("Budi Santoso") != std::string::npos);
    CHECK(text.out.find("************0001") != std::string::npos);  // the NIK is masked
    CHECK(text.out.find(sample::kHeadNik) == std::string::npos);
    CHECK(text.out.find("Menunggu kirim") != std::string::npos);
    CHECK(text.out.find(id) != std::string::npos);

    const CliRun none = runCli(with({"search", "zzz"}, db));
    CHECK(none.exit_code == 0);
    CHECK(none.out == "Tidak ada yang cocok.\n");
    const CliRun none_en = runCli(with({"search", "zzz", "--lang", "en"}, db));
    CHECK(none_en.out == "Nothing matches.\n");
}

TEST_CASE("cli search: by NIK and by KK number") {
    const std::string db = freshDb();
    seeded(db);
    json siti = searchJson(db, sample::kSpouseNik);
    REQUIRE(siti.size() == 1);
    CHECK(siti[0]["name"] == "Siti Aminah");
    CHECK(siti[0]["nik"] == sample::kSpouseNik);
    CHECK(searchJson(db, "1806016208850009").empty());
    CHECK(searchJson(db, "180601620885000").empty());  // no prefix match on numbers
    json family = searchJson(db, kKk);
    std::set<std::string> found;
    for (json h : family) found.insert(h["name"].get<std::string>());
    CHECK(found == std::set<std::string>{"Budi Santoso", "Siti Aminah", "Ahmad Rizki"});
}

TEST_CASE("cli outbox: one household and three members pending") {
    const std::string db = emptyDb();
    const CliRun empty = runCli(with({"outbox", "--format", "json"}, db));
    INFO(empty.describe());
    CHECK(empty.exit_code == 0);
    CHECK(singleJson(empty) == json{{"pending", 0},
                                    {"accepted", 0},
                                    {"duplicate", 0},
                                    {"rejected", 0},
                                    {"rejected_events", json::array()}});

    seeded(db);
    const CliRun run = runCli(with({"outbox", "--format", "json"}, db));
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    CHECK(singleJson(run) == json{{"pending", 4},
                                  {"accepted", 0},
                                  {"duplicate", 0},
                                  {"rejected", 0},
                                  {"rejected_events", json::array()}});

    const CliRun text = runCli(with({"outbox"}, db));
    INFO(text.describe());
    CHECK(text.exit_code == 0);
    CHECK(text.out ==
          "Status sinkron    Jumlah\n"
          "Menunggu kirim    4\n"
          "Diterima hub      0\n"
          "Sudah ada di hub  0\n"
          "Ditolak hub       0\n");
}

TEST_CASE("cli export: three CSV files, 0600, the right rows") {
    const std::string db = freshDb();
    const std::string id = seeded(db);
    const std::string dir = tempPath("export/nested");  // created if missing
    const CliRun run = runCli(with({"export", "--csv", dir}, db));
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    CHECK(run.out == "Diekspor ke " + dir + ": 1 keluarga, 3 anggota, 4 peristiwa.\n");

    for (const char* name : {"households.csv", "members.csv", "events.csv"}) {
        INFO(name);
        CHECK(fileMode(dir + "/" + name) == 0600);
        CHECK_FALSE(exists(dir + "/" + name + ".part"));
    }
    std::set<std::string> listing;
    for (const auto& entry : fs::directory_iterator(dir))
        listing.insert(entry.path().filename().string());
    CHECK(listing == std::set<std::string>{"households.csv", "members.csv", "events.csv"});

    const auto households = readCsv(dir + "/households.csv");
    REQUIRE(households.size() == 2);
    CHECK(households[0] == pekon::CsvRow{"household_id", "kk_number", "village_code", "address",
                                         "rt", "rw", "phone", "registered_at", "registered_by"});
    CHECK(households[1][0] == id);
    CHECK(households[1][1] == kKk);
    CHECK(households[1][3] == "Jl. Merdeka No. 12");
    CHECK(households[1][8] == "cli");

    const auto members = readCsv(dir + "/members.csv");
    REQUIRE(members.size() == 4);
    CHECK(members[0][0] == "member_id");
    CHECK(members[0].size() == 12);
    for (size_t i = 1; i < 4; ++i) {
        CHECK(members[i][1] == id);
        CHECK(members[i][9] == "queued");
    }
    CHECK(members[2][3] == "Siti Aminah");

    const auto events = readCsv(dir + "/events.csv");
    REQUIRE(events.size() == 5);
    CHECK(events[0] == pekon::CsvRow{"seq", "event_id", "type", "at", "actor", "origin",
                                     "sync_state", "hub_code", "hub_message", "data"});
    CHECK(events[1][2] == "household.registered");
    for (size_t i = 2; i < 5; ++i) CHECK(events[i][2] == "member.registered");
    for (size_t i = 1; i < 5; ++i) {
        CHECK(events[i][0] == std::to_string(i));
        CHECK(events[i][6] == "pending");
        json data = json::parse(events[i][9], nullptr, false);
        REQUIRE(data.is_object());
        CHECK(data["household_id"] == id);
    }

    const CliRun as_json = runCli(with({"export", "--csv", dir, "--format", "json"}, db));
    INFO(as_json.describe());
    CHECK(as_json.exit_code == 0);
    CHECK(singleJson(as_json) == json{{"households", 1}, {"members", 3}, {"events", 4}});
}

TEST_CASE("cli export: replaces older files, which become 0600") {
    const std::string db = freshDb();
    seeded(db);
    const std::string dir = tempDir();
    const std::string old = dir + "/members.csv";
    writeWholeFile(old, "stale\n");
    fs::permissions(old, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                             fs::perms::others_read);
    REQUIRE(fileMode(old) == 0644);
    const CliRun run = runCli(with({"export", "--csv", dir}, db));
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    CHECK(fileMode(old) == 0600);
    CHECK(readCsv(old).size() == 4);
}

TEST_CASE("cli export: an empty database gives header-only files") {
    const std::string db = emptyDb();
    const std::string dir = tempDir();
    const CliRun run = runCli(with({"export", "--csv", dir, "--format", "json"}, db));
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    CHECK(singleJson(run) == json{{"households", 0}, {"members", 0}, {"events", 0}});
    for (const char* name : {"households.csv", "members.csv", "events.csv"})
        CHECK(readCsv(dir + "/" + name).size() == 1);
}

TEST_CASE("cli check: a good database passes") {
    const std::string db = emptyDb();
    const CliRun fresh = runCli(with({"check"}, db));
    INFO(fresh.describe());
    CHECK(fresh.clean());
    CHECK(fresh.exit_code == 0);
    CHECK(fresh.out == "Basis data utuh; proyeksi cocok dengan log peristiwa.\n");
    seeded(db);
    const CliRun run = runCli(with({"check", "--lang", "en"}, db));
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    CHECK(run.out == "The database is intact; the projections agree with the event log.\n");
    CHECK(run.err.empty());
}

TEST_CASE("cli check: a file that is not a database fails cleanly") {
    const std::string db = tempPath("garbage.db");
    writeWholeFile(db, std::string(4096, '\x5a'));
    const CliRun run = runCli(with({"check"}, db));
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 1);
    CHECK_FALSE(run.err.empty());
    CHECK(readWholeFile(db) == std::string(4096, '\x5a'));  // untouched
}

TEST_CASE("cli database: created 0600, its folders created 0700") {
    const std::string root = tempDir();
    const std::string db = root + "/a/b/c/pekon.db";
    REQUIRE_FALSE(exists(root + "/a"));
    seeded(db);
    REQUIRE(exists(db));
    CHECK(fileMode(db) == 0600);
    CHECK(fileMode(root + "/a") == 0700);
    CHECK(fileMode(root + "/a/b/c") == 0700);
    // (-wal and -shm are gone once the CLI closes the database; their mode is checked while
    // a store is open in tests/store/migrations_test.cpp.)
    // (Read commands create nothing: tests/app/read_only_cli_test.cpp.)
}

TEST_CASE("cli database: the default path is under XDG_DATA_HOME") {
    // run_cli sets XDG_DATA_HOME to <the run's temp dir>/data; without --db the database goes
    // to $XDG_DATA_HOME/pekon/pekon.db, never to the real home.
    const CliRun run =
        runCli({"household", "add", "--json", testData("household_valid.json"), "--format", "json"});
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    CHECK(singleJson(run)["saved"].size() == 1);
    CHECK(fileMode(run.home + "/data/pekon/pekon.db") == 0600);
    CHECK(fileMode(run.home + "/data/pekon") == 0700);
}

TEST_CASE("cli usage: unknown commands and options exit 2 with the usage text") {
    const std::string db = freshDb();
    checkUsage(runCli(with({"frobnicate"}, db)), "frobnicate");
    checkUsage(runCli(with({"--frobnicate"}, db)), "--frobnicate");
    checkUsage(runCli(with({"household", "list", "--frobnicate"}, db)), "--frobnicate");
    checkUsage(
        runCli(with({"household", "add", "--json", testData("household_valid.json"), "--bogus=1"},
                    db)),
        "--bogus");
    checkUsage(runCli(with({"household", "frobnicate"}, db)), "household add|list|show|correct");
    checkUsage(runCli(with({"household"}, db)), "household add|list|show|correct");
    checkUsage(runCli(with({"household", "add"}, db)), "household add --json FILE");
    checkUsage(runCli(with({"outbox", "--frobnicate"}, db)), "--frobnicate");
    checkUsage(runCli(with({"outbox", "extra"}, db)), "outbox");
    checkUsage(runCli(with({"search"}, db)), "search NIK|KK|NAME");
    checkUsage(runCli(with({"search", "a", "b"}, db)), "search NIK|KK|NAME");
    checkUsage(runCli(with({"export"}, db)), "export --csv DIR");
    checkUsage(runCli(with({"export", "--csv"}, db)), "--csv");
    checkUsage(runCli(with({"check", "--help=1"}, db)), "--help");
    checkUsage(runCli(with({"outbox", "--format", "xml"}, db)), "--format xml");
    checkUsage(runCli(with({"outbox", "--lang", "fr"}, db)), "--lang fr");
    // None of them created the database.
    CHECK_FALSE(exists(db));
}

TEST_CASE("cli usage: in English with --lang en") {
    const CliRun run = runCli({"frobnicate", "--lang", "en"});
    INFO(run.describe());
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("frobnicate") != std::string::npos);
    CHECK(run.err.find("Usage: pekon COMMAND") != std::string::npos);
    CHECK(run.err.find("Cara pakai") == std::string::npos);
}

TEST_CASE("cli usage: help and version go to stdout with exit 0") {
    const CliRun help = runCli({"help"});
    INFO(help.describe());
    CHECK(help.exit_code == 0);
    CHECK(help.out.rfind("Cara pakai: pekon PERINTAH", 0) == 0);
    CHECK(help.err.empty());
    const CliRun help_en = runCli({"--help", "--lang", "en"});
    CHECK(help_en.exit_code == 0);
    CHECK(help_en.out.rfind("Usage: pekon COMMAND", 0) == 0);
    const CliRun version = runCli({"--version"});
    INFO(version.describe());
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("pekon ", 0) == 0);
    CHECK(version.out.find('\n') == version.out.size() - 1);
}
