// Citizen kiosks at the hub (issue 6), through the HubStore interface on each backend: kiosk
// tokens and devices, the district kiosk key, the card-status entries a status import makes
// and sends to the kiosks of each person's area, a late kiosk's whole table; and
// `pekon-hub token create --kiosk`.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "codec/json.hpp"
#include "hub/hub_ops.hpp"
#include "hub/hub_store.hpp"
#include "hub/hub_store_fixtures.hpp"
#include "hub/hub_plan.hpp"
#include "hub/hub_schema.hpp"
#include "platform/clock.hpp"
#include "proto/kiosk_lookup.hpp"
#include "support/check_error.hpp"
#include "support/fixtures.hpp"
#include "support/postgres_test_db.hpp"
#include "support/running_hub.hpp"
#include "support/sample_household.hpp"
#include "vault/secret_key.hpp"

using namespace pekon;
using namespace pekon::hub;
using test::batch;
using test::openHub;
using test::PostgreSQL;
using test::SQLite;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

// Two households of Tanggamus registered by one volunteer's tablet: Budi in Negeri Ratu
// (kecamatan Kota Agung, 18.06.01), Siti in kecamatan Talang Padang (18.06.02).
constexpr const char* kBudi = test::sample::kHeadNik;  // born 1980-05-15
constexpr const char* kSiti = "1806026208850002";  // born 1985-08-22
// Someone the hub never saw registered, with a NIK issued in Tanggamus.
constexpr const char* kStranger = "1806034101900009";  // born 1990-01-01

Enrolment enrolWith(HubStore& hub, const std::string& kiosk_area, const std::string& name) {
    auto token = hub.createToken("test", kNow, 3600, kiosk_area);
    REQUIRE(token);
    auto e = hub.enrol(token->token, name, kNow);
    REQUIRE(e);
    return std::move(e.value());
}

std::string householdEvent(const std::string& id, const std::string& household_id,
                           const std::string& village) {
    return R"({"id":")" + id +
           R"(","seq":1,"type":"household.registered","at":"2026-11-22T08:00:00Z","actor":"u1","data":{"household_id":")" +
           household_id + R"(","kk_number":"1806011203150007","village_code":")" + village +
           R"(","address":"Jl. Merdeka No. 12","rt":"002","rw":"001"}})";
}

std::string memberEvent(const std::string& id, const std::string& member_id,
                        const std::string& household_id, const std::string& nik,
                        const std::string& name, const std::string& birth) {
    return R"({"id":")" + id +
           R"(","seq":2,"type":"member.registered","at":"2026-11-22T08:15:00Z","actor":"u1","data":{"member_id":")" +
           member_id + R"(","household_id":")" + household_id + R"(","nik":")" + nik +
           R"(","name":")" + name + R"(","birth_date":")" + birth +
           R"(","sex":"M","relation":"head","segment":"PBPU","class":3}})";
}

// Budi's and Siti's households, pushed by `device`.
void registerBoth(HubStore& hub, const std::string& device) {
    auto answer =
        hub.push(device,
                 batch({householdEvent("eh1", "h1", "18.06.01.2016"),
                        memberEvent("em1", "m1", "h1", kBudi, "Budi Santoso", "1980-05-15"),
                        householdEvent("eh2", "h2", "18.06.02.2001"),
                        memberEvent("em2", "m2", "h2", kSiti, "Siti Aminah", "1985-08-22")}),
                 kNow);
    REQUIRE(answer);
    REQUIRE(answer->accepted.size() == 4);
}

// An import as `pekon-hub status import` makes it: the rows queued for the kiosks' table in
// the import's transaction, then the queue drained (what it did to the kiosks' table).
struct Imported : StatusImportSummary {
    int kiosk_entries = 0;
    int kiosk_changes = 0;
};
Imported import(HubStore& hub, const std::string& rows) {
    auto parsed = parseStatusCsv("nik,birth_date,status,card_number,class,faskes,date\n" + rows);
    REQUIRE(parsed);
    REQUIRE(parsed->problems.empty());
    auto summary = hub.importStatuses(parsed->rows, kNow);
    REQUIRE(summary);
    CHECK(summary->kiosk_queued == static_cast<int>(parsed->rows.size()));
    auto drained = drainKioskQueue(hub.db(), kNow);
    REQUIRE(drained);
    CHECK(drained->rows == summary->kiosk_queued);
    CHECK_FALSE(drained->more);
    Imported out;
    static_cast<StatusImportSummary&>(out) = *summary;
    out.kiosk_entries = drained->entries;
    out.kiosk_changes = drained->changes;
    return out;
}

