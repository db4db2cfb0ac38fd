// The complaints inbox over real HTTP, pekon-hub a real process on loopback, on each backend:
// the inbox for every role; a ticket's page hiding the citizen's phone from all but its handler;
// assign, take up, answer (refused with a NIK in it, kept as typed), close; what a reader may
// not do, forms without their CSRF token; the office's deadlines page for admins; the counts on
// the dashboard; the kiosks of the area sent each step; nothing personal in the hub's log.
#include <catch2/catch.hpp>
#include <string>

#include "codec/json.hpp"
#include "core/complaint.hpp"
#include "hub/hub_store.hpp"
#include "proto/sync_json.hpp"
#include "support/fixtures.hpp"
#include "support/postgres_test_db.hpp"
#include "web_browser.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

const std::string kPhone = "+6281234567890";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Seeded {
    std::string kiosk;   // Kota Agung's kiosk
    std::string ticket;  // the complaint with a phone number
    std::string other;   // a complaint rated 1 without one
};

// A kiosk of Kota Agung sends two complaints and a word of praise, ten days ago.
Seeded seed(const std::string& url) {
    auto store = hub::openHubStore(url);
    REQUIRE(store);
    auto& hub = **store;
    const std::int64_t now = webNow();
    auto token = hub.createToken("test", now, 3600, "18.06.01");
    REQUIRE(token);
    auto kiosk = hub.enrol(token->token, "Kios Kota Agung", now);
    REQUIRE(kiosk);
    auto event = [](const std::string& id, int seq, Json data) {
        return dumpJson(Json{{"id", id}, {"seq", seq}, {"type", "feedback.submitted"},
                             {"at", "2026-12-06T08:00:00Z"}, {"actor", "kiosk"}, {"data", data}});
    };
    const std::string body =
        R"({"events":[)" +
        event("c1", 1, Json{{"category", "card"}, {"rating", 4}, {"complaint", true},
                            {"text", "Kartu belum datang <script>alert(1)</script>"},
                            {"phone", kPhone}}) +
        "," + event("c2", 2, Json{{"category", "faskes_service"}, {"rating", 1}, {"text", ""}}) +
        "," + event("c3", 3, Json{{"category", "other"}, {"rating", 5}, {"text", "Bagus"}}) + "]}";
    auto events = parsePushRequest(body);
    REQUIRE(events);
    REQUIRE(hub.push(kiosk->device_id, *events, now - 10 * 86400));
    store->reset();
    addTeam(url);
    return {kiosk->device_id, ticketNumber("c1"), ticketNumber("c2")};
}

