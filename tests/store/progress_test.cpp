#include "store/progress.hpp"

#include <catch2/catch.hpp>

#include "codec/json.hpp"
#include "store/drafts.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/hub_changes.hpp"
#include "store/outbox.hpp"
#include "store/sessions.hpp"
#include "store/users.hpp"
#include "support/hub_seal.hpp"
#include "support/fixtures.hpp"
#include "support/sample_households.hpp"
#include "support/sample_session.hpp"

using namespace pekon;

namespace {

// Wednesday 2026-11-18 16:53:20 UTC (23:53 WIB): the week began Monday 2026-11-16 00:00 WIB,
// which is Sunday 2026-11-15 17:00 UTC.
constexpr UnixSeconds kNow = 1'795'000'000;
constexpr UnixSeconds kMonday = 1'794'762'000;

struct Fixture {
    std::unique_ptr<Store> store;
    User rina, dewi;  // a volunteer and the supervisor
    Fixture() {
        auto s = Store::open(test::tempPath("progress.db"));
        REQUIRE(s.ok());
        store = std::move(s.value());
        // The first user of a device is its supervisor.
        dewi = createUser(*store, "Dewi", Role::supervisor, "582914", "", kNow - 30 * 86400).value();
        rina = createUser(*store, "Rina", Role::volunteer, "428195", "", kNow - 30 * 86400).value();
        hub = test::giveHubSealKey(*store);
    }
    std::optional<vault::BoxKeys> hub;
    RegisteredHousehold add(int index, const User& by, UnixSeconds at) {
        auto done = registerHouseholds(*store, {test::sampleHousehold(index, index * 3, 3)},
                                       test::regions(), {by.id, at, test::kToday});
        REQUIRE(done.ok());
        return done.households.front();
    }
};

HubChange change(const std::string& type, const std::string& member, Json extra = Json::object()) {
    Json data = {{"member_id", member}, {"household_id", "h"}, {"date", "2026-11-18"}};
    data.update(extra);
    return {"0", type, data};
}

}  // namespace