std::vector<Change> changesOf(HubStore& hub, const std::string& device) {
    auto changes = hub.changes(device, 0, 1000);
    REQUIRE(changes);
    return std::move(changes.value());
}

// The kiosk.status entries a device has been sent, by lookup (the last one wins, as on the
// kiosk), after checking that no change it has holds a NIK.
std::map<std::string, KioskEntry> kioskTable(HubStore& hub, const std::string& device) {
    std::map<std::string, KioskEntry> table;
    for (const Change& c : changesOf(hub, device)) {
        for (const char* nik : {kBudi, kSiti, kStranger})
            CHECK(c.data.find(nik) == std::string::npos);
        if (c.type != "kiosk.status") continue;
        auto data = parseJson(c.data);
        REQUIRE(data);
        auto entry = parseKioskEntry(*data);
        REQUIRE(entry);
        table[entry->lookup] = *entry;
    }
    return table;
}

int kioskChanges(HubStore& hub, const std::string& device) {
    int n = 0;
    for (const Change& c : changesOf(hub, device)) n += c.type == "kiosk.status";
    return n;
}

KioskKey keyOf(const Enrolment& e) {
    REQUIRE(e.kiosk);
    KioskKey key;
    key.bytes = e.kiosk->key.bytes;
    return key;
}

// Both households' family card (householdEvent).
constexpr const char* kKk = test::sample::kKk;

// A person's row by NIK and KK number.
std::string kkOf(const KioskKey& key, const char* nik) {
    auto lookup = kkLookupKey(key, nik, kKk);
    REQUIRE(lookup);
    return *lookup;
}

std::string receiptOf(const KioskKey& key, const char* household_id, const Date& birth) {
    auto lookup = receiptLookupKey(key, household_id, birth);
    REQUIRE(lookup);
    return *lookup;
}

}  // namespace

TEMPLATE_TEST_CASE("hub kiosk: a kiosk token enrols a kiosk of its area with the district key",
                   "[hub_kiosk]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_kiosk_enrol.db");
    KioskKey first_key;
    std::string kiosk_id;
    {
        auto hub = openHub(db);
        const Enrolment tablet = enrolWith(*hub, "", "tablet");
        CHECK_FALSE(tablet.kiosk);
        CHECK(db.queryInt("SELECT COUNT(*) FROM hub_secrets") == 0);  // made at its first use

        const Enrolment kiosk = enrolWith(*hub, "18.06.01", "kiosk Kota Agung");
        REQUIRE(kiosk.kiosk);
        CHECK(kiosk.kiosk->area == "18.06.01");
        CHECK(kiosk.kiosk->key != kiosk.secret);
        first_key = keyOf(kiosk);
        kiosk_id = kiosk.device_id;

        auto device = hub->device(kiosk.device_id);
        REQUIRE(device);
        REQUIRE(device->has_value());
        CHECK((*device)->kiosk_area == "18.06.01");
        CHECK(hub->device(tablet.device_id)->value().kiosk_area.empty());
        auto listed = hub->devices();
        REQUIRE(listed);
        REQUIRE(listed->size() == 2);
        for (const Device& d : *listed)
            CHECK(d.kiosk_area == (d.id == kiosk.device_id ? "18.06.01" : ""));
        // A kiosk with nothing imported yet has nothing to pull.
        CHECK(changesOf(*hub, kiosk.device_id).empty());
    }
    // The key is the database's: the same for every kiosk, after reopening too.
    auto hub = openHub(db);
    const Enrolment regency = enrolWith(*hub, "18.06", "kiosk Dinas");
    CHECK(keyOf(regency).bytes == first_key.bytes);
    CHECK(regency.kiosk->area == "18.06");
    CHECK(db.queryInt("SELECT COUNT(*) FROM hub_secrets") == 1);
    // A kiosk token works once, like any other.
    auto token = hub->createToken("kiosk", kNow, 3600, "18.06.02");
    REQUIRE(token);
    REQUIRE(hub->enrol(token->token, "kiosk", kNow));
    CHECK_ERROR_CODE(hub->enrol(token->token, "kiosk again", kNow), "bad_token");
}

