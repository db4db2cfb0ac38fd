// The complaints inbox at the hub (office_tickets.hpp), on each backend: a ticket for each kiosk
// feedback that is a complaint (rated 1-2 or marked), numbered as the kiosk numbered it; the
// phone number for its handler only (audited); assign, take up, answer, close, and what may not
// be done; the word going to the kiosks of the area and no other; the clocks against the
// office's working days and holidays; and `rebuild` keeping the office's work.
#include <catch2/catch.hpp>

#include "codec/json.hpp"
#include "hub/hub_store.hpp"
#include "hub/office_read.hpp"
#include "hub/office_staff.hpp"
#include "hub/office_tickets.hpp"
#include "proto/sync_json.hpp"
#include "support/postgres_test_db.hpp"

using namespace pekon;
using namespace pekon::hub;

namespace {

// Monday 2026-12-07 09:00 WIB.
constexpr UnixSeconds kMonday = 1796608800;
constexpr UnixSeconds kDay = 86400;

std::string enrolKiosk(HubStore& hub, const std::string& area, const std::string& name) {
    auto token = hub.createToken("test", kMonday, 3600, area);
    REQUIRE(token);
    auto e = hub.enrol(token->token, name, kMonday);
    REQUIRE(e);
    return e->device_id;
}

std::string feedback(const std::string& id, int seq, int rating, bool flagged,
                     const std::string& phone) {
    Json data{{"category", "faskes_service"}, {"rating", rating}, {"text", "Antrean lama"}};
    if (flagged) data["complaint"] = true;
    if (!phone.empty()) data["phone"] = phone;
    return dumpJson(Json{{"id", id}, {"seq", seq}, {"type", "feedback.submitted"},
                         {"at", "2026-12-07T02:00:00Z"}, {"actor", "kiosk"}, {"data", data}});
}

void pushBody(HubStore& hub, const std::string& device, const std::string& events,
              UnixSeconds at) {
    auto parsed = parsePushRequest(R"({"events":[)" + events + "]}");
    REQUIRE(parsed);
    REQUIRE(hub.push(device, *parsed, at));
}

// The complaint.status changes a device was sent, in order.
std::vector<Json> wordTo(HubStore& hub, const std::string& device) {
    auto changes = hub.changes(device, 0, 1000);
    REQUIRE(changes);
    std::vector<Json> out;
    for (const Change& c : *changes)
        if (c.type == "complaint.status") out.push_back(parseJson(c.data).value());
    return out;
}

TicketRequest act(const std::string& number, TicketAction action, const StaffAccount& by) {
    TicketRequest r;
    r.number = number;
    r.action = action;
    r.staff_id = by.id;
    r.username = by.username;
    return r;
}

}  // namespace

