// The citizen kiosk end to end over loopback (issue 6), through the real binaries on each hub
// backend: a volunteer's tablet registers a household and syncs; the office makes kiosk
// tokens, enrols kiosks with `pekon enrol`, imports its decisions; a kiosk syncs and answers
// `pekon status` offline, by NIK and KK number or by receipt and birth date (never by NIK and
// birth date: a NIK holds the birth date, issue 12), from a table that holds no NIK and no name.
#include <catch2/catch.hpp>
#include <string>

#include "app/run_cli.hpp"
#include "codec/json.hpp"
#include "proto/kiosk_lookup.hpp"
#include "proto/signature.hpp"
#include "sqlite/sqlite.hpp"
#include "store/kiosk_status.hpp"
#include "support/fixtures.hpp"
#include "support/postgres_test_db.hpp"
#include "support/running_hub.hpp"
#include "support/sample_household.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

// tests/data/household_valid.json: Negeri Ratu (18.06.01.2016), kecamatan Kota Agung.
struct Person {
    const char* nik;
    const char* birth;
    const char* given;
    const char* family;
};
constexpr Person kBudi{sample::kHeadNik, "1980-05-15", "Budi", "Santoso"};
constexpr Person kSiti{sample::kSpouseNik, "1985-08-22", "Siti", "Aminah"};
constexpr Person kAhmad{sample::kChildNik, "2010-01-01", "Ahmad", "Rizki"};
constexpr const char* kKk = sample::kKk;        // their family card
constexpr const char* kOtherKk = "1806011203150008";  // a valid KK number, not theirs

// A kiosk token for `area` from `pekon-hub token create --kiosk`: its enrolment URI.
std::string kioskUri(const std::string& hub_db, const std::string& hub_url,
                     const std::string& area) {
    const FinishedRun run = runHubCommand(
        {"token", "create", "--db", hubDbArgument(hub_db), "--hub-url", hub_url, "--kiosk", area});
    REQUIRE(run.exit_code == 0);
    REQUIRE(run.lines.size() == 2);
    return run.lines[1];
}

Json status(const std::string& kiosk_db, const char* nik, const char* kk = kKk) {
    return ranOk(with({"status", "--nik", nik, "--kk", kk}, kiosk_db));
}

// The district key the kiosk holds.
KioskKey kioskKeyOf(const std::string& kiosk_db) {
    auto db = sql::Connection::open(kiosk_db, true);
    REQUIRE(db);
    auto text = db->queryText("SELECT value FROM settings WHERE key = 'kiosk.key'");
    REQUIRE(text);
    auto secret = sync::decodeSecret(*text);
    REQUIRE(secret);
    KioskKey key;
    key.bytes = secret->bytes;
    return key;
}

// The lookup of NIK and birth date, as kiosks answered by before issue 12.
std::string byBirth(const KioskKey& key, const Person& p) {
    return slowKeyedHash(key, std::string(p.nik) + "|" + p.birth).value();
}

std::int64_t rowsUnder(const std::string& kiosk_db, const std::string& lookup) {
    auto db = sql::Connection::open(kiosk_db, true);
    REQUIRE(db);
    return db->queryInt("SELECT COUNT(*) FROM kiosk_status WHERE lookup = '" + lookup + "'")
        .value();
}

// The database file and its write-ahead log, as bytes.
std::string databaseBytes(const std::string& db) {
    std::string bytes = readWholeFile(db);
    if (FILE* wal = std::fopen((db + "-wal").c_str(), "rb")) {
        std::fclose(wal);
        bytes += readWholeFile(db + "-wal");
    }
    return bytes;
}

}  // namespace