TEMPLATE_TEST_CASE(
    "hub kiosk: an import sends each person's entry to the kiosks of their area, and to no "
    "other device",
    "[hub_kiosk]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_kiosk_import.db");
    auto hub = openHub(db);
    const std::string tablet = enrolWith(*hub, "", "tablet").device_id;
    const Enrolment kota_agung = enrolWith(*hub, "18.06.01", "kiosk Kota Agung");
    const Enrolment talang_padang = enrolWith(*hub, "18.06.02", "kiosk Talang Padang");
    const Enrolment regency = enrolWith(*hub, "18.06", "kiosk Dinas");
    const Enrolment revoked = enrolWith(*hub, "18.06.01", "kiosk stolen");
    const Enrolment elsewhere = enrolWith(*hub, "18.07", "kiosk elsewhere");
    REQUIRE(hub->revoke(revoked.device_id, kNow));
    registerBoth(*hub, tablet);

    const Imported summary = import(
        *hub, std::string(kBudi) + ",1980-05-15,paid,,3,Puskesmas Kota Agung,2026-12-01\n" + kSiti +
                  ",1985-08-22,card_issued,0001234567890,2,Puskesmas Talang Padang,2026-12-03\n" +
                  kStranger + ",1990-01-01,verified,,,,2026-12-02\n");
    CHECK(summary.imported == 3);
    CHECK(summary.changes == 2);  // the tablet's two registrations
    CHECK(summary.unmatched == 1);
    CHECK(summary.kiosk_entries == 3);
    // Kota Agung 1, Talang Padang 1, the regency 2: the stranger's entry goes nowhere, since
    // the hub knows neither a KK number nor a receipt of theirs and a NIK alone finds nothing.
    CHECK(summary.kiosk_changes == 4);

    // The tablet hears about its own registrations only, never a kiosk.status.
    std::vector<std::string> tablet_types;
    for (const Change& c : changesOf(*hub, tablet)) tablet_types.push_back(c.type);
    CHECK(tablet_types == std::vector<std::string>{"payment.confirmed", "card.issued"});

    const KioskKey key = keyOf(kota_agung);
    const std::string budi = kkOf(key, kBudi);
    const std::string siti = kkOf(key, kSiti);

    const auto kota = kioskTable(*hub, kota_agung.device_id);
    REQUIRE(kota.size() == 1);
    REQUIRE(kota.count(budi));
    const KioskEntry& b = kota.at(budi);
    CHECK(b.status == "paid");
    CHECK(b.care_class == 3);
    CHECK(b.faskes == "Puskesmas Kota Agung");
    CHECK(b.card_eta == "2026-12-15");  // paid + 14 days
    CHECK(b.card_number_masked.empty());
    CHECK(b.name_masked == "B*** S******");
    CHECK(b.as_of == "2026-12-01T00:00:00Z");
    // Found by NIK and KK number, and by the registration receipt (its id is the household's)
    // and birth date; never by NIK and birth date.
    CHECK(b.kk_lookup == budi);
    CHECK(b.receipt_lookup == receiptOf(key, "h1", Date{1980, 5, 15}));
    CHECK(b.lookup != slowKeyedHash(key, std::string(kBudi) + "|1980-05-15").value());

    const auto talang = kioskTable(*hub, talang_padang.device_id);
    REQUIRE(talang.size() == 1);
    REQUIRE(talang.count(siti));
    const KioskEntry& s = talang.at(siti);
    CHECK(s.status == "card_issued");
    CHECK(s.care_class == 2);
    CHECK(s.card_eta == "2026-12-10");  // issued + 7 days for delivery
    CHECK(s.card_number_masked == "*********7890");
    CHECK(s.name_masked == "S*** A*****");

    // The regency's kiosk has both registered people; the stranger reaches no kiosk.
    const auto whole = kioskTable(*hub, regency.device_id);
    CHECK(whole.size() == 2);
    CHECK(whole.at(siti).receipt_lookup == receiptOf(key, "h2", Date{1985, 8, 22}));
    CHECK(whole.at(budi).name_masked == b.name_masked);

    CHECK(changesOf(*hub, revoked.device_id).empty());
    CHECK(changesOf(*hub, elsewhere.device_id).empty());
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries") == 3);
}

