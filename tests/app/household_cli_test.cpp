// `pekon household add|list|show`: black-box, through the real binary.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "app/run_cli.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/hub_changes.hpp"
#include "store/outbox.hpp"
#include "support/sample_household.hpp"
#include "support/sample_households.hpp"

using namespace pekon::test;
using nlohmann::json;

namespace {

const std::string kKk = sample::kKk;
const std::vector<std::string> kNiks = {sample::kHeadNik, sample::kSpouseNik, sample::kChildNik};

// A household with a bad NIK and no head of family.
const char* kInvalidHousehold = R"({
  "kk_number": "1806011203150007",
  "village_code": "18.06.01.2016",
  "address": "Jl. A",
  "members": [{"nik": "12345", "name": "Budi", "birth_date": "1980-05-15", "sex": "M",
               "relation": "child", "segment": "PBPU", "class": "3"}]
})";

bool isUuidV7(const std::string& id) {
    static const std::regex re(
        "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    return std::regex_match(id, re);
}

size_t count(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t pos = text.find(needle); pos != std::string::npos;
         pos = text.find(needle, pos + needle.size()))
        ++n;
    return n;
}

// Adds tests/data/household_valid.json with --format json; returns the saved object.
json addValid(const std::string& db) {
    const CliRun run = runCli(with(
        {"household", "add", "--json", testData("household_valid.json"), "--format", "json"}, db));
    INFO(run.describe());
    REQUIRE(run.exit_code == 0);
    json j = singleJson(run);
    REQUIRE(j["saved"].size() == 1);
    return j["saved"][0];
}

json listJson(const std::string& db) {
    const CliRun run = runCli(with({"household", "list", "--format", "json"}, db));
    INFO(run.describe());
    REQUIRE(run.exit_code == 0);
    json j = singleJson(run);
    REQUIRE(j.is_array());
    return j;
}

std::int64_t pendingEvents(const std::string& db) {
    const CliRun run = runCli(with({"outbox", "--format", "json"}, db));
    INFO(run.describe());
    REQUIRE(run.exit_code == 0);
    return singleJson(run)["pending"].get<std::int64_t>();
}

json householdToJson(const pekon::HouseholdInput& h) {
    json members = json::array();
    for (const auto& m : h.members)
        members.push_back({{"nik", m.nik},
                           {"name", m.name},
                           {"birth_date", m.birth_date},
                           {"sex", m.sex},
                           {"relation", m.relation},
                           {"segment", m.segment},
                           {"class", m.care_class}});
    return {{"kk_number", h.kk_number},
            {"village_code", h.village_code},
            {"address", h.address},
            {"rt", h.rt},
            {"rw", h.rw},
            {"members", members}};
}

}  // namespace

TEST_CASE("cli household add: the valid file is saved") {
    const std::string db = freshDb();
    const CliRun run =
        runCli(with({"household", "add", "--json", testData("household_valid.json")}, db));
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(run.out.rfind("Tersimpan: 1 keluarga, 3 anggota.\n", 0) == 0);
    json list = listJson(db);
    REQUIRE(list.size() == 1);
    const std::string id = list[0]["household_id"].get<std::string>();
    CHECK(isUuidV7(id));
    CHECK(run.out.find("  " + id + "\n") != std::string::npos);
    CHECK(pendingEvents(db) == 4);
}

TEST_CASE("cli household add: --lang en") {
    const std::string db = freshDb();
    const CliRun run = runCli(
        with({"household", "add", "--json", testData("household_valid.json"), "--lang", "en"}, db));
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    CHECK(run.out.rfind("Saved: 1 households, 3 members.\n", 0) == 0);
}

TEST_CASE("cli household add: --format json output") {
    const std::string db = freshDb();
    const CliRun run = runCli(with(
        {"household", "add", "--json", testData("household_valid.json"), "--format", "json"}, db));
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    json j = singleJson(run);
    REQUIRE(j.is_object());
    std::set<std::string> keys;
    for (const auto& [k, _] : j.items()) keys.insert(k);
    CHECK(keys == std::set<std::string>{"saved", "warnings"});
    CHECK(j["warnings"] == json::array());
    REQUIRE(j["saved"].is_array());
    REQUIRE(j["saved"].size() == 1);
    json saved = j["saved"][0];
    REQUIRE(saved["household_id"].is_string());
    CHECK(isUuidV7(saved["household_id"].get<std::string>()));
    REQUIRE(saved["member_ids"].is_array());
    REQUIRE(saved["member_ids"].size() == 3);
    std::set<std::string> ids = {saved["household_id"].get<std::string>()};
    for (json m : saved["member_ids"]) {
        REQUIRE(m.is_string());
        CHECK(isUuidV7(m.get<std::string>()));
        ids.insert(m.get<std::string>());
    }
    CHECK(ids.size() == 4);  // all distinct
    // The ids are the ones stored.
    json list = listJson(db);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["household_id"] == saved["household_id"]);
    const CliRun show = runCli(with(
        {"household", "show", saved["household_id"].get<std::string>(), "--format", "json"}, db));
    json detail = singleJson(show);
    REQUIRE(detail["members"].size() == 3);
    for (size_t i = 0; i < 3; ++i)
        CHECK(detail["members"][i]["member_id"] == saved["member_ids"][i]);
}

