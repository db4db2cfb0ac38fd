// The office's exports for BPJS (office_export.hpp) on each backend: the form's columns and
// values, the queue's filters, formula cells made inert, the XLSX read back by openpyxl, the
// file's mode, and the audit line.
#include "hub/office_export.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "core/csv.hpp"
#include "core/status_import.hpp"
#include "hub/export_csv.hpp"
#include "hub/hub_ops.hpp"
#include "hub/hub_store.hpp"
#include "hub/hub_store_fixtures.hpp"
#include "hub/office_read.hpp"
#include "support/check_error.hpp"
#include "support/fixtures.hpp"
#include "support/postgres_test_db.hpp"

using namespace pekon;
using namespace pekon::hub;
using test::batch;
using test::openHub;
using test::PostgreSQL;
using test::SQLite;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;        // 2026-11-18 (UTC)
constexpr const char* kBudi = "1806011505800001";  // born 1980-05-15
constexpr const char* kSiti = "1806015508820002";  // born 1982-08-15
constexpr const char* kAdi = "1806021001100003";   // born 2010-01-10
constexpr const char* kKk = "1806011203150007";

std::string enrol(HubStore& hub) {
    auto token = hub.createToken("test", kNow, 3600);
    REQUIRE(token);
    auto e = hub.enrol(token->token, "tablet", kNow);
    REQUIRE(e);
    return e->device_id;
}

std::string householdEvent(const std::string& id, const std::string& household_id,
                           const std::string& village, const std::string& address,
                           const std::string& phone) {
    Json data = {{"household_id", household_id},
                 {"kk_number", kKk},
                 {"village_code", village},
                 {"address", address},
                 {"rt", "002"},
                 {"rw", "001"},
                 {"phone", phone}};
    return dumpJson(Json{{"id", id},
                         {"seq", 1},
                         {"type", "household.registered"},
                         {"at", "2026-11-17T08:00:00Z"},
                         {"actor", "u1"},
                         {"data", data}});
}

std::string memberEvent(const std::string& id, const std::string& member_id,
                        const std::string& household_id, const std::string& nik,
                        const std::string& name, const std::string& birth, const std::string& sex,
                        const std::string& relation, const std::string& segment,
                        const std::string& phone) {
    Json data = {{"member_id", member_id}, {"household_id", household_id}, {"nik", nik},
                 {"name", name},           {"birth_date", birth},          {"sex", sex},
                 {"relation", relation},   {"segment", segment},           {"class", 3},
                 {"phone", phone}};
    return dumpJson(Json{{"id", id},
                         {"seq", 2},
                         {"type", "member.registered"},
                         {"at", "2026-11-17T08:15:00Z"},
                         {"actor", "u1"},
                         {"data", data}});
}

// Budi (whose "name" is a formula) and Siti in Negeri Ratu (Kota Agung), then Adi in another
// kecamatan of Tanggamus; Budi and Adi verified, Siti not yet decided. Budi's facility comes
// from a status import.
struct Registered {
    std::string tablet;
    std::string other;
};
Registered registerAll(HubStore& hub) {
    Registered r{enrol(hub), enrol(hub)};
    auto first = hub.push(
        r.tablet,
        batch({householdEvent("eh1", "h1", "18.06.01.2016", "-Jl. Merdeka, No. 12", "081234567890"),
               memberEvent("em1", "m1", "h1", kBudi, "=HYPERLINK(\"http://x\",\"Budi\")",
                           "1980-05-15", "M", "head", "PBPU", ""),
               memberEvent("em2", "m2", "h1", kSiti, "Siti \"Aminah\"", "1982-08-15", "F", "spouse",
                           "PBPU", "+6281298765432")}),
        kNow - 7200);
    REQUIRE(first);
    REQUIRE(first->accepted.size() == 3);
    auto second = hub.push(r.other,
                           batch({householdEvent("eh2", "h2", "18.06.02.2012", "Dusun II", "@0812"),
                                  memberEvent("em3", "m3", "h2", kAdi, "Adi", "2010-01-10", "M",
                                              "child", "PBI-APBD", "+1 555 0100")}),
                           kNow - 3600);
    REQUIRE(second);
    REQUIRE(second->accepted.size() == 2);
    StatusRow faskes;
    faskes.nik = kBudi;
    faskes.birth_date = Date{1980, 5, 15};
    faskes.status = MemberStatus::verified;
    faskes.faskes = "Puskesmas Kota Agung";
    faskes.date = Date{2026, 11, 17};
    REQUIRE(hub.importStatuses({faskes}, kNow - 1800));
    DecisionRequest verify;
    verify.member_ids = {"m1", "m3"};
    verify.decision = Decision::verified;
    verify.staff_id = 1;
    verify.username = "rina";
    auto decided = decide(hub.db(), verify, kNow - 60);
    REQUIRE(decided);
    REQUIRE(decided->decided == 2);
    REQUIRE(drainKioskQueue(hub.db(), kNow - 60));  // the kiosk entries, which carry the faskes
    return r;
}

