// The dashboard over real HTTP, pekon-hub a real process on loopback, on each backend: every
// role reads it; the regency's coverage against its official population with the chart, a
// kecamatan opening its pekon, the printable report, the figures exported as CSV and XLSX
// (audited), malformed filters refused, English texts, and no NIK or name anywhere in it.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "codec/json.hpp"
#include "hub/dashboard.hpp"
#include "hub/hub_store.hpp"
#include "hub/office_read.hpp"
#include "proto/sync_json.hpp"
#include "support/fixtures.hpp"
#include "support/postgres_test_db.hpp"
#include "web_browser.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

const std::string kNik1 = "1806011505800001";
const std::string kNik2 = "1806015508820002";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string event(const std::string& id, int seq, const std::string& type, const Json& data) {
    return dumpJson(Json{{"id", id}, {"seq", seq}, {"type", type}, {"at", "2026-12-06T08:00:00Z"},
                         {"actor", "u1"}, {"data", data}});
}

// The month three months after now: a pregnant woman's expected delivery.
std::string dueMonth() { return formatIsoDate(dateOf(webNow() + 90 * 86400)).substr(0, 7); }

// One household of two in Negeri Ratu (Kota Agung), pushed a month ago; the head verified, his
// wife pregnant.
void seed(const std::string& url) {
    auto store = hub::openHubStore(url);
    REQUIRE(store);
    auto& hub = **store;
    const std::int64_t now = webNow();
    auto token = hub.createToken("test", now, 3600, "");
    REQUIRE(token);
    auto device = hub.enrol(token->token, "Tablet Relawan", now);
    REQUIRE(device);
    auto member = [](const std::string& id, const std::string& nik, const std::string& birth,
                     const std::string& sex, const std::string& relation) {
        return Json{{"member_id", id}, {"household_id", "h1"}, {"nik", nik},
                    {"name", "Siti Rahayu"}, {"birth_date", birth}, {"sex", sex},
                    {"relation", relation}, {"segment", "PBPU"}, {"class", 3}};
    };
    std::string body = R"({"events":[)" +
                       event("e1", 1, "household.registered",
                             Json{{"household_id", "h1"}, {"kk_number", "1806011203150007"},
                                  {"village_code", "18.06.01.2016"}, {"address", "Jl. Pekon"},
                                  {"rt", "001"}, {"rw", "002"}}) +
                       "," + event("e2", 2, "member.registered",
                                   member("m1", kNik1, "1980-05-15", "M", "head")) +
                       "," + event("e3", 3, "member.registered",
                                   [&] {
                                       Json m = member("m2", kNik2, "1982-08-15", "F", "spouse");
                                       m["pregnancy_due"] = dueMonth();
                                       return m;
                                   }()) +
                       "]}";
    auto events = parsePushRequest(body);
    REQUIRE(events);
    REQUIRE(hub.push(device->device_id, *events, now - 30 * 86400));
    hub.db();
    hub::DecisionRequest verified;
    verified.member_ids = {"m1"};
    verified.decision = hub::Decision::verified;
    verified.username = "seed";
    REQUIRE(hub::decide(hub.db(), verified, now - 27 * 86400));
    store->reset();
    addTeam(url);
}

// `pekon-hub population import` of `csv`: its exit code and standard output.
std::pair<int, std::string> importPopulation(const std::string& url, const std::string& csv) {
    const std::string file = tempPath("dashboard_population.csv");
    const std::string out = tempPath("dashboard_population.out");
    std::ofstream(file) << csv;
    const std::string command = std::string(PEKON_HUB) + " population import --db '" + url +
                                "' '" + file + "' > '" + out + "' 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

void checkNothingPersonal(const std::string& text) {
    CHECK_FALSE(contains(text, kNik1));
    CHECK_FALSE(contains(text, kNik2));
    CHECK_FALSE(contains(text, "Siti Rahayu"));
}

}  // namespace