TEMPLATE_TEST_CASE(
    "hub kiosk: a later decision replaces a person's entry, an older one changes nothing",
    "[hub_kiosk]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_kiosk_order.db");
    auto hub = openHub(db);
    const std::string tablet = enrolWith(*hub, "", "tablet").device_id;
    const Enrolment kiosk = enrolWith(*hub, "18.06.01", "kiosk");
    registerBoth(*hub, tablet);
    const std::string budi = kkOf(keyOf(kiosk), kBudi);

    // Two rows of one file for one person: one entry, one change, the later decision.
    Imported first = import(
        *hub, std::string(kBudi) + ",1980-05-15,verified,,3,Puskesmas Kota Agung,2026-11-25\n" +
                  kBudi + ",1980-05-15,paid,,,,2026-12-01\n");
    CHECK(first.kiosk_entries == 1);
    CHECK(first.kiosk_changes == 1);
    auto table = kioskTable(*hub, kiosk.device_id);
    CHECK(table.at(budi).status == "paid");
    // What the later row leaves empty, the entry keeps.
    CHECK(table.at(budi).care_class == 3);
    CHECK(table.at(budi).faskes == "Puskesmas Kota Agung");

    // A card is issued later: a new entry.
    Imported second =
        import(*hub, std::string(kBudi) + ",1980-05-15,card_issued,0009876543210,,,2026-12-10\n");
    CHECK(second.kiosk_changes == 1);
    table = kioskTable(*hub, kiosk.device_id);
    CHECK(table.at(budi).status == "card_issued");
    CHECK(table.at(budi).card_number_masked == "*********3210");
    CHECK(table.at(budi).card_eta == "2026-12-17");
    CHECK(table.at(budi).faskes == "Puskesmas Kota Agung");
    // The same file again: the same entry, nothing to send.
    CHECK(import(*hub, std::string(kBudi) + ",1980-05-15,card_issued,0009876543210,,,2026-12-10\n")
              .kiosk_changes == 0);

    // Late news of an older decision: kept among the statuses, the kiosk entry stays.
    Imported late =
        import(*hub, std::string(kBudi) + ",1980-05-15,verified,,3,,2026-11-25\n");
    CHECK(late.imported == 1);
    CHECK(late.kiosk_entries == 0);
    CHECK(late.kiosk_changes == 0);
    CHECK(kioskChanges(*hub, kiosk.device_id) == 2);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries") == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM statuses") == 5);
}

TEMPLATE_TEST_CASE(
    "hub kiosk: a kiosk enrolled after the imports gets its area's table, a revoked one nothing "
    "more",
    "[hub_kiosk]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_kiosk_late.db");
    auto hub = openHub(db);
    const std::string tablet = enrolWith(*hub, "", "tablet").device_id;
    registerBoth(*hub, tablet);
    import(*hub, std::string(kBudi) + ",1980-05-15,paid,,3,Puskesmas Kota Agung,2026-12-01\n" +
                     kSiti + ",1985-08-22,verified,,3,,2026-12-01\n" + kStranger +
                     ",1990-01-01,verified,,,,2026-12-02\n");
    import(*hub, std::string(kBudi) + ",1980-05-15,card_issued,0001234567890,,,2026-12-09\n");

    // Enrolled only now: the latest entry of each person of its area, once.
    const Enrolment late = enrolWith(*hub, "18.06.01", "kiosk Kota Agung");
    const KioskKey key = keyOf(late);
    const std::string budi = kkOf(key, kBudi);
    CHECK(kioskChanges(*hub, late.device_id) == 1);
    const auto table = kioskTable(*hub, late.device_id);
    REQUIRE(table.count(budi));
    CHECK(table.at(budi).status == "card_issued");
    CHECK(table.at(budi).card_number_masked == "*********7890");
    CHECK(table.at(budi).name_masked == "B*** S******");
    const Enrolment regency = enrolWith(*hub, "18.06", "kiosk Dinas");
    CHECK(kioskChanges(*hub, regency.device_id) == 2);  // not the stranger's: no way to find it
    CHECK(kioskTable(*hub, regency.device_id).count(kkOf(key, kSiti)));
    // An ordinary device enrolled now gets nothing of it.
    CHECK(changesOf(*hub, enrolWith(*hub, "", "tablet 2").device_id).empty());

    // Revoked: the next decisions reach the other kiosk only.
    REQUIRE(hub->revoke(late.device_id, kNow));
    const auto before = changesOf(*hub, late.device_id).size();
    const Imported after =
        import(*hub, std::string(kBudi) + ",1980-05-15,card_delivered,,,,2026-12-15\n");
    CHECK(after.kiosk_changes == 1);  // the regency's kiosk
    CHECK(changesOf(*hub, late.device_id).size() == before);
    CHECK(kioskTable(*hub, regency.device_id).at(budi).status == "card_delivered");
    CHECK(kioskTable(*hub, regency.device_id).at(budi).card_eta.empty());
}

