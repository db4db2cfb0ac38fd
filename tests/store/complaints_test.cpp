#include "store/complaints.hpp"

#include <catch2/catch.hpp>

#include "codec/json.hpp"
#include "store/event_log.hpp"
#include "store/feedback.hpp"
#include "store/hub_changes.hpp"
#include "store/kiosk_status.hpp"
#include "store/settings.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {

const WriteContext kKiosk{"kiosk", 1'796'600'000, Date{2026, 12, 7}};
// A kiosk key (standard base64 of 32 bytes of 0x07), as the hub's enrolment writes it.
constexpr const char* kKey = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";

HubChange statusChange(const std::string& cursor, const std::string& ticket,
                       const std::string& state, const std::string& answer) {
    HubChange c;
    c.cursor = cursor;
    c.type = "complaint.status";
    c.data = Json::object();
    c.data["ticket"] = ticket;
    c.data["state"] = state;
    c.data["answer"] = answer;
    c.data["date"] = "2026-12-09";
    return c;
}

Status pull(Store& store, std::vector<HubChange> changes) {
    ChangesPage page;
    page.next = changes.empty() ? "0" : changes.back().cursor;
    page.changes = std::move(changes);
    auto applied = applyHubChanges(store, page, kKiosk.now);
    return applied ? Status() : Status(applied.error());
}

}  // namespace

TEST_CASE("complaints: a kiosk's complaint has its ticket at once; praise has none",
          "[complaints]") {
    auto store = Store::open(test::tempPath("complaints-own.db"));
    REQUIRE(store);
    Feedback complaint;
    complaint.category = FeedbackCategory::faskes_service;
    complaint.rating = 4;
    complaint.complaint = true;
    complaint.text = "Obat tidak tersedia";
    auto sent = submitFeedback(**store, complaint, kKiosk);
    REQUIRE(sent);
    auto data = parseJson(sent->data);
    REQUIRE(data);
    CHECK((*data)["complaint"] == true);
    const std::string ticket = ticketNumber(sent->id);
    auto own = findComplaintStatus(**store, ticket);
    REQUIRE(own);
    REQUIRE(own->has_value());
    CHECK((*own)->state == TicketState::open);
    CHECK((*own)->answer.empty());
    CHECK((*own)->updated_on == kKiosk.today);

    Feedback low;  // rated 1: a complaint without the tick
    low.rating = 1;
    auto low_sent = submitFeedback(**store, low, kKiosk);
    REQUIRE(low_sent);
    CHECK(findComplaintStatus(**store, ticketNumber(low_sent->id)).value().has_value());
    CHECK_FALSE(parseJson(low_sent->data).value().contains("complaint"));

    Feedback praise;
    praise.rating = 5;
    auto praise_sent = submitFeedback(**store, praise, kKiosk);
    REQUIRE(praise_sent);
    CHECK_FALSE(findComplaintStatus(**store, ticketNumber(praise_sent->id)).value().has_value());
}

TEST_CASE("complaints: a kiosk keeps the office's word on any ticket of its area, and only a kiosk",
          "[complaints]") {
    auto store = Store::open(test::tempPath("complaints-pull.db"));
    REQUIRE(store);
    REQUIRE(writeSetting(**store, kSettingKioskKey, kKey));
    const std::string ticket = ticketNumber("0b9f7a54-1c2d-4e3f-8a9b-0c1d2e3f4a5b");
    const std::string other = ticketNumber("6d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6");
    REQUIRE(pull(**store, {statusChange("1", ticket, "in_progress", ""),
                           statusChange("2", ticket, "answered", "Loket obat ditambah."),
                           // Malformed ones are logged and change nothing.
                           statusChange("3", "PK-0000-0000-0001", "answered", "x"),
                           statusChange("4", other, "reopened", "x"),
                           statusChange("5", other, "answered", std::string(1001, 'a'))}));
    auto found = findComplaintStatus(**store, ticket);
    REQUIRE(found);
    REQUIRE(found->has_value());
    CHECK((*found)->state == TicketState::answered);
    CHECK((*found)->answer == "Loket obat ditambah.");
    CHECK((*found)->updated_on == Date{2026, 12, 9});
    CHECK_FALSE(findComplaintStatus(**store, other).value().has_value());

    // The office's word stands over the kiosk's own "open".
    Feedback f;
    f.rating = 1;
    REQUIRE(submitFeedback(**store, f, kKiosk));
    CHECK(findComplaintStatus(**store, ticket).value()->state == TicketState::answered);

    // A volunteer's tablet records the change and keeps no ticket.
    auto tablet = Store::open(test::tempPath("complaints-tablet.db"));
    REQUIRE(tablet);
    REQUIRE(pull(**tablet, {statusChange("1", ticket, "answered", "Loket obat ditambah.")}));
    CHECK_FALSE(findComplaintStatus(**tablet, ticket).value().has_value());
    CHECK(listEvents(**tablet, 0, 10).value().size() == 1);
}
