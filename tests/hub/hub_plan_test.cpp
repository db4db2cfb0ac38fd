// The hub's planners (hub_plan), without a database: what a push answers and writes, what a
// status import sends, and how a person's kiosk entry changes.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "hub/hub_plan.hpp"
#include "proto/signature.hpp"

using namespace pekon;
using namespace pekon::hub;

namespace {

constexpr const char* kNik = "1806011505800001";

WireEvent registration(const std::string& id, const std::string& member,
                       const std::string& household, const std::string& nik = kNik) {
    WireEvent e;
    e.id = id;
    e.seq = 1;
    e.type = "member.registered";
    e.at = "2026-11-22T08:00:00Z";
    e.actor = "u1";
    e.data = Json{{"member_id", member}, {"household_id", household}, {"nik", nik},
                  {"name", "Budi Santoso"}, {"birth_date", "1980-05-15"}, {"sex", "M"},
                  {"relation", "head"}, {"segment", "PBPU"}, {"class", 3}};
    e.content = dumpJson(Json{{"id", e.id}, {"seq", e.seq}, {"type", e.type}, {"at", e.at},
                              {"actor", e.actor}, {"data", e.data}});
    return e;
}

StatusRow decision(MemberStatus status, Date decided, const std::string& nik = kNik) {
    StatusRow row;
    row.nik = nik;
    row.birth_date = Date{1980, 5, 15};
    row.status = status;
    row.date = decided;
    return row;
}

}  // namespace

TEST_CASE("hub plan: the keys a push looks up are distinct and skip what cannot be stored",
          "[unit][hub_plan]") {
    WireEvent nul = registration(std::string("bad\0id", 6), "m9", "h9");
    const PushKeys keys = pushKeys({registration("e1", "m1", "h1"), registration("e1", "m1", "h1"),
                                    registration("e2", "m2", "h2"), nul});
    CHECK(keys.event_ids == std::vector<std::string>{"e1", "e2"});
    CHECK(keys.niks == std::vector<std::string>{kNik});
    CHECK(keys.member_ids == std::vector<std::string>{"m1", "m2"});
}

TEST_CASE("hub plan: a push answers accepted, duplicate, id_conflict and invalid in batch order",
          "[unit][hub_plan]") {
    const WireEvent stored = registration("e1", "m1", "h1");
    WireEvent changed = registration("e2", "m2", "h2");
    StoredForPush held;
    held.content_hashes = {{"e1", sync::sha256Hex(stored.content)}, {"e2", "other content"}};
    WireEvent broken = registration("e3", "m3", "h3");
    broken.seq = 0;
    const std::vector<WireEvent> batch = {stored, changed, broken, registration("e4", "m4", "h4"),
                                          registration("e4", "m4", "h4")};
    const PushPlan plan = planPush("d1", batch, held);
    CHECK(plan.answer.accepted == std::vector<std::string>{"e4"});
    CHECK(plan.answer.duplicates == std::vector<std::string>{"e1", "e4"});  // the second e4
    REQUIRE(plan.answer.rejected.size() == 2);
    CHECK(plan.answer.rejected[0].id == "e2");
    CHECK(plan.answer.rejected[0].code == "id_conflict");
    CHECK(plan.answer.rejected[1].id == "e3");
    CHECK(plan.answer.rejected[1].code == "invalid");
    REQUIRE(plan.events.size() == 1);
    CHECK(plan.events[0].event->id == "e4");
    CHECK(plan.events[0].content_hash == sync::sha256Hex(batch[3].content));
    REQUIRE(plan.registrations.size() == 1);
    CHECK(plan.registrations[0].member_id == "m4");
    CHECK(plan.registrations[0].device_id == "d1");
}

TEST_CASE("hub plan: the same NIK in another household tells both devices; the same household "
          "tells nobody",
          "[unit][hub_plan]") {
    StoredForPush held;
    held.registrations = {{"m1", "h1", "d-old", kNik, "1980-05-15"}};
    const PushPlan same = planPush("d-new", {registration("e2", "m2", "h1")}, held);
    CHECK(same.changes.empty());
    const PushPlan other = planPush("d-new", {registration("e3", "m3", "h3")}, held);
    REQUIRE(other.changes.size() == 2);
    CHECK(other.changes[0].device_id == "d-new");
    CHECK(other.changes[0].type == "registration.duplicate_suspected");
    CHECK(other.changes[1].device_id == "d-old");
    const Json told = *parseJson(other.changes[1].data);
    CHECK(told == Json{{"member_id", "m1"}, {"household_id", "h1"}, {"other_member_id", "m3"},
                       {"other_household_id", "h3"}});
    CHECK(other.changes[1].data.find(kNik) == std::string::npos);  // no NIK in a change
    // A member id the store already indexes is not indexed again.
    const PushPlan again = planPush("d-old", {registration("e4", "m1", "h1")}, held);
    CHECK(again.answer.accepted == std::vector<std::string>{"e4"});
    CHECK(again.registrations.empty());
}