TEST_CASE("cli household add: adding the same file again is refused, nothing new saved") {
    const std::string db = freshDb();
    addValid(db);
    const CliRun again =
        runCli(with({"household", "add", "--json", testData("household_valid.json")}, db));
    INFO(again.describe());
    CHECK(again.clean());
    CHECK(again.exit_code == 1);
    CHECK(again.out.empty());
    CHECK(again.err.find("Tidak ada yang disimpan") != std::string::npos);
    CHECK(again.err.find("kk_number: ") != std::string::npos);
    CHECK(count(again.err, "[kk_already_registered]") == 1);
    CHECK(count(again.err, "[nik_already_registered]") == 3);
    for (int i = 0; i < 3; ++i)
        CHECK(again.err.find("members[" + std::to_string(i) + "].nik") != std::string::npos);
    CHECK(listJson(db).size() == 1);
    CHECK(pendingEvents(db) == 4);

    const CliRun json_again = runCli(with(
        {"household", "add", "--json", testData("household_valid.json"), "--format", "json"}, db));
    INFO(json_again.describe());
    CHECK(json_again.exit_code == 1);
    json j = singleJson(json_again);
    CHECK(j["saved"] == json::array());
    REQUIRE(j["errors"].is_array());
    REQUIRE(j["errors"].size() == 4);
    CHECK(j["errors"][0] == json{{"field", "kk_number"},
                                 {"code", "kk_already_registered"},
                                 {"message", "Nomor KK ini sudah terdaftar di perangkat ini."}});
    CHECK(j["errors"][3]["field"] == "members[2].nik");
    CHECK(j["errors"][3]["code"] == "nik_already_registered");
    CHECK(pendingEvents(db) == 4);
}

TEST_CASE("cli household add: an invalid file lists each error, saves nothing") {
    const std::string db = freshDb();
    const std::string file = tempPath("invalid.json");
    writeWholeFile(file, kInvalidHousehold);
    const CliRun run = runCli(with({"household", "add", "--json", file}, db));
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    CHECK(run.err.rfind("Tidak ada yang disimpan. Perbaiki kesalahan berikut lalu coba lagi:\n",
                        0) == 0);
    CHECK(
        run.err.find(
            "  Kesalahan members[0].nik: NIK harus 16 digit; yang diisi 5 digit. [nik_length]\n") !=
        std::string::npos);
    CHECK(run.err.find("  Kesalahan members: ") != std::string::npos);
    CHECK(run.err.find("[household_no_head]") != std::string::npos);
    CHECK(listJson(db) == json::array());
    CHECK(pendingEvents(db) == 0);

    const CliRun en =
        runCli(with({"household", "add", "--json", file, "--format", "json", "--lang", "en"}, db));
    INFO(en.describe());
    CHECK(en.exit_code == 1);
    json j = singleJson(en);
    CHECK(j["saved"] == json::array());
    CHECK(j["warnings"] == json::array());
    REQUIRE(j["errors"].size() == 2);
    CHECK(j["errors"][0] == json{{"field", "members[0].nik"},
                                 {"code", "nik_length"},
                                 {"message", "A NIK has 16 digits; this one has 5."}});
    CHECK(j["errors"][1]["field"] == "members");
    CHECK(j["errors"][1]["code"] == "household_no_head");
    CHECK(listJson(db) == json::array());
}