Result<ExportSummary> exportTo(HubStore& hub, const QueueFilter& filter, ExportFormat format,
                               const std::string& path) {
    return exportMembers(hub.db(), test::regions(), filter, format, path, 1, "rina", kNow);
}

std::vector<std::vector<std::string>> csvOf(const std::string& path) {
    auto rows = parseCsv(test::readWholeFile(path));
    REQUIRE(rows);
    return std::move(rows.value());
}

// The form's columns, as exportColumns() names them.
std::vector<std::string> header() {
    const auto names = exportColumns();
    return {names.begin(), names.end()};
}

// The workbook's cells, read by openpyxl in a child process: each row a list of
// [value, data type] (s text, n number, d date as YYYY-MM-DD).
Json xlsxCells(const std::string& path) {
    const std::string script = test::tempPath("read_xlsx.py");
    {
        std::ofstream py(script);
        py << "import json, sys, openpyxl\n"
              "book = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
              "rows = []\n"
              "for sheet in book.worksheets:\n"
              "    for row in sheet.iter_rows():\n"
              "        out = []\n"
              "        for c in row:\n"
              "            v = c.value\n"
              "            if hasattr(v, 'strftime'): v = v.strftime('%Y-%m-%d')\n"
              "            out.append([v, c.data_type])\n"
              "        rows.append(out)\n"
              "json.dump({'sheets': [s.title for s in book.worksheets], 'rows': rows},\n"
              "          open(sys.argv[2], 'w'))\n";
    }
    const std::string out = test::tempPath("cells.json");
    // Debian's Python, which python3-openpyxl is installed for (whatever else PATH names).
    const std::string command = "/usr/bin/python3 '" + script + "' '" + path + "' '" + out + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    auto cells = parseJson(test::readWholeFile(out));
    REQUIRE(cells);
    return std::move(cells.value());
}

int fileMode(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return static_cast<int>(st.st_mode & 0777);
}

}  // namespace

TEMPLATE_TEST_CASE("export: verified members as CSV, in the form's columns, formulas inert",
                   "[hub][office]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "export_csv.db");
    auto hub = openHub(db);
    registerAll(*hub);
    const std::string path = test::tempPath("members.csv");
    {  // a file already there, readable by all, is replaced by a private one
        std::ofstream old(path);
        old << "old";
    }
    ::chmod(path.c_str(), 0644);

    auto summary = exportTo(*hub, {}, ExportFormat::csv, path);
    REQUIRE(summary);
    CHECK(summary->rows == 2);
    CHECK(fileMode(path) == 0600);
    const std::string text = test::readWholeFile(path);
    CHECK(summary->bytes == static_cast<std::int64_t>(text.size()));
    CHECK(text.find("\r\n") != std::string::npos);
    const auto rows = csvOf(path);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == header());
    REQUIRE(header().size() == 17);
    CHECK(header()[0] == "NIK");
    CHECK(header()[1] == "No. KK");
    CHECK(header()[10] == "Desa/Kelurahan");
    CHECK(header()[15] == "No. HP");
    CHECK(header()[16] == "Faskes Tingkat I");
    // Oldest registration first: Budi, then Adi. Siti is not verified.
    CHECK(rows[1] == std::vector<std::string>{
                         kBudi, kKk, "'=HYPERLINK(\"http://x\",\"Budi\")", "1980-05-15", "L",
                         "Kepala Keluarga", "'-Jl. Merdeka, No. 12", "002", "001", "18.06.01.2016",
                         "Negeri Ratu", "Kota Agung", "Kabupaten Tanggamus", "3", "PBPU",
                         "081234567890", "Puskesmas Kota Agung"});
    CHECK(rows[2][0] == kAdi);
    CHECK(rows[2][2] == "Adi");
    CHECK(rows[2][5] == "Anak");
    CHECK(rows[2][10] == "Kalibening");
    CHECK(rows[2][11] == "Talang Padang");
    CHECK(rows[2][14] == "PBI-APBD");
    CHECK(rows[2][15] == "'+1 555 0100");  // a foreign number stays, made inert
    CHECK(rows[2][16].empty());

    // The export is in the audit log, without personal data.
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND target = "
                      "'csv' AND username = 'rina' AND staff_id = 1 AND detail LIKE "
                      "'%\"rows\":2%'") == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%" + std::string(kBudi) +
                      "%'") == 0);
}

