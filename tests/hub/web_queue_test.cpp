// The office console's verification pages over real HTTP, pekon-hub a real process on
// loopback, on each backend: the queue (filters, masking, paging), a person's page (audited),
// decisions one at a time and in bulk (roles, CSRF), the BPJS exports as downloads, and the
// status CSV upload with its report. Names from the field render inert everywhere, formulas
// are neutralised in the export, and no URL a page produces holds a NIK.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "hub/hub_store.hpp"
#include "proto/sync_json.hpp"
#include "support/postgres_test_db.hpp"
#include "web_browser.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

const std::string kScriptNik = "1806011505800001";   // born 1980-05-15, a man
const std::string kFormulaNik = "1806015508820002";  // born 1982-08-15, a woman
const std::string kChildNik = "1806010101100003";    // born 2010-01-01, a man
const std::string kScriptName = "<script>alert(1)</script>";
const std::string kFormulaName = "=HYPERLINK(\"http://evil.example\",\"klik\")";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string event(const std::string& id, int seq, const std::string& type,
                  const std::string& data) {
    return R"({"id":")" + id + R"(","seq":)" + std::to_string(seq) + R"(,"type":")" + type +
           R"(","at":"2026-12-06T08:00:00Z","actor":"u1","data":)" + data + "}";
}

std::string memberData(const std::string& member_id, const std::string& household_id,
                       const std::string& nik, const std::string& name,
                       const std::string& birth, const std::string& sex,
                       const std::string& relation) {
    Json data{{"member_id", member_id}, {"household_id", household_id}, {"nik", nik},
              {"name", name},           {"birth_date", birth},          {"sex", sex},
              {"relation", relation},   {"segment", "PBPU"},            {"class", 3}};
    return dumpJson(data);
}

// A tablet and one household of three in 18.06.01.2016, straight into the store (as pushes
// would arrive); the team of staff. The store is closed before pekon-hub opens it.
std::string seed(const std::string& url) {
    auto store = hub::openHubStore(url);
    REQUIRE(store);
    auto& hub = **store;
    const std::int64_t now = webNow();
    auto token = hub.createToken("test", now, 3600, "");
    REQUIRE(token);
    auto device = hub.enrol(token->token, "Tablet Relawan", now);
    REQUIRE(device);
    const std::string household = dumpJson(Json{{"household_id", "h1"},
                                                {"kk_number", "1806011203150007"},
                                                {"village_code", "18.06.01.2016"},
                                                {"address", "Jl. \"Merdeka\" <b>12</b>"},
                                                {"rt", "002"},
                                                {"rw", "001"}});
    std::string body = R"({"events":[)" + event("e1", 1, "household.registered", household) +
                       "," +
                       event("e2", 2, "member.registered",
                             memberData("m1", "h1", kScriptNik, kScriptName, "1980-05-15", "M",
                                        "head")) +
                       "," +
                       event("e3", 3, "member.registered",
                             memberData("m2", "h1", kFormulaNik, kFormulaName, "1982-08-15", "F",
                                        "spouse")) +
                       "," +
                       event("e4", 4, "member.registered",
                             memberData("m3", "h1", kChildNik, "Adi Santoso", "2010-01-01", "M",
                                        "child")) +
                       "]}";
    auto events = parsePushRequest(body);
    REQUIRE(events);
    auto answer = hub.push(device->device_id, *events, now);
    REQUIRE(answer);
    REQUIRE(answer->accepted.size() == 4);
    store->reset();
    addTeam(url);
    return device->device_id;
}