TEST_CASE("cli household add: files that cannot be imported") {
    const std::string db = emptyDb();
    SECTION("missing file") {
        const CliRun run =
            runCli(with({"household", "add", "--json", tempPath("missing.json")}, db));
        INFO(run.describe());
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("[file_unreadable]") != std::string::npos);
        CHECK(run.err.find("missing.json") != std::string::npos);
    }
    SECTION("not JSON") {
        const std::string file = tempPath("bad.json");
        writeWholeFile(file, "{\"kk_number\": ");
        const CliRun run = runCli(with({"household", "add", "--json", file}, db));
        INFO(run.describe());
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("[json_invalid]") != std::string::npos);
    }
    SECTION("an unknown field") {
        const std::string file = tempPath("typo.json");
        writeWholeFile(
            file, R"({"kk_number": "1806011203150007", "phone_number": "0812", "members": []})");
        const CliRun run = runCli(with({"household", "add", "--json", file, "--lang", "en"}, db));
        INFO(run.describe());
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("[import_shape_invalid]") != std::string::npos);
        CHECK(run.err.find("$.phone_number") != std::string::npos);
    }
    SECTION("nested 100 deep") {
        const std::string file = tempPath("deep.json");
        writeWholeFile(file, std::string(100, '[') + std::string(100, ']'));
        const CliRun run = runCli(with({"household", "add", "--json", file}, db));
        INFO(run.describe());
        CHECK(run.clean());
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("[json_invalid]") != std::string::npos);
    }
    CHECK(listJson(db) == json::array());
}

TEST_CASE("cli household add: a folder given as the file is file_unreadable") {
    // readFile() returns "" for a directory, so the user is told the content is not JSON.
    const std::string db = freshDb();
    const CliRun run = runCli(with({"household", "add", "--json", tempDir()}, db));
    INFO(run.describe());
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("[file_unreadable]") != std::string::npos);
}

TEST_CASE("cli household add: from stdin with --json -") {
    const std::string db = freshDb();
    const std::string text = readWholeFile(testData("household_valid.json"));
    REQUIRE_FALSE(text.empty());
    const CliRun run =
        runCliWithStdin(with({"household", "add", "--json", "-", "--format", "json"}, db), text);
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    json j = singleJson(run);
    REQUIRE(j["saved"].size() == 1);
    CHECK(j["saved"][0]["member_ids"].size() == 3);
    json list = listJson(db);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["kk_number"] == kKk);

    const CliRun empty = runCliWithStdin(with({"household", "add", "--json", "-"}, db), "");
    INFO(empty.describe());
    CHECK(empty.exit_code == 1);
    CHECK(empty.err.find("[json_invalid]") != std::string::npos);
    CHECK(listJson(db).size() == 1);
}

TEST_CASE("cli household add: an array of households, all or nothing") {
    const std::string db = freshDb();
    json batch = json::array(
        {householdToJson(sampleHousehold(1, 10, 2)), householdToJson(sampleHousehold(2, 12, 3))});
    const CliRun run = runCliWithStdin(with({"household", "add", "--json", "-"}, db), batch.dump());
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    CHECK(run.out.rfind("Tersimpan: 2 keluarga, 5 anggota.\n", 0) == 0);
    CHECK(listJson(db).size() == 2);
    CHECK(pendingEvents(db) == 7);

    // A batch with one new household and one already there: nothing of it is saved.
    json mixed = json::array(
        {householdToJson(sampleHousehold(3, 15, 2)), householdToJson(sampleHousehold(1, 10, 2))});
    const CliRun refused = runCliWithStdin(
        with({"household", "add", "--json", "-", "--format", "json"}, db), mixed.dump());
    INFO(refused.describe());
    CHECK(refused.exit_code == 1);
    json j = singleJson(refused);
    CHECK(j["saved"] == json::array());
    REQUIRE_FALSE(j["errors"].empty());
    CHECK(j["errors"][0]["field"].get<std::string>().rfind("households[1].", 0) == 0);
    CHECK(listJson(db).size() == 2);
    CHECK(pendingEvents(db) == 7);
}