TEMPLATE_TEST_CASE("export: the queue's filters choose the rows", "[hub][office]", SQLite,
                   PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "export_filter.db");
    auto hub = openHub(db);
    const Registered r = registerAll(*hub);
    const std::string path = test::tempPath("filtered.csv");
    auto count = [&](const QueueFilter& filter) {
        auto summary = exportTo(*hub, filter, ExportFormat::csv, path);
        REQUIRE(summary);
        CHECK(csvOf(path).size() == static_cast<size_t>(summary->rows) + 1);
        return summary->rows;
    };
    auto firstRow = [&] {
        auto rows = csvOf(path);
        REQUIRE(rows.size() >= 2);
        return rows[1];
    };
    CHECK(count({}) == 2);
    QueueFilter f;
    f.kecamatan = "18.06.01";
    CHECK(count(f) == 1);
    CHECK(firstRow()[0] == kBudi);
    f = {};
    f.village = "18.06.02.2012";
    CHECK(count(f) == 1);
    CHECK(firstRow()[0] == kAdi);
    f = {};
    f.device_id = r.tablet;
    CHECK(count(f) == 1);
    f = {};
    f.segment = "PBI-APBD";
    CHECK(count(f) == 1);
    f = {};
    f.from_day = "2026-11-19";
    CHECK(count(f) == 0);
    f = {};
    f.to_day = "2026-11-18";
    CHECK(count(f) == 2);
    f = {};
    f.states = {OfficeState::fresh};
    CHECK(count(f) == 1);  // Siti
    CHECK(firstRow()[0] == kSiti);
    CHECK(firstRow()[15] == "081298765432");  // +62 in the national form, as text
    f = {};
    f.states = {OfficeState::verified, OfficeState::fresh};
    CHECK(count(f) == 3);
    f = {};
    f.check = "none";
    const auto none = count(f);
    f.check = "any";
    const auto any = count(f);
    CHECK(none + any == 2);
    f.check = "nik_region";
    CHECK(count(f) <= any);
    f.check = "bogus";
    CHECK_ERROR_CODE(exportTo(*hub, f, ExportFormat::csv, path), "bad_filter");
    f.check = "nik%";
    CHECK_ERROR_CODE(exportTo(*hub, f, ExportFormat::csv, path), "bad_filter");
}

TEMPLATE_TEST_CASE("export: the XLSX opens in openpyxl with texts as text", "[hub][office]", SQLite,
                   PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "export_xlsx.db");
    auto hub = openHub(db);
    registerAll(*hub);
    const std::string path = test::tempPath("members.xlsx");
    auto summary = exportTo(*hub, {}, ExportFormat::xlsx, path);
    REQUIRE(summary);
    CHECK(summary->rows == 2);
    CHECK(fileMode(path) == 0600);
    const Json book = xlsxCells(path);
    CHECK(book["sheets"] == Json::array({"Peserta"}));
    const Json& rows = book["rows"];
    REQUIRE(rows.size() == 3);
    for (size_t c = 0; c < header().size(); ++c) CHECK(rows[0][c][0] == header()[c]);
    const Json& budi = rows[1];
    CHECK(budi[0] == Json::array({kBudi, "s"}));  // all 16 digits, as text
    CHECK(budi[1] == Json::array({kKk, "s"}));
    CHECK(budi[2] == Json::array({"'=HYPERLINK(\"http://x\",\"Budi\")", "s"}));
    CHECK(budi[3] == Json::array({"1980-05-15", "d"}));
    CHECK(budi[6] == Json::array({"'-Jl. Merdeka, No. 12", "s"}));
    CHECK(budi[7] == Json::array({"002", "s"}));
    CHECK(budi[10] == Json::array({"Negeri Ratu", "s"}));
    CHECK(budi[13] == Json::array({3, "n"}));
    CHECK(budi[15] == Json::array({"081234567890", "s"}));  // its leading zero kept
    CHECK(budi[16] == Json::array({"Puskesmas Kota Agung", "s"}));
    CHECK(rows[2][15] == Json::array({"'+1 555 0100", "s"}));
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND target = "
                      "'xlsx'") == 1);
}

TEMPLATE_TEST_CASE("export: a file that cannot be written is an error, and nothing is audited",
                   "[hub][office]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "export_fail.db");
    auto hub = openHub(db);
    registerAll(*hub);
    const std::string dir = test::tempPath("no-such-dir");
    CHECK_ERROR_CODE(exportTo(*hub, {}, ExportFormat::csv, dir + "/x.csv"), "export_write");
    CHECK_ERROR_CODE(exportTo(*hub, {}, ExportFormat::xlsx, dir + "/x.xlsx"), "export_write");
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'export'") == 0);
}

TEST_CASE("export: formula prefixes and CSV quoting", "[hub][office]") {
    CHECK(neutraliseFormula("=1+1") == "'=1+1");
    CHECK(neutraliseFormula("+62812") == "'+62812");
    CHECK(neutraliseFormula("-") == "'-");
    CHECK(neutraliseFormula("@SUM(A1)") == "'@SUM(A1)");
    CHECK(neutraliseFormula("\t=1") == "'\t=1");
    CHECK(neutraliseFormula("\r=1") == "'\r=1");
    CHECK(neutraliseFormula("Budi = 1") == "Budi = 1");
    CHECK(neutraliseFormula("") == "");
    CHECK(neutraliseFormula("0812") == "0812");
    CHECK(csvCell("a,b") == "\"a,b\"");
    CHECK(csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvCell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
    CHECK(csvCell("=a,b") == "\"'=a,b\"");
    CHECK(csvCell("line\nbreak") == "\"line\nbreak\"");
    CHECK(parseExportFormat("xlsx") == ExportFormat::xlsx);
    CHECK_FALSE(parseExportFormat("XLS"));
}