TEMPLATE_TEST_CASE(
    "hub kiosk: a version 1 database is migrated, and what it held feeds the kiosk table",
    "[hub_kiosk]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_kiosk_v1.db");
    // Schema version 1 exactly as an older pekon-hub made it, with one registration in it.
    const SqlDialect& dialect = db.postgres() ? kPostgresDialect : kSqliteDialect;
    db.exec(kSchemaVersionTable);
    REQUIRE(migrateSchema(0, dialect, [&](const SchemaStep& step) -> Status {
        if (step.version > 1) return {};
        db.exec(step.sql);
        db.exec("INSERT INTO hub_schema_version (version, applied_at) VALUES (1, 0)");
        return {};
    }));
    db.exec(
        "INSERT INTO devices (id, name, secret, enrolled_at) VALUES ('d1', 'tablet', "
        "'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 0)");
    db.exec(
        R"(INSERT INTO events (id, device_id, seq, type, at, content, content_hash, received_at) VALUES ('eh1', 'd1', 1, 'household.registered', '2026-11-22T08:00:00Z', '{"actor":"u1","at":"2026-11-22T08:00:00Z","data":{"household_id":"h1","village_code":"18.06.01.2016"},"id":"eh1","seq":1,"type":"household.registered"}', 'x', 0))");
    db.exec(
        R"(INSERT INTO events (id, device_id, seq, type, at, content, content_hash, received_at) VALUES ('em1', 'd1', 2, 'member.registered', '2026-11-22T08:00:00Z', '{"actor":"u1","at":"2026-11-22T08:00:00Z","data":{"birth_date":"1980-05-15","household_id":"h1","member_id":"m1","name":"Budi Santoso","nik":"1806011505800001"},"id":"em1","seq":2,"type":"member.registered"}', 'y', 0))");
    db.exec(
        "INSERT INTO members (member_id, household_id, device_id, nik, birth_date) VALUES ('m1', "
        "'h1', 'd1', '1806011505800001', '1980-05-15')");

    auto hub = openHub(db);
    CHECK(db.queryInt("SELECT MAX(version) FROM hub_schema_version") == kHubSchemaVersion);
    CHECK(hub->device("d1")->value().kiosk_area.empty());
    const Enrolment kiosk = enrolWith(*hub, "18.06.01", "kiosk");
    import(*hub, std::string(kBudi) + ",1980-05-15,verified,,3,,2026-12-01\n");
    const auto table = kioskTable(*hub, kiosk.device_id);
    // That household was registered without a KK number: its people are found by the receipt
    // and birth date only (`lookup` is the receipt lookup, for older kiosks).
    const std::string budi = receiptOf(keyOf(kiosk), "h1", Date{1980, 5, 15});
    REQUIRE(table.count(budi));
    CHECK(table.at(budi).kk_lookup.empty());
    CHECK(table.at(budi).receipt_lookup == budi);
    CHECK(table.at(budi).name_masked == "B*** S******");  // the name and the village were found
    CHECK(changesOf(*hub, "d1").size() == 1);             // the tablet's registration.verified
}

TEMPLATE_TEST_CASE("pekon-hub token create --kiosk checks the area and device list shows it",
                   "[hub_kiosk]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_kiosk_cli.db");
    auto tokenCreate = [&](const std::string& area) {
        return test::runHubCommand({"token", "create", "--db", db.url(), "--hub-url",
                                    "http://127.0.0.1:8080", "--kiosk", area});
    };
    for (const char* bad : {"18.6", "18.06.1", "18-06", "18.06.01.2016", "", "18.99", "18.06.99"}) {
        INFO(bad);
        const test::FinishedRun run = tokenCreate(bad);
        CHECK(run.exit_code == 1);
        CHECK(run.lines.empty());  // no token printed
    }
    CHECK(db.queryInt("SELECT COUNT(*) FROM tokens") == 0);

    const test::FinishedRun made = tokenCreate("18.06.01");
    REQUIRE(made.exit_code == 0);
    REQUIRE(made.lines.size() == 2);
    CHECK(made.lines[1].find("pekon://enrol?") == 0);
    {
        auto hub = openHub(db);
        const std::string token = made.lines[0];
        auto enrolled = hub->enrol(token, "kiosk", kNow);
        REQUIRE(enrolled);
        REQUIRE(enrolled->kiosk);
        CHECK(enrolled->kiosk->area == "18.06.01");
        // No command prints the district's key.
        const std::string key = sync::encodeSecret(enrolled->kiosk->key);
        for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
                 {"device", "list", "--db", db.url()}, {"stats", "--db", db.url()}})
            for (const std::string& line : test::runHubCommand(args).lines)
                CHECK(line.find(key) == std::string::npos);
    }
    CHECK(tokenCreate("18.06").exit_code == 0);  // the regency as a whole

    const test::FinishedRun list = test::runHubCommand({"device", "list", "--db", db.url()});
    REQUIRE(list.exit_code == 0);
    REQUIRE(list.lines.size() == 1);
    auto device = parseJson(list.lines[0]);
    REQUIRE(device);
    CHECK((*device)["kiosk_area"] == "18.06.01");
}