TEST_CASE("cli household list: text masks the KK, JSON has the details") {
    const std::string db = freshDb();
    const std::string id = addValid(db)["household_id"].get<std::string>();

    const CliRun text = runCli(with({"household", "list"}, db));
    INFO(text.describe());
    CHECK(text.clean());
    CHECK(text.exit_code == 0);
    CHECK(text.out.find(kKk) == std::string::npos);
    CHECK(text.out.find("************0007") != std::string::npos);
    CHECK(text.out.find(id) != std::string::npos);
    CHECK(text.out.find("Budi Santoso") != std::string::npos);
    CHECK(text.out.find("Negeri Ratu, Kota Agung") != std::string::npos);
    CHECK(text.out.rfind("ID keluarga", 0) == 0);
    CHECK(count(text.out, "\n") == 2);  // header and one row
    for (const std::string& nik : kNiks) CHECK(text.out.find(nik) == std::string::npos);

    json list = listJson(db);
    REQUIRE(list.size() == 1);
    json h = list[0];
    CHECK(h["household_id"] == id);
    CHECK(h["kk_number"] == kKk);
    CHECK(h["village_code"] == "18.06.01.2016");
    CHECK(h["village"] == "Negeri Ratu, Kota Agung");
    CHECK(h["address"] == "Jl. Merdeka No. 12");
    CHECK(h["rt"] == "002");
    CHECK(h["rw"] == "001");
    CHECK(h["phone"] == "+6281234567890");
    CHECK(h["head_name"] == "Budi Santoso");
    CHECK(h["member_count"] == 3);
    REQUIRE(h["registered_at"].is_string());
    CHECK(std::regex_match(h["registered_at"].get<std::string>(),
                           std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")));
}

TEST_CASE("cli household list: empty, filtered, limited") {
    const std::string db = emptyDb();
    const CliRun none = runCli(with({"household", "list"}, db));
    INFO(none.describe());
    CHECK(none.exit_code == 0);
    CHECK(none.out == "Belum ada keluarga terdaftar.\n");
    CHECK(listJson(db) == json::array());

    addValid(db);
    const CliRun other =
        runCli(with({"household", "list", "--village", "18.06.02.2012", "--format", "json"}, db));
    CHECK(singleJson(other) == json::array());
    const CliRun same =
        runCli(with({"household", "list", "--village", "18.06.01.2016", "--format", "json"}, db));
    CHECK(singleJson(same).size() == 1);
    const CliRun zero = runCli(with({"household", "list", "--limit", "0", "--format", "json"}, db));
    CHECK(singleJson(zero) == json::array());
    const CliRun bad = runCli(with({"household", "list", "--limit", "-1"}, db));
    CHECK(bad.exit_code == 2);
}

TEST_CASE("cli household show: text") {
    const std::string db = freshDb();
    const std::string id = addValid(db)["household_id"].get<std::string>();
    const CliRun run = runCli(with({"household", "show", id}, db));
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    CHECK(run.out.rfind("ID keluarga: " + id + "\n", 0) == 0);
    CHECK(run.out.find("No. KK: " + kKk + "\n") != std::string::npos);
    CHECK(run.out.find("Pekon: Negeri Ratu, Kota Agung\n") != std::string::npos);
    CHECK(run.out.find("Alamat: Jl. Merdeka No. 12, RT 002 RW 001\n") != std::string::npos);
    CHECK(run.out.find("No. HP: +6281234567890\n") != std::string::npos);
    for (const std::string& nik : kNiks) CHECK(run.out.find(nik) != std::string::npos);
    for (const char* name : {"Budi Santoso", "Siti Aminah", "Ahmad Rizki"})
        CHECK(run.out.find(name) != std::string::npos);
    CHECK(count(run.out, "Menunggu kirim") == 3);
    CHECK(run.out.find("Iuran per bulan: Rp126.000 (dibayar pemerintah Rp56.000, dibayar keluarga "
                       "Rp70.000).\n") != std::string::npos);

    const CliRun en = runCli(with({"household", "show", id, "--lang", "en"}, db));
    INFO(en.describe());
    CHECK(en.exit_code == 0);
    CHECK(count(en.out, "Waiting to send") == 3);
    CHECK(en.out.find(
              "Monthly premium: Rp126.000 (government pays Rp56.000, household pays Rp70.000).") !=
          std::string::npos);
}

TEST_CASE("cli household show: JSON") {
    const std::string db = freshDb();
    json saved = addValid(db);
    const std::string id = saved["household_id"].get<std::string>();
    const CliRun run = runCli(with({"household", "show", id, "--format", "json"}, db));
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    json j = singleJson(run);
    CHECK(j["household_id"] == id);
    CHECK(j["kk_number"] == kKk);
    CHECK(j["village"] == "Negeri Ratu, Kota Agung");
    CHECK(j["head_name"] == "Budi Santoso");
    CHECK(j["member_count"] == 3);
    REQUIRE(j["members"].is_array());
    REQUIRE(j["members"].size() == 3);
    const char* names[] = {"Budi Santoso", "Siti Aminah", "Ahmad Rizki"};
    const char* sexes[] = {"M", "F", "M"};
    const char* relations[] = {"head", "spouse", "child"};
    const char* segments[] = {"PBPU", "PBPU", "PBI-APBN"};
    const char* births[] = {"1980-05-15", "1985-08-22", "2010-01-01"};
    for (size_t i = 0; i < 3; ++i) {
        json m = j["members"][i];
        INFO("member " << i);
        CHECK(m["member_id"] == saved["member_ids"][i]);
        CHECK(m["nik"] == kNiks[i]);
        CHECK(m["name"] == names[i]);
        CHECK(m["birth_date"] == births[i]);
        CHECK(m["sex"] == sexes[i]);
        CHECK(m["relation"] == relations[i]);
        CHECK(m["segment"] == segments[i]);
        CHECK(m["class"] == 3);
        CHECK(m["status"] == "queued");
        REQUIRE(m["status_history"].size() == 1);
        CHECK(m["status_history"][0]["status"] == "queued");
        CHECK(m["status_history"][0]["at"] == j["registered_at"]);
        CHECK(m["card_number"] == "");
    }
    CHECK(j["monthly_premium"] == json{{"total", 126000},
                                       {"government_pays", 56000},
                                       {"household_pays", 70000},
                                       {"payroll_members", 0}});
}

TEST_CASE("cli household show: an unknown ID") {
    const std::string db = freshDb();
    addValid(db);
    for (const std::string& id :
         {std::string("nope"), std::string("01a20566-e1a7-7190-b6c7-cb2f44fc57f4"),
          std::string("' OR 1=1 --"), std::string("")}) {
        const CliRun run = runCli(with({"household", "show", id}, db));
        INFO(run.describe());
        CHECK(run.clean());
        CHECK(run.exit_code == 1);
        CHECK(run.out.empty());
        CHECK(run.err.find("[household_not_found]") != std::string::npos);
    }
    const CliRun json_run = runCli(with({"household", "show", "nope", "--format", "json"}, db));
    CHECK(json_run.exit_code == 1);
    const CliRun no_id = runCli(with({"household", "show"}, db));
    CHECK(no_id.exit_code == 2);
}

TEST_CASE("cli household show: the office's correction request and refusal, with reason and note",
          "[correction]") {
    const std::string db = freshDb();
    const std::string id = addValid(db)["household_id"].get<std::string>();
    {
        // The hub took the registration; the office asks to correct the head and refuses the
        // child (the changes a sync pulls).
        auto store = pekon::Store::open(db);
        REQUIRE(store);
        auto pending = pekon::listEvents(**store, 0, 100, pekon::SyncState::pending);
        REQUIRE(pending);
        pekon::PushAnswer answer;
        for (const pekon::Event& e : *pending) answer.accepted.push_back(e.id);
        REQUIRE(pekon::applyPushAnswer(**store, *pending, answer, 1'795'000'000));
        auto detail = pekon::findHousehold(**store, id);
        REQUIRE(detail);
        REQUIRE(detail->has_value());
        const auto& members = (*detail)->members;
        auto change = [&](const char* type, size_t i, const char* reason, const char* note) {
            return pekon::HubChange{"1", type,
                                    json{{"member_id", members[i].member.id},
                                         {"household_id", id},
                                         {"reason", reason},
                                         {"note", note},
                                         {"date", "2026-11-20"}}};
        };
        pekon::ChangesPage page;
        page.next = "2";
        page.changes = {change("registration.correction_requested", 0, "kk_mismatch",
                               "Nomor KK beda dengan fotokopi."),
                        change("registration.rejected", 2, "already_covered", "")};
        REQUIRE(pekon::applyHubChanges(**store, page, 1'795'000'100));
    }
    const CliRun run = runCli(with({"household", "show", id}, db));
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    CHECK(count(run.out, "Perlu perbaikan") == 1);
    CHECK(run.out.find("Budi Santoso: Kantor minta perbaikan: Nomor KK tidak cocok\n"
                       "  Catatan kantor: Nomor KK beda dengan fotokopi.\n") != std::string::npos);
    CHECK(run.out.find("Ahmad Rizki: Ditolak kantor: Sudah punya JKN\n") != std::string::npos);
    CHECK(run.out.find("Siti Aminah:") == std::string::npos);

    const CliRun js = runCli(with({"household", "show", id, "--format", "json"}, db));
    INFO(js.describe());
    json j = singleJson(js);
    CHECK(j["members"][0]["status"] == "needs_correction");
    CHECK(j["members"][0]["office_request"] == json{{"state", "needs_correction"},
                                                    {"decision", "needs_correction"},
                                                    {"reason", "kk_mismatch"},
                                                    {"note", "Nomor KK beda dengan fotokopi."}});
    CHECK(j["members"][1]["office_request"].is_null());
    CHECK(j["members"][2]["office_request"]["state"] == "rejected");
    CHECK(j["members"][2]["office_request"]["reason"] == "already_covered");
}