TEMPLATE_TEST_CASE(
    "kiosk end to end: the office's decisions reach the kiosk of the area, which "
    "answers by NIK and KK number, never by NIK and birth date, and holds none of them",
    "[kiosk_e2e]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, hub_db_holder, "kiosk_e2e_hub.db");
    const std::string hub_db = hub_db_holder.url();
    const std::string tablet = tempPath("kiosk_e2e_tablet.db");
    const std::string kiosk = tempPath("kiosk_e2e_kiosk.db");
    const std::string other_kiosk = tempPath("kiosk_e2e_other.db");
    const std::string late_kiosk = tempPath("kiosk_e2e_late.db");
    RunningHub hub(hub_db);

    // The volunteer's tablet registers the household and syncs it.
    ranOk(with({"enrol", newEnrolmentUri(hub_db, hub.url()), "--name", "tablet 1"}, tablet));
    const CliRun added =
        runCli(with({"household", "add", "--format", "json", "--json",
                   std::string(PEKON_SOURCE_DIR) + "/tests/data/household_valid.json"},
                  tablet));
    INFO(added.describe());
    REQUIRE(added.exit_code == 0);
    // The receipt the volunteer hands over carries this id (pekon://receipt?id=...).
    const std::string receipt = parseJson(added.out).value()["saved"][0]["household_id"];
    CHECK(ranOk(with({"sync"}, tablet))["accepted"].get<int>() >= 4);

    // Kiosks for Kota Agung (the household's kecamatan) and for Talang Padang.
    const Json enrolled =
        ranOk(with({"enrol", kioskUri(hub_db, hub.url(), "18.06.01"), "--name", "kiosk"}, kiosk));
    CHECK(enrolled["kiosk_area"] == "18.06.01");
    ranOk(with({"enrol", kioskUri(hub_db, hub.url(), "18.06.02"), "--name", "kiosk 2"}, other_kiosk));

    const StatusImportRun imported =
        importStatuses(hub_db,
                       "nik,birth_date,status,card_number,class,faskes,date\n"
                       "1806011505800001,1980-05-15,paid,,3,Puskesmas Kota Agung,2026-12-01\n"
                       "1806016208850002,1985-08-22,card_issued,0001234567890,3,"
                       "Puskesmas Kota Agung,2026-12-03\n");
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.summary["kiosk_queued"] == 2);
    // The running hub drains the same queue and may apply the rows before the command does:
    // the command's own counts are anything up to 2, and the queue is empty when it ends.
    CHECK(imported.summary["kiosk_entries"].get<int>() <= 2);
    CHECK(imported.summary["kiosk_changes"].get<int>() <= 2);
    CHECK(imported.summary["kiosk_queue_empty"] == true);

    CHECK(ranOk(with({"sync"}, kiosk))["pulled"] == 2);
    CHECK(ranOk(with({"sync"}, other_kiosk))["pulled"] == 0);
    CHECK(ranOk(with({"sync"}, tablet))["pulled"] == 2);  // its members' own statuses

    const Json budi = status(kiosk, kBudi.nik);
    CHECK(budi["found"] == true);
    CHECK(budi["status"] == "paid");
    CHECK(budi["class"] == 3);
    CHECK(budi["faskes"] == "Puskesmas Kota Agung");
    CHECK(budi["card_eta"] == "2026-12-15");
    CHECK(budi["card_number_masked"] == "");
    CHECK(budi["name_masked"] == "B*** S******");
    CHECK(budi["as_of"] == "2026-12-01T00:00:00Z");
    const Json siti = status(kiosk, kSiti.nik);
    CHECK(siti["found"] == true);
    CHECK(siti["status"] == "card_issued");
    CHECK(siti["class"] == 3);
    CHECK(siti["faskes"] == "Puskesmas Kota Agung");
    CHECK(siti["card_number_masked"] == "*********7890");
    CHECK(siti["card_eta"] == "2026-12-10");
    CHECK(siti["name_masked"] == "S*** A*****");
    // The receipt and the birth date find each member of the household too.
    const Json by_receipt =
        ranOk(with({"status", "--receipt", receipt, "--birth-date", kSiti.birth}, kiosk));
    CHECK(by_receipt["found"] == true);
    CHECK(by_receipt["status"] == "card_issued");
    CHECK(by_receipt["name_masked"] == "S*** A*****");
    CHECK(ranOk(with({"status", "--receipt", receipt, "--birth-date", kBudi.birth},
                   kiosk))["status"] == "paid");
    CHECK(ranOk(with({"status", "--receipt", receipt, "--birth-date", "1980-05-16"}, kiosk)) ==
          Json{{"found", false}});
    // The wrong KK number, and a member with no decision yet: not found.
    CHECK(status(kiosk, kBudi.nik, kOtherKk) == Json{{"found", false}});
    CHECK(status(kiosk, kAhmad.nik) == Json{{"found", false}});
    // The right NIK and birth date only (all a KTP photocopy gives): no way in. The command
    // has no such path, the NIK is no receipt, and the table has no row under that lookup.
    for (const Person& p : {kBudi, kSiti}) {
        CHECK(runCli(with({"status", "--nik", p.nik, "--birth-date", p.birth}, kiosk)).exit_code ==
              2);
        CHECK(runCli(with({"status", "--receipt", p.nik, "--birth-date", p.birth}, kiosk))
                  .exit_code == 1);
        CHECK(rowsUnder(kiosk, byBirth(kioskKeyOf(kiosk), p)) == 0);
    }
    // Another kecamatan's kiosk does not have them; the tablet is no kiosk at all.
    CHECK(status(other_kiosk, kBudi.nik) == Json{{"found", false}});
    CHECK(runCli(with({"status", "--nik", kBudi.nik, "--kk", kKk}, tablet)).exit_code == 1);

    // A kiosk enrolled after the import gets the table of its area (the whole regency here).
    ranOk(with({"enrol", kioskUri(hub_db, hub.url(), "18.06"), "--name", "kiosk Dinas"}, late_kiosk));
    CHECK(ranOk(with({"sync"}, late_kiosk))["pulled"] == 2);
    CHECK(status(late_kiosk, kSiti.nik)["status"] == "card_issued");
    CHECK(ranOk(with({"status", "--receipt", receipt, "--birth-date", kBudi.birth},
                   late_kiosk))["status"] == "paid");

    // No NIK, no name, no birth date and no KK number in the kiosks' files, in plain text.
    for (const std::string& db : {kiosk, late_kiosk}) {
        const std::string bytes = databaseBytes(db);
        REQUIRE(bytes.size() > 0);
        for (const Person& p : {kBudi, kSiti, kAhmad}) {
            INFO(db << " " << p.given);
            CHECK(bytes.find(p.nik) == std::string::npos);
            CHECK(bytes.find(p.given) == std::string::npos);
            CHECK(bytes.find(p.family) == std::string::npos);
            CHECK(bytes.find(p.birth) == std::string::npos);
        }
        CHECK(bytes.find("0001234567890") == std::string::npos);  // nor the card number
        CHECK(bytes.find(kKk) == std::string::npos);
    }

    // A kiosk upgraded from before issue 12: its table and log still hold a row by NIK and
    // birth date (as an older pekon made them from an older hub's kiosk.status). Opened by
    // this pekon, it no longer answers by them, and the old lookup is gone from its file.
    const std::string legacy = byBirth(kioskKeyOf(kiosk), kBudi);
    {
        auto db = sql::Connection::open(kiosk, false);
        REQUIRE(db);
        const std::string data =
            R"({"lookup":")" + legacy +
            R"(","status":"paid","class":3,"faskes":"Puskesmas Kota Agung","card_eta":"",)"
            R"("card_number_masked":"","name_masked":"B*** S******","as_of":"2026-11-01T00:00:00Z"})";
        REQUIRE(db->exec("INSERT INTO events (id, type, at, actor, data, origin, sync_state) "
                         "VALUES ('0192f0c4-0000-7000-8000-000000000001', 'kiosk.status', "
                         "'2026-11-01T01:00:00Z', 'hub', '" +
                             data +
                             "', 'hub', 'accepted');"
                             "INSERT INTO kiosk_status (lookup, status, class, as_of) VALUES ('" +
                             legacy + "', 'paid', 3, '2026-11-01T00:00:00Z');"
                             // What versions 10 (issue 14) and 11 (issue 15) added is not
                             // there yet either.
                             "DROP TABLE complaint_answers;"
                             "DROP INDEX members_needs_correction;"
                             "ALTER TABLE members DROP COLUMN office_decision;"
                             "ALTER TABLE members DROP COLUMN office_reason;"
                             "ALTER TABLE members DROP COLUMN office_note;"
                             // Nor what version 12 (issue 16) added.
                             "DROP TABLE event_seals;"
                             "DROP INDEX members_nik_index;"
                             "DROP INDEX households_kk_index;"
                             "DROP INDEX session_attendees_nik;"
                             "ALTER TABLE users DROP COLUMN data_key;"
                             "ALTER TABLE members DROP COLUMN nik_index;"
                             "ALTER TABLE households DROP COLUMN kk_index;"
                             "ALTER TABLE session_attendees DROP COLUMN nik_index;"
                             "CREATE INDEX members_nik ON members (nik);"
                             "CREATE INDEX members_name ON members (name_key);"
                             "CREATE INDEX households_kk ON households (kk_number);"
                             "CREATE UNIQUE INDEX session_attendees_nik ON session_attendees "
                             "(session_key, nik) WHERE nik <> '';"
                             "PRAGMA user_version = 8;",
                         "a kiosk of an older pekon"));
    }
    REQUIRE(rowsUnder(kiosk, legacy) == 1);
    CHECK(status(kiosk, kBudi.nik)["status"] == "paid");  // opened: migrated
    CHECK(rowsUnder(kiosk, legacy) == 0);
    CHECK(databaseBytes(kiosk).find(legacy) == std::string::npos);
    // What it was sent since issue 12 still answers, rebuilt from its log.
    CHECK(status(kiosk, kSiti.nik)["status"] == "card_issued");
    CHECK(ranOk(with({"status", "--receipt", receipt, "--birth-date", kSiti.birth}, kiosk))["found"] ==
          true);
    CHECK(hub.stop() == 0);
}