std::vector<Json> kioskWord(const std::string& url, const std::string& device) {
    auto store = hub::openHubStore(url);
    REQUIRE(store);
    auto changes = (*store)->changes(device, 0, 100);
    REQUIRE(changes);
    std::vector<Json> out;
    for (const hub::Change& c : *changes)
        if (c.type == "complaint.status") out.push_back(parseJson(c.data).value());
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("web complaints: the inbox, a ticket's whole life, the deadlines",
                   "[web_complaints]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "web_complaints.db");
    const Seeded s = seed(test_db.url());
    LoggedHub hub(test_db.url());
    const std::string page_of = "/office/complaints/" + s.ticket;

    // A reader sees the inbox and the ticket, not the phone, and cannot act.
    Browser viewer(hub, kViewer);
    Page inbox = viewer.get("/office/complaints");
    REQUIRE(inbox.status == 200);
    CHECK(contains(inbox.body, "href=\"/office/complaints\""));  // in the nav
    CHECK(contains(inbox.body, "Kotak pengaduan"));
    CHECK(contains(inbox.body, s.ticket));
    CHECK(contains(inbox.body, s.other));
    CHECK_FALSE(contains(inbox.body, ticketNumber("c3")));  // praise opens no ticket
    // Ten days on, both are past the first response's five working days.
    CHECK(contains(inbox.body, "<tr class=\"overdue\">"));
    CHECK(contains(inbox.body, "class=\"clock overdue\""));
    CHECK(contains(inbox.body, "<strong>2</strong> melewati batas tanggapan"));
    Page ticket = viewer.get(page_of);
    REQUIRE(ticket.status == 200);
    CHECK(contains(ticket.body, "Nomor hanya tampil untuk petugas yang menangani tiket ini."));
    CHECK_FALSE(contains(ticket.body, kPhone));
    CHECK(contains(ticket.body, "Kartu belum datang &lt;script&gt;"));  // inert
    CHECK_FALSE(contains(ticket.body, "<script>"));
    CHECK_FALSE(contains(ticket.body, "/office/complaints/act"));  // no forms for a reader
    CHECK(viewer.post("/office/complaints/act", {{"ticket", s.ticket}, {"action", "take_up"}})
              .status == 403);
    CHECK(viewer.get("/office/complaints/settings").status == 403);
    for (const char* bad : {"/office/complaints/xyz", "/office/complaints/PK-0000-0000-0000",
                            "/office/complaints/PK-7QX2-M9KD-4T8U"}) {
        INFO(bad);
        CHECK(viewer.get(bad).status == 404);
    }
    CHECK(viewer.get("/office/complaints?after=nonsense").status == 400);

    // The verifier takes it: the phone number shows, to them.
    Browser verifier(hub, kVerifier);
    Page mine = verifier.get(page_of);
    REQUIRE(mine.status == 200);
    CHECK_FALSE(contains(mine.body, kPhone));
    CHECK(verifier.post("/office/complaints/act", {{"ticket", s.ticket}, {"action", "take_up"}},
                        false)
              .status == 403);  // no CSRF token
    Page taken = verifier.post("/office/complaints/act", {{"ticket", s.ticket}, {"action", "take_up"}});
    REQUIRE(taken.status == 303);
    CHECK(taken.location() == page_of + "?done=ticket_take_up");
    mine = verifier.get(page_of);
    CHECK(contains(mine.body, "href=\"tel:" + kPhone + "\""));
    CHECK(contains(mine.body, "Sedang ditangani"));
    CHECK(contains(mine.body, "terlambat"));  // the response came late

    // An answer with a NIK in it is refused and kept as typed; a plain one is sent.
    const std::string with_nik = "Kartu untuk NIK 1806011505800001 sudah dicetak.";
    Page refused = verifier.post("/office/complaints/act",
                                 {{"ticket", s.ticket}, {"action", "answer"}, {"answer", with_nik}});
    CHECK(refused.status == 400);
    CHECK(contains(refused.body, "jangan tulis NIK"));
    CHECK(contains(refused.body, with_nik));
    const std::string answer = "Kartu sudah dicetak, ambil di kantor BPJS Kota Agung hari Senin.";
    CHECK(verifier.post("/office/complaints/act",
                        {{"ticket", s.ticket}, {"action", "answer"}, {"answer", answer}})
              .status == 303);
    Page answered = viewer.get(page_of);
    CHECK(contains(answered.body, answer));
    CHECK(contains(answered.body, "Dijawab"));
    CHECK(verifier.post("/office/complaints/act", {{"ticket", s.ticket}, {"action", "close"}})
              .status == 303);
    Page closed = verifier.post("/office/complaints/act", {{"ticket", s.ticket}, {"action", "take_up"}});
    CHECK(closed.status == 400);
    CHECK(contains(closed.body, "tidak bisa diubah begitu"));
    CHECK(verifier.post("/office/complaints/act", {{"ticket", s.ticket}, {"action", "reopen"}})
              .status == 400);

    // The kiosk of the area was told each step, with no personal data.
    const std::vector<Json> word = kioskWord(test_db.url(), s.kiosk);
    REQUIRE(word.size() == 3);
    CHECK(word[0]["state"] == "in_progress");
    CHECK(word[1]["answer"] == answer);
    CHECK(word[2]["state"] == "closed");

    // The deadlines: admins only, typed errors, then saved and audited.
    Browser admin(hub, kAdmin);
    Page settings = admin.get("/office/complaints/settings");
    REQUIRE(settings.status == 200);
    CHECK(contains(settings.body, "name=\"response\""));
    Page bad = admin.post("/office/complaints/settings",
                          {{"response", "5"}, {"resolution", "3"}, {"holidays", ""}});
    CHECK(bad.location() == "/office/complaints/settings?error=complaint_days");
    CHECK(admin.post("/office/complaints/settings",
                     {{"response", "5"}, {"resolution", "10"}, {"holidays", "2026-02-30"}})
              .location() == "/office/complaints/settings?error=complaint_holiday");
    CHECK(admin.post("/office/complaints/settings",
                     {{"response", "30"}, {"resolution", "40"}, {"holidays", "2026-12-25"}})
              .location() == "/office/complaints?done=complaint_rules");
    // With 30 working days to respond, nothing is overdue any more.
    Page relaxed = viewer.get("/office/complaints?state=all");
    CHECK(contains(relaxed.body, "<strong>0</strong> melewati batas tanggapan"));
    CHECK(contains(relaxed.body, "Tanggapan pertama paling lambat 30 hari kerja"));
    Page audit = admin.get("/office/audit");
    CHECK(contains(audit.body, "Batas waktu pengaduan diubah"));
    CHECK(contains(audit.body, "Melihat telepon pengadu"));

    // The dashboard counts them.
    Page dash = viewer.get("/office/dashboard");
    REQUIRE(dash.status == 200);
    CHECK(contains(dash.body, "id=\"complaints\""));
    Page csv = viewer.get("/office/dashboard/export?format=csv");
    CHECK(contains(csv.body, "complaints,18.06,Kabupaten Tanggamus,tickets_open,1"));
    CHECK(contains(csv.body, "complaints,18.06,Kabupaten Tanggamus,tickets_closed,1"));

    // English.
    Browser english(hub);
    english.extra.emplace("Accept-Language", "en");
    REQUIRE(english.signIn(kVerifier).status == 303);
    CHECK(contains(english.get("/office/complaints").body, "Complaints inbox"));

    CHECK_FALSE(contains(hub.log(), kPhone));
    CHECK_FALSE(contains(hub.log(), "Kartu belum datang"));
}