TEMPLATE_TEST_CASE("tickets: opened from complaints, handled, answered to the area's kiosks",
                   "[tickets]", test::SQLite, test::PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "tickets.db");
    auto opened = openHubStore(test_db.url());
    REQUIRE(opened);
    HubStore& hub = **opened;
    HubDb& db = hub.db();
    const std::string kota_agung = enrolKiosk(hub, "18.06.01", "Kios Kota Agung");
    const std::string other = enrolKiosk(hub, "18.06.02", "Kios Wonosobo");
    const std::string regency = enrolKiosk(hub, "18.06", "Kios Dinas");
    auto verifier = addStaff(db, "vera", "Vera Verifikator", StaffRole::verifier,
                             "kata-sandi-panjang-1", "", kMonday);
    auto viewer = addStaff(db, "vino", "Vino Pemantau", StaffRole::viewer, "kata-sandi-panjang-2",
                           "", kMonday);
    REQUIRE(verifier);
    REQUIRE(viewer);

    const std::string events = feedback("f1", 1, 1, false, "") + "," +
                               feedback("f2", 2, 5, true, "") + "," +
                               feedback("f3", 3, 4, false, "") + "," +
                               feedback("f4", 4, 2, false, "+6281234567890");
    pushBody(hub, kota_agung, events, kMonday);
    pushBody(hub, kota_agung, events, kMonday + 60);  // sent again: nothing new
    pushBody(hub, regency, feedback("f5", 1, 1, false, ""), kMonday + 120);

    auto rules = complaintRules(db);
    REQUIRE(rules);
    CHECK(rules->response_days == 5);
    CHECK(rules->resolution_days == 10);
    auto waiting = ticketPage(db, {}, "", *rules, kMonday + kDay);
    REQUIRE(waiting);
    REQUIRE(waiting->rows.size() == 4);  // f1, f2, f4 and f5; f3 is praise
    CHECK(waiting->rows[0].number == ticketNumber("f1"));
    CHECK(waiting->rows[0].area == "18.06.01");
    CHECK(waiting->rows[1].flagged);
    CHECK(waiting->rows[2].number == ticketNumber("f4"));
    CHECK(waiting->rows[2].has_phone);
    CHECK(waiting->rows[3].area == "18.06");
    CHECK(waiting->rows[0].response.state == DeadlineState::running);
    CHECK(waiting->rows[0].response.due == Date{2026, 12, 14});
    CHECK(waiting->rows[0].resolution.due == Date{2026, 12, 21});
    // Paged: two and two.
    auto first = ticketPage(db, {}, "", *rules, kMonday, 2);
    REQUIRE(first);
    REQUIRE(first->rows.size() == 2);
    auto second = ticketPage(db, {}, first->next, *rules, kMonday, 2);
    REQUIRE(second);
    CHECK(second->rows.size() == 2);
    CHECK(second->next.empty());
    CHECK_FALSE(ticketPage(db, {}, "x", *rules, kMonday));
    TicketFilter by_area;
    by_area.area = "18.06.01";
    CHECK(ticketPage(db, by_area, "", *rules, kMonday).value().rows.size() == 3);

    // The phone: not for a reader who does not handle it; for the handler, on the record.
    const std::string f4 = ticketNumber("f4");
    auto seen = ticketView(db, f4, *rules, viewer->id, viewer->username, kMonday);
    REQUIRE(seen);
    REQUIRE(seen->has_value());
    CHECK((*seen)->phone.empty());
    CHECK((*seen)->text == "Antrean lama");
    CHECK((*seen)->kiosk == "Kios Kota Agung");
    TicketRequest to_viewer = act(f4, TicketAction::assign, *verifier);
    to_viewer.assignee = viewer->id;
    CHECK(actOnTicket(db, to_viewer, kMonday).error().code == "ticket_assignee");
    TicketRequest to_vera = act(f4, TicketAction::assign, *verifier);
    to_vera.assignee = verifier->id;
    REQUIRE(actOnTicket(db, to_vera, kMonday));
    auto handled = ticketView(db, f4, *rules, verifier->id, verifier->username, kMonday);
    REQUIRE(handled);
    CHECK((*handled)->phone == "+6281234567890");
    CHECK((*handled)->row.staff_name == "Vera Verifikator");
    AuditFilter phone_views;
    phone_views.action = "view_complaint_phone";
    auto audit = auditLog(db, phone_views, 0, 10);
    REQUIRE(audit);
    REQUIRE(audit->size() == 1);
    CHECK(audit->front().target == f4);
    CHECK(wordTo(hub, kota_agung).empty());  // assigning tells the citizen nothing

    // f1: taken up, answered (not with a NIK in it), closed.
    const std::string f1 = ticketNumber("f1");
    CHECK(actOnTicket(db, act(f1, TicketAction::close, *verifier), kMonday).error().code ==
          "ticket_move");
    REQUIRE(actOnTicket(db, act(f1, TicketAction::take_up, *verifier), kMonday + kDay));
    TicketRequest with_nik = act(f1, TicketAction::answer, *verifier);
    with_nik.answer = "NIK 1806011505800001 sudah aktif";
    CHECK(actOnTicket(db, with_nik, kMonday + kDay).error().code == "ticket_answer_personal");
    TicketRequest answer = act(f1, TicketAction::answer, *verifier);
    answer.answer = "Loket tambahan dibuka setiap Senin.";
    REQUIRE(actOnTicket(db, answer, kMonday + 2 * kDay));
    REQUIRE(actOnTicket(db, act(f1, TicketAction::close, *verifier), kMonday + 3 * kDay));
    CHECK(actOnTicket(db, act(f1, TicketAction::take_up, *verifier), kMonday).error().code ==
          "ticket_move");
    CHECK(actOnTicket(db, act("PK-0000-0000-0000", TicketAction::take_up, *verifier), kMonday)
              .error()
              .code == "ticket_unknown");

    // The word reached the kiosks of Kota Agung and the regency, not Wonosobo's, and names
    // no one.
    for (const std::string& kiosk : {kota_agung, regency}) {
        const std::vector<Json> word = wordTo(hub, kiosk);
        REQUIRE(word.size() == 3);
        CHECK(word[0]["ticket"] == f1);
        CHECK(word[0]["state"] == "in_progress");
        CHECK(word[0]["date"] == "2026-12-08");
        CHECK(word[1]["state"] == "answered");
        CHECK(word[1]["answer"] == "Loket tambahan dibuka setiap Senin.");
        CHECK(word[2]["state"] == "closed");
        CHECK(word[2]["answer"] == "Loket tambahan dibuka setiap Senin.");
        for (const Json& w : word) CHECK(w.size() == 4);
    }
    CHECK(wordTo(hub, other).empty());

    auto f1_now = ticketView(db, f1, *rules, verifier->id, verifier->username, kMonday + 3 * kDay);
    REQUIRE(f1_now);
    CHECK((*f1_now)->row.state == TicketState::closed);
    CHECK((*f1_now)->row.response.state == DeadlineState::met);
    CHECK((*f1_now)->row.resolution.state == DeadlineState::met);

    // Tuesday 12-15: f2, f4 and f5 were not taken up by Monday 12-14.
    const UnixSeconds tuesday = kMonday + 8 * kDay;
    TicketFilter late;
    late.overdue = true;
    auto overdue = ticketPage(db, late, "", *rules, tuesday);
    REQUIRE(overdue);
    CHECK(overdue->rows.size() == 3);
    CHECK(overdue->rows[0].response.state == DeadlineState::overdue);
    CHECK(overdue->rows[0].response.days == 1);
    auto counts = ticketCounts(db, *rules, tuesday, 0, tuesday, "");
    REQUIRE(counts);
    CHECK(counts->open == 3);
    CHECK(counts->closed == 1);
    CHECK(counts->response_overdue == 3);
    CHECK(counts->resolution_overdue == 0);
    auto in_area = ticketCounts(db, *rules, tuesday, 0, tuesday, "18.06.01");
    REQUIRE(in_area);
    CHECK(in_area->response_overdue == 2);  // f5 came from the regency's kiosk
    // Period: only those received in it.
    CHECK(ticketCounts(db, *rules, tuesday, kMonday + 100, tuesday, "").value().open == 1);

    // Monday 12-14 a holiday: the deadline moves to Tuesday, so nothing is overdue yet.
    auto with_holiday = parseComplaintRules("5", "10", "2026-12-14");
    REQUIRE(with_holiday);
    REQUIRE(saveComplaintRules(db, *with_holiday, verifier->id, verifier->username, tuesday));
    auto saved = complaintRules(db);
    REQUIRE(saved);
    REQUIRE(saved->holidays.size() == 1);
    CHECK(ticketCounts(db, *saved, tuesday, 0, tuesday, "").value().response_overdue == 0);
    CHECK(ticketPage(db, late, "", *saved, tuesday).value().rows.empty());
    // Three weeks on, all three are past both deadlines.
    auto weeks = ticketCounts(db, *saved, kMonday + 21 * kDay, 0, kMonday + 21 * kDay, "");
    REQUIRE(weeks);
    CHECK(weeks->response_overdue == 3);
    CHECK(weeks->resolution_overdue == 3);

    // A rebuild remakes the read models and leaves the office's work on the tickets as it was.
    REQUIRE(rebuildReadModels(db, tuesday));
    auto after = ticketPage(db, TicketFilter{"all"}, "", *saved, tuesday);
    REQUIRE(after);
    REQUIRE(after->rows.size() == 4);
    CHECK(after->rows[0].state == TicketState::closed);
    CHECK(after->rows[2].staff_name == "Vera Verifikator");
}