TEST_CASE("hub plan: device times are flagged against the hub's clock", "[unit][hub_plan]") {
    WireEvent late = registration("e1", "m1", "h1");
    late.at = "2030-01-01T00:00:00Z";  // years after the hub's clock
    WireEvent fine = registration("e2", "m2", "h2");
    fine.at = "2026-12-23T07:59:00Z";
    const std::vector<WireEvent> batch = {late, fine};  // the plan points into it
    PushPlan plan = planPush("d1", batch, {});
    flagEventTimes(plan, 1'798'012'800);  // 2026-12-23T08:00:00Z
    REQUIRE(plan.events.size() == 2);
    CHECK(plan.events[0].time_flag == "future");
    CHECK(plan.events[1].time_flag.empty());
}

TEST_CASE("hub plan: a status import sends each registration of the person its change",
          "[unit][hub_plan]") {
    StatusRow paid = decision(MemberStatus::card_issued, Date{2026, 12, 1});
    paid.card_number = "0001234567890";
    paid.care_class = 2;
    const std::vector<StatusRow> rows = {paid, decision(MemberStatus::verified, Date{2026, 12, 1},
                                                        "1806011505800099")};
    const std::vector<Registration> registrations = {{"m1", "h1", "d1", kNik, "1980-05-15"},
                                                     {"m2", "h2", "d2", kNik, "1980-05-15"}};
    CHECK(statusKeys(rows).size() == 2);
    const StatusPlan plan = planStatusImport(rows, registrations);
    CHECK(plan.summary.imported == 2);
    CHECK(plan.summary.unmatched == 1);
    CHECK(plan.summary.changes == 2);
    REQUIRE(plan.changes.size() == 2);
    CHECK(plan.changes[0].device_id == "d1");
    CHECK(plan.changes[1].device_id == "d2");
    CHECK(plan.changes[0].type == "card.issued");
    const Json data = *parseJson(plan.changes[0].data);
    CHECK(data.at("card_number") == "0001234567890");
    CHECK(data.at("class") == 2);
    CHECK(data.at("date") == "2026-12-01");
    CHECK(!data.contains("nik"));
}

TEST_CASE("hub plan: a kiosk entry follows the latest decision and reaches the kiosks of its "
          "route",
          "[unit][hub_plan]") {
    const std::string person = personText({kNik, "1980-05-15"});
    const std::unordered_map<std::string, PersonLookups> lookups = {{person, {"kk-hex", "rc-hex"}}};
    const std::unordered_map<std::string, std::vector<PersonRecord>> people = {
        {person, {{"m1", "Budi Santoso", "18.06.01.2016", "h1", "1806010101010001"}}}};
    const std::vector<KioskDevice> kiosks = {{"k-village", "18.06.01"}, {"k-other", "18.07"}};
    StatusRow verified = decision(MemberStatus::verified, Date{2026, 12, 1});
    verified.care_class = 3;
    StatusRow paid = decision(MemberStatus::paid, Date{2026, 12, 5});
    const KioskPlan plan = planKioskEntries({verified, paid}, lookups, people, {}, kiosks);
    REQUIRE(plan.entries.size() == 1);  // one entry per person: the later row
    const KioskRecord& entry = plan.entries[0];
    CHECK(entry.route == "18.06.01.2016");
    CHECK(entry.decided_on == "2026-12-05");
    CHECK(entry.lookup == "kk-hex");
    const Json data = *parseJson(entry.data);
    CHECK(data.at("status") == "paid");
    CHECK(data.at("card_eta") == "2026-12-19");
    CHECK(entry.data.find("Budi Santoso") == std::string::npos);  // the name is masked
    REQUIRE(plan.changes.size() == 1);
    CHECK(plan.changes[0].device_id == "k-village");

    // An older decision, or the same entry again, changes nothing.
    const std::unordered_map<std::string, KioskRecord> previous = {{person, entry}};
    CHECK(planKioskEntries({verified}, lookups, people, previous, kiosks).entries.empty());
    CHECK(planKioskEntries({paid}, lookups, people, previous, kiosks).entries.empty());
    // A person the hub never saw registered is kept, for the regency, and sent nowhere.
    const KioskPlan stranger = planKioskEntries({paid}, {}, {}, {}, kiosks);
    REQUIRE(stranger.entries.size() == 1);
    CHECK(stranger.entries[0].route == "18.06");
    CHECK(stranger.entries[0].lookup.empty());
    CHECK(stranger.changes.empty());
}

TEST_CASE("hub plan: kiosk routes and card ETAs", "[unit][hub_plan]") {
    CHECK(kioskRoute("18.06.01.2016", kNik) == "18.06.01.2016");
    CHECK(kioskRoute("", kNik) == "18.06");
    CHECK(kioskCardEta(MemberStatus::paid, Date{2026, 12, 1}) == Date{2026, 12, 15});
    CHECK(kioskCardEta(MemberStatus::card_issued, Date{2026, 12, 1}) == Date{2026, 12, 8});
    CHECK(!kioskCardEta(MemberStatus::verified, Date{2026, 12, 1}));
}