TEMPLATE_TEST_CASE("hub over HTTP: only a kiosk token's enrolment answer carries the kiosk",
                   "[hub_kiosk]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_kiosk_http.db");
    std::string ordinary, kiosk;
    {
        auto hub = openHub(db);
        ordinary = hub->createToken("tablet", platform::nowSeconds(), 3600)->token;
        kiosk = hub->createToken("kiosk", platform::nowSeconds(), 3600, "18.06.01")->token;
    }
    test::RunningHub hub(db.url());
    httplib::Client client("127.0.0.1", hub.port());
    auto enrol = [&](const std::string& token) {
        auto res = client.Post("/v1/devices/enrol", R"({"token":")" + token + R"(","name":"x"})",
                               "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 201);
        auto json = parseJson(res->body);
        REQUIRE(json);
        return *json;
    };
    const Json plain = enrol(ordinary);
    CHECK_FALSE(plain.contains("kiosk"));
    // device_id, secret, hub_time as before, and (issue 16) the hub's sealing key, the same
    // public key for every device.
    CHECK(plain.size() == 4);
    REQUIRE(plain["seal_key"].is_string());
    CHECK(vault::fromBase64(plain["seal_key"].get<std::string>())->size() == 32);
    const Json answer = enrol(kiosk);
    CHECK(answer["seal_key"] == plain["seal_key"]);
    REQUIRE(answer["kiosk"].is_object());
    CHECK(answer["kiosk"]["area"] == "18.06.01");
    auto key = sync::decodeSecret(answer["kiosk"]["key"].get<std::string>());
    REQUIRE(key);
    CHECK(answer["kiosk"]["key"] != answer["secret"]);
    CHECK(hub.stop() == 0);
    // The key handed out is the one the hub keys its entries with.
    auto store = openHub(db);
    auto again = store->createToken("kiosk", kNow, 3600, "18.06");
    REQUIRE(again);
    auto second = store->enrol(again->token, "kiosk 2", kNow);
    REQUIRE(second);
    CHECK(second->kiosk->key == *key);
}

TEMPLATE_TEST_CASE(
    "hub kiosk: entries kept before issue 12 (by NIK and birth date) are never sent to a kiosk",
    "[hub_kiosk]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_kiosk_legacy.db");
    auto hub = openHub(db);
    const std::string tablet = enrolWith(*hub, "", "tablet").device_id;
    registerBoth(*hub, tablet);
    import(*hub, std::string(kSiti) + ",1985-08-22,verified,,3,,2026-12-01\n");
    // Budi's entry as an older pekon-hub kept it: its lookup by NIK and birth date.
    db.exec(
        "INSERT INTO kiosk_entries (nik, birth_date, lookup, route, decided_on, data, updated_at) "
        "VALUES ('1806011505800001', '1980-05-15', '0123456789abcdef0123456789abcdef', "
        "'18.06.01.2016', '2026-12-01', "
        R"('{"as_of":"2026-12-01T00:00:00Z","card_eta":"","card_number_masked":"","faskes":"",)"
        R"("lookup":"0123456789abcdef0123456789abcdef","name_masked":"B*** S******",)"
        R"("status":"verified"}', 0))");
    const Enrolment late = enrolWith(*hub, "18.06", "kiosk Dinas");
    const auto table = kioskTable(*hub, late.device_id);
    CHECK(table.size() == 1);
    CHECK(table.count(kkOf(keyOf(late), kSiti)) == 1);
    CHECK(table.count("0123456789abcdef0123456789abcdef") == 0);
    // The next decision about Budi makes his entry anew, by NIK and KK number.
    const Imported next =
        import(*hub, std::string(kBudi) + ",1980-05-15,paid,,3,,2026-12-05\n");
    CHECK(next.kiosk_changes == 1);
    CHECK(kioskTable(*hub, late.device_id).at(kkOf(keyOf(late), kBudi)).status == "paid");
}