TEMPLATE_TEST_CASE("web dashboard: coverage, drill-down, report, export, filters",
                   "[web_dashboard]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_dashboard.db");
    seed(test_db.url());
    // The office enters Kota Agung's population; a bad line is reported, the good one kept.
    const auto [code, said] =
        importPopulation(test_db.url(), "code,population\n18.06.01,5000\n18.06.99.x,3\n");
    INFO(said);
    CHECK(code == 1);
    CHECK(contains(said, "{\"imported\":1,\"bad_rows\":1}"));
    CHECK(contains(said, ":3: Not a region code"));
    LoggedHub hub(test_db.url());

    Browser viewer(hub, kViewer);
    Page d = viewer.get("/office/dashboard");
    REQUIRE(d.status == 200);
    CHECK(contains(d.body, "href=\"/office/dashboard\""));  // in the nav, for a viewer too
    CHECK(contains(d.body, "Dasbor cakupan"));
    CHECK(contains(d.body, "641.036"));  // Tanggamus' official population (assets)
    CHECK(contains(d.body, "<svg class=\"chart\""));
    CHECK(contains(d.body, "target 98%"));
    // Two registered, one verified, none covered: 0,0% of the regency, 628.216 short of 98%.
    CHECK(contains(d.body, "0,0%"));
    CHECK(contains(d.body, "628.216"));
    CHECK(contains(d.body, "href=\"/office/dashboard?kec=18.06.01\""));  // the drill-down
    CHECK(contains(d.body, "Tertahan lebih dari 14 hari di satu tahap: 2"));
    CHECK(contains(d.body, "href=\"/office/members/m1\""));  // stuck, listed by id
    CHECK(contains(d.body, "Tablet Relawan"));               // per volunteer
    CHECK(contains(d.body, "id=\"socialization\""));
    CHECK(contains(d.body, "Belum ada sesi sosialisasi"));    // none held yet
    CHECK(contains(d.body, "id=\"complaints\""));
    // Mothers and newborns per pekon, linked to the queue with them first.
    CHECK(contains(d.body, "id=\"mothers\""));
    CHECK(contains(d.body, "Ibu hamil belum terlindungi"));
    CHECK(contains(d.body, "href=\"/office/queue?first=mothers\""));
    checkNothingPersonal(d.body);
    Page queue = viewer.get("/office/queue?first=mothers");
    REQUIRE(queue.status == 200);
    const size_t wife = queue.body.find("href=\"/office/members/m2\"");
    REQUIRE(wife != std::string::npos);
    CHECK(wife < queue.body.find("href=\"/office/members/m1\""));  // before her husband
    CHECK(contains(queue.body, "Hamil, perkiraan lahir " + dueMonth()));
    CHECK(contains(queue.body, "Ibu hamil dan bayi dulu"));

    Page kec = viewer.get("/office/dashboard?kec=18.06.01");
    REQUIRE(kec.status == 200);
    CHECK(contains(kec.body, "Negeri Ratu"));  // its pekon
    CHECK(contains(kec.body, "5.000"));        // the population the office entered
    CHECK(contains(kec.body, "4.900"));        // 98% of 5,000, none covered yet
    CHECK(contains(kec.body, "Kembali ke seluruh kabupaten"));

    Page stuck = viewer.get("/office/dashboard?stuck=28");
    CHECK(contains(stuck.body, "Tertahan lebih dari 28 hari di satu tahap: 1"));  // m2, new

    Page report = viewer.get("/office/dashboard?report=1&kec=18.06.01&from=2026-01-01&to=2026-12-31");
    REQUIRE(report.status == 200);
    CHECK(contains(report.body, "Laporan cakupan JKN Kota Agung, pendaftaran 2026-01-01 s.d. 2026-12-31"));

    for (const char* bad : {"/office/dashboard?kec=99.99.99", "/office/dashboard?from=2026-13-01",
                            "/office/dashboard?stuck=0", "/office/dashboard?stuck=x",
                            "/office/dashboard/export?format=pdf",
                            "/office/dashboard/export?format=csv&kec=18.06"}) {
        INFO(bad);
        CHECK(viewer.get(bad).status == 400);
    }

    Page csv = viewer.get("/office/dashboard/export?format=csv&kec=18.06.01");
    REQUIRE(csv.status == 200);
    CHECK(contains(csv.header("Content-Type"), "text/csv"));
    CHECK(contains(csv.header("Content-Disposition"), "pekon-dashboard.csv"));
    CHECK(contains(csv.body, "section,area_code,area_name,measure,value"));
    CHECK(contains(csv.body, "coverage,18.06.01.2016,Negeri Ratu,registered,2"));
    CHECK(contains(csv.body, "coverage,18.06.01,Kota Agung,verified,1"));
    CHECK(contains(csv.body, "pipeline,18.06.01,Kota Agung,days_to_verified_median,3"));
    CHECK(contains(csv.body, "mothers_infants,18.06.01.2016,Negeri Ratu,pregnant,1"));
    CHECK(contains(csv.body, "mothers_infants,18.06.01.2016,Negeri Ratu,pregnant_not_covered,1"));
    CHECK(contains(csv.body, "mothers_infants,18.06.01.2016,Negeri Ratu,infants_under_1,0"));
    checkNothingPersonal(csv.body);
    Page xlsx = viewer.get("/office/dashboard/export?format=xlsx");
    REQUIRE(xlsx.status == 200);
    CHECK(xlsx.body.substr(0, 2) == "PK");

    Browser admin(hub, kAdmin);
    Page audit = admin.get("/office/audit");
    CHECK(contains(audit.body, "Ekspor dasbor"));

    Browser english(hub);
    english.extra.emplace("Accept-Language", "en");
    REQUIRE(english.signIn(kVerifier).status == 303);
    Page en = english.get("/office/dashboard");
    CHECK(contains(en.body, "Coverage dashboard"));
    CHECK(contains(en.body, "641,036"));
    CHECK(contains(en.body, "Registration \xE2\x86\x92 verification"));
    checkNothingPersonal(hub.log());
}