TEST_CASE("progress: the volunteer's week and what is left to do", "[progress]") {
    Fixture f;
    REQUIRE(kMonday == weekStart(weekOf(kNow + kWibOffset)) - kWibOffset);
    const RegisteredHousehold old = f.add(0, f.rina, kMonday - 60);  // Sunday night, last week
    const RegisteredHousehold a = f.add(1, f.rina, kMonday);          // the week's first second
    const RegisteredHousehold b = f.add(2, f.rina, kNow - 3600);
    f.add(3, f.dewi, kNow - 600);  // the supervisor's own

    // Empty before anything was sent: registered, not synced, nothing to do.
    auto before = volunteerProgress(*f.store, f.rina.id, kNow);
    REQUIRE(before);
    CHECK(before->week.since == kMonday);
    CHECK(before->week.households == 2);
    CHECK(before->week.members == 6);
    CHECK(before->week.synced == 0);
    CHECK(before->week.verified == 0);
    CHECK(before->todo.empty());

    // The hub takes every event; the office verifies two of this week's members, asks for a
    // correction on last week's head and refuses one of its members.
    auto pending = listEvents(*f.store, 0, 1000, SyncState::pending);
    REQUIRE(pending);
    PushAnswer answer;
    for (const Event& e : *pending) answer.accepted.push_back(e.id);
    REQUIRE(applyPushAnswer(*f.store, *pending, answer, kNow));
    ChangesPage page;
    page.next = "4";
    page.changes = {change("registration.verified", a.member_ids[0]),
                    change("registration.verified", b.member_ids[2]),
                    change("registration.correction_requested", old.member_ids[0],
                           {{"reason", "birth_date"}, {"note", "Cek KTP"}}),
                    change("registration.rejected", old.member_ids[1], {{"reason", "deceased"}})};
    REQUIRE(applyHubChanges(*f.store, page, kNow + 60));

    // A draft left open, and a lead from a session that never registered.
    HouseholdDraft draft;
    draft.household = test::sampleHousehold(9, 27, 1);
    draft.household.members[0].name = "Budi Draf";
    REQUIRE(saveDraft(*f.store, f.rina.id, draft, kNow));
    const SessionPlan plan = test::sampleSessionPlan("Rina");
    const WriteContext ctx{f.rina.id, kNow, test::kToday};
    auto session = planSession(*f.store, plan, test::assets().materials, test::regions(), ctx);
    REQUIRE(session);
    REQUIRE(holdSession(*f.store, *session, ctx));
    auto joko = recordAttendance(*f.store, *session, {"", "Pak Joko", ""}, test::regions(), ctx);
    REQUIRE(joko);
    REQUIRE(markLead(*f.store, *session, *joko, ctx));

    auto p = volunteerProgress(*f.store, f.rina.id, kNow);
    REQUIRE(p);
    CHECK(p->week.households == 2);
    CHECK(p->week.members == 6);
    CHECK(p->week.synced == 6);
    CHECK(p->week.verified == 2);
    REQUIRE(p->todo.size() == 4);
    CHECK(p->todo[0].kind == TodoKind::correction);
    CHECK(p->todo[0].household_id == old.household_id);
    CHECK(p->todo[0].reason == "birth_date");
    CHECK(p->todo[0].note == "Cek KTP");
    CHECK(p->todo[1].kind == TodoKind::refused);
    CHECK(p->todo[1].reason == "deceased");
    CHECK(p->todo[2].kind == TodoKind::draft);
    CHECK(p->todo[2].name == "Budi Draf");
    CHECK(p->todo[2].draft.id == draft.id);
    CHECK(p->todo[3].kind == TodoKind::lead);
    CHECK(p->todo[3].name == "Pak Joko");
    CHECK(p->todo[3].session_id == *session);

    // The supervisor's own: one household this week, nothing to do.
    auto dewi = volunteerProgress(*f.store, f.dewi.id, kNow);
    REQUIRE(dewi);
    CHECK(dewi->week.households == 1);
    CHECK(dewi->todo.empty());

    // Next Monday at 00:00 WIB the week starts again; the to-do list stays.
    auto next = volunteerProgress(*f.store, f.rina.id, kMonday + 7 * 86400);
    REQUIRE(next);
    CHECK(next->week.households == 0);
    CHECK(next->todo.size() == 4);
}

TEST_CASE("progress: a baby registered without a NIK waits on the list until it has one",
          "[progress][mothers]") {
    Fixture f;
    HouseholdInput family = test::sampleHousehold(4, 12, 1);
    MemberInput baby{"", "Bayi Rina", "2026-10-01", "F", "child", "PBPU", "3"};
    baby.no_nik = true;
    family.members.push_back(baby);
    auto done = registerHouseholds(*f.store, {family}, test::regions(),
                                   {f.rina.id, kNow - 3600, test::kToday});
    INFO((done.errors.empty() ? "" : done.errors[0].field + " " + done.errors[0].error.code));
    REQUIRE(done.ok());
    const RegisteredHousehold& h = done.households.front();

    auto p = volunteerProgress(*f.store, f.rina.id, kNow);
    REQUIRE(p);
    REQUIRE(p->todo.size() == 1);
    CHECK(p->todo[0].kind == TodoKind::baby_nik);
    CHECK(p->todo[0].name == "Bayi Rina");
    CHECK(p->todo[0].household_id == h.household_id);
    CHECK(volunteerProgress(*f.store, f.dewi.id, kNow)->todo.empty());

    // The NIK arrives: the volunteer adds it; the hub gets it as a correction.
    MemberInput with_nik = baby;
    with_nik.no_nik = false;
    with_nik.nik = "1806014110260001";
    auto changed = correctMember(*f.store, h.member_ids[1], with_nik, test::regions(),
                                 {f.rina.id, kNow, test::kToday});
    REQUIRE(changed);
    CHECK(*changed == std::vector<std::string>{"nik"});
    CHECK(volunteerProgress(*f.store, f.rina.id, kNow)->todo.empty());
    auto events = readEvents(*f.store, 0, 100);
    REQUIRE(events);
    CHECK(events->back().type == "member.corrected");
    CHECK(events->back().data.find("\"nik\":\"1806014110260001\"") != std::string::npos);
}