// Every href, action and src of a page (as written, entities and all).
std::vector<std::string> urlsOf(const std::string& html) {
    static const std::regex kUrl(R"re((?:href|action|src)="([^"]*)")re");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), kUrl);
         it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

std::string hexOf(const std::string& text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : text) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

// No URL holds a NIK of the data, as digits or hidden in a cursor's hex; nor any run of 16
// digits outside the opaque cursor (after=...).
void checkNoNikInUrls(const std::string& html) {
    static const std::regex kDigits("[0-9]{16}");
    static const std::regex kCursor("after=[0-9a-f]*");
    for (const std::string& url : urlsOf(html)) {
        INFO(url);
        CHECK_FALSE(std::regex_search(std::regex_replace(url, kCursor, "after="), kDigits));
        for (const std::string& nik : {kScriptNik, kFormulaNik, kChildNik}) {
            CHECK_FALSE(contains(url, nik));
            CHECK_FALSE(contains(url, hexOf(nik)));
        }
    }
}

std::string multipart(const std::string& boundary, const std::string& csrf,
                      const std::string& csv) {
    return "--" + boundary +
           "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--" +
           boundary +
           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"status.csv\"\r\n"
           "Content-Type: text/csv\r\n\r\n" +
           csv + "\r\n--" + boundary + "--\r\n";
}

}  // namespace

TEMPLATE_TEST_CASE("web queue: the queue, a person's page, decisions, exports, status upload",
                   "[web_queue]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_queue.db");
    const std::string device_id = seed(test_db.url());
    LoggedHub hub(test_db.url());

    Browser verifier(hub, kVerifier);
    CHECK(verifier.get("/office/").location() == "/office/queue");

    // The queue: three members awaiting a decision, NIKs masked, names inert.
    Page queue = verifier.get("/office/queue");
    REQUIRE(queue.status == 200);
    CHECK(contains(queue.body, "<html lang=\"id\">"));
    CHECK(contains(queue.body, "Antrean verifikasi"));
    CHECK(contains(queue.body, "************0001"));
    CHECK_FALSE(contains(queue.body, kScriptNik));
    CHECK_FALSE(contains(queue.body, kFormulaNik));
    CHECK_FALSE(contains(queue.body, "<script>alert(1)"));
    CHECK(contains(queue.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(contains(queue.body, "=HYPERLINK(&quot;http://evil.example&quot;"));
    CHECK(contains(queue.body, "href=\"/office/members/m1\""));
    CHECK(contains(queue.body, "name=\"member\" value=\"m3\""));
    CHECK(contains(queue.body, "action=\"/office/decide\""));
    CHECK(contains(queue.body, "action=\"/office/export\""));
    CHECK(contains(queue.body, "Kota Agung"));  // the kecamatan select, from the region table
    checkNoNikInUrls(queue.body);

    // Filters: by village and volunteer they are there; by segment PBI-APBN none.
    Page by_village = verifier.get("/office/queue?village=18.06.01.2016&device=" + device_id);
    CHECK(contains(by_village.body, "/office/members/m2"));
    Page by_segment = verifier.get("/office/queue?segment=PBI-APBN");
    CHECK(by_segment.status == 200);
    CHECK_FALSE(contains(by_segment.body, "/office/members/m1"));
    CHECK(verifier.get("/office/queue?after=zz").status == 400);  // not a cursor

    // A person's page: the whole NIK for the verifier, the household, the history, the forms.
    Page person = verifier.get("/office/members/m1");
    REQUIRE(person.status == 200);
    CHECK(contains(person.body, kScriptNik));
    CHECK(contains(person.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_FALSE(contains(person.body, "<script>alert(1)"));
    CHECK(contains(person.body, "Jl. &quot;Merdeka&quot; &lt;b&gt;12&lt;/b&gt;"));
    CHECK_FALSE(contains(person.body, "<b>12</b>"));
    CHECK(contains(person.body, "Adi Santoso"));  // the household's members
    CHECK(contains(person.body, "Riwayat"));
    CHECK(contains(person.body, "Didaftarkan"));
    CHECK(contains(person.body, "Keputusan untuk seluruh keluarga (3 orang)"));
    checkNoNikInUrls(person.body);
    Page person2 = verifier.get("/office/members/m2");
    CHECK(contains(person2.body, "=HYPERLINK(&quot;"));
    CHECK(verifier.get("/office/members/nobody").status == 404);

    // A viewer reads but cannot decide, export or upload.
    Browser viewer(hub, kViewer);
    Page seen = viewer.get("/office/queue");
    CHECK(seen.status == 200);
    CHECK_FALSE(contains(seen.body, "/office/decide"));
    CHECK_FALSE(contains(seen.body, "/office/export"));
    CHECK_FALSE(contains(seen.body, "type=\"checkbox\""));
    Page viewer_person = viewer.get("/office/members/m1");
    CHECK(viewer_person.status == 200);
    CHECK_FALSE(contains(viewer_person.body, "/office/decide"));
    CHECK(viewer.post("/office/decide", {{"member", "m1"}, {"decision", "verified"}}).status ==
          403);
    CHECK(viewer.post("/office/export", {{"format", "csv"}}).status == 403);
    CHECK(viewer.get("/office/status-upload").status == 403);

    // CSRF: a wrong token is refused and nothing changes.
    verifier.get("/office/queue");
    CHECK(verifier.post("/office/decide", {{"csrf", "not-the-token"}, {"member", "m1"},
                                           {"decision", "verified"}})
              .status == 403);
    CHECK(contains(verifier.get("/office/queue").body, "/office/members/m1"));
    // A refusal without a reason; an unknown decision.
    CHECK(verifier.post("/office/decide", {{"member", "m1"}, {"decision", "rejected"}}).status ==
          400);
    CHECK(verifier.post("/office/decide", {{"member", "m1"}, {"decision", "maybe"}}).status ==
          400);

    // Bulk: m1 and m2 need correction (reason, note), back to the queue with its filter.
    verifier.get("/office/queue?village=18.06.01.2016");
    Page bulk = verifier.post("/office/decide",
                              {{"member", "m1"},
                               {"member", "m2"},
                               {"decision", "needs_correction"},
                               {"correction_reason", "name_spelling"},
                               {"note", "Periksa ejaan nama"},
                               {"back", "/office/queue?village=18.06.01.2016"}});
    CHECK(bulk.status == 303);
    CHECK(bulk.location() == "/office/queue?village=18.06.01.2016&done=decided");
    Page after_bulk = verifier.get(bulk.location());
    CHECK(contains(after_bulk.body, "Keputusan disimpan"));
    CHECK_FALSE(contains(after_bulk.body, "/office/members/m1\""));
    CHECK(contains(after_bulk.body, "/office/members/m3"));
    Page waiting = verifier.get("/office/queue?state=needs_correction");
    CHECK(contains(waiting.body, "/office/members/m1"));
    CHECK(contains(waiting.body, "/office/members/m2"));
    // An outside `back` is not followed.
    verifier.get("/office/members/m3");
    Page one = verifier.post("/office/decide", {{"member", "m3"},
                                                {"decision", "verified"},
                                                {"back", "https://evil.example/"}});
    CHECK(one.location() == "/office/queue?done=decided");
    // The person's page shows the decision with who made it.
    Page m1_after = verifier.get("/office/members/m1");
    CHECK(contains(m1_after.body, "staff:verifier"));
    CHECK(contains(m1_after.body, "name_spelling"));
    // The whole household verified from the person's page.
    Page household = verifier.post("/office/decide", {{"member", "m1"},
                                                      {"member", "m2"},
                                                      {"member", "m3"},
                                                      {"decision", "verified"},
                                                      {"back", "/office/members/m1"}});
    CHECK(household.location() == "/office/members/m1?done=decided");
    Page verified = verifier.get("/office/queue?state=verified");
    for (const char* id : {"m1", "m2", "m3"}) CHECK(contains(verified.body, std::string("/office/members/") + id));
    checkNoNikInUrls(verified.body);

    // Exports: CSV and XLSX downloads, named without personal data, formulas neutralised.
    Page csv = verifier.post("/office/export", {{"format", "csv"}, {"state", "verified"}});
    REQUIRE(csv.status == 200);
    const std::string disposition = csv.header("Content-Disposition");
    CHECK(std::regex_match(disposition,
                           std::regex(R"(attachment; filename="pekon-bpjs-[0-9]{8}\.csv")")));
    CHECK(contains(csv.header("Content-Type"), "text/csv"));
    CHECK(contains(csv.body, kScriptNik));
    CHECK(contains(csv.body, kFormulaNik));
    CHECK(contains(csv.body, "'=HYPERLINK"));
    CHECK_FALSE(contains(csv.body, ",=HYPERLINK"));
    CHECK_FALSE(contains(csv.body, "\"=HYPERLINK"));
    Page xlsx = verifier.post("/office/export", {{"format", "xlsx"}});  // verified by default
    REQUIRE(xlsx.status == 200);
    CHECK(xlsx.body.substr(0, 2) == "PK");
    CHECK(contains(xlsx.header("Content-Disposition"), ".xlsx\""));
    CHECK(verifier.post("/office/export", {{"format", "pdf"}}).status == 400);

    // The status upload: one good row, two refused with their line numbers.
    Page upload_page = verifier.get("/office/status-upload");
    REQUIRE(upload_page.status == 200);
    CHECK(contains(upload_page.body, "enctype=\"multipart/form-data\""));
    const std::string csv_file =
        "nik,birth_date,status,card_number,class,faskes,date\n" + kScriptNik +
        ",1980-05-15,paid,,3,,2026-12-01\n123,1980-05-15,paid,,3,,2026-12-01\n" + kChildNik +
        ",2010-01-01,card_issued,,3,,2026-12-01\n";
    const std::string boundary = "----pekonTestBoundary7";
    Page report = verifier.postRaw("/office/status-upload",
                                   multipart(boundary, verifier.csrf, csv_file),
                                   "multipart/form-data; boundary=" + boundary);
    REQUIRE(report.status == 200);
    CHECK(contains(report.body, "Laporan unggahan status"));
    CHECK(contains(report.body, "data-count=\"upload.imported\">1<"));
    CHECK(contains(report.body, "data-count=\"upload.refused\">2<"));
    CHECK(contains(report.body, "data-label=\"Baris\" class=\"num\">3<"));
    CHECK(contains(report.body, "data-label=\"Baris\" class=\"num\">4<"));
    CHECK_FALSE(contains(report.body, kChildNik));
    CHECK(contains(verifier.get("/office/queue?state=paid").body, "/office/members/m1"));
    // Without the CSRF token the upload is refused.
    Page no_csrf = verifier.postRaw("/office/status-upload", multipart(boundary, "x", csv_file),
                                    "multipart/form-data; boundary=" + boundary);
    CHECK(no_csrf.status == 403);

    // The audit log has the views, decisions, exports and the upload.
    Browser admin(hub, kAdmin);
    // (filtered by action: a row's cells, never the filter's own options)
    Page views = admin.get("/office/audit?action=view_person");
    REQUIRE(views.status == 200);
    CHECK(contains(views.body, "data-label=\"Sasaran\">m1<"));
    CHECK(contains(views.body, "data-label=\"Tindakan\">Melihat data orang<"));
    CHECK(contains(admin.get("/office/audit?action=decide").body,
                   "data-label=\"Tindakan\">Keputusan<"));
    CHECK(contains(admin.get("/office/audit?action=export").body,
                   "data-label=\"Tindakan\">Ekspor<"));
    Page uploads = admin.get("/office/audit?action=status_upload");
    CHECK(contains(uploads.body, "data-label=\"Tindakan\">Unggah status<"));
    CHECK(contains(uploads.body, "&quot;refused&quot;:2"));
    // Nothing personal reached the hub's output.
    const std::string log = hub.log();
    for (const std::string& secret : {kScriptNik, kFormulaNik, kChildNik, kScriptName})
        CHECK_FALSE(contains(log, secret));
}

TEMPLATE_TEST_CASE("web queue: English texts and paging by the cursor", "[web_queue]", SQLite,
                   PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_queue_pages.db");
    seed(test_db.url());
    LoggedHub hub(test_db.url());
    Browser b(hub);
    b.extra.emplace("Accept-Language", "en");
    REQUIRE(b.signIn(kVerifier).status == 303);
    Page queue = b.get("/office/queue");
    CHECK(contains(queue.body, "Verification queue"));
    CHECK(contains(queue.body, "Awaiting a decision"));
    CHECK(contains(queue.body, "Decision for the selected rows"));
    Page upload = b.get("/office/status-upload");
    CHECK(contains(upload.body, "Upload statuses from BPJS"));
    // Every URL of every page stays free of NIKs, the next-page link included.
    std::set<std::string> seen_members;
    std::string target = "/office/queue?rows=1";
    for (int pages = 0; pages < 10 && !target.empty(); ++pages) {
        Page p = b.get(target);
        REQUIRE(p.status == 200);
        checkNoNikInUrls(p.body);
        for (const char* id : {"m1", "m2", "m3"})
            if (contains(p.body, std::string("/office/members/") + id + "\"")) seen_members.insert(id);
        const auto at = p.body.find("rel=\"next\"");
        target.clear();
        if (at != std::string::npos) {
            const auto href = p.body.rfind("href=\"", at);
            target = p.body.substr(href + 6, p.body.find('"', href + 6) - href - 6);
            // &amp; in the attribute is & in the URL.
            for (auto amp = target.find("&amp;"); amp != std::string::npos; amp = target.find("&amp;"))
                target.replace(amp, 5, "&");
        }
    }
    CHECK(seen_members.size() == 3);
    CHECK(target.empty());  // the last page has no next link
}
