#include "ui/screens/household_screen.hpp"

#include <catch2/catch.hpp>

#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/hub_changes.hpp"
#include "store/outbox.hpp"
#include "store/users.hpp"
#include "store/verify.hpp"
#include "support/hub_seal.hpp"
#include "support/sample_households.hpp"
#include "ui/headless.hpp"
#include "ui/screens/households_screen.hpp"

using namespace pekon;

namespace {

struct Seeded {
    std::unique_ptr<Store> store;
    User user;
};

// A database with a supervisor and `count` sample households of three members.
Seeded supervisorWithHouseholds(const std::string& file, int count) {
    auto opened = Store::open(test::tempPath(file));
    REQUIRE(opened.ok());
    Store& store = **opened;
    auto user = createUser(store, "Dewi Lestari", Role::supervisor, "428195", "", 1'795'000'000);
    REQUIRE(user.ok());
    test::giveHubSealKey(store);  // enrolled: its events are sealed for the hub as written
    std::vector<HouseholdInput> batch;
    for (int i = 0; i < count; ++i) batch.push_back(test::sampleHousehold(i, i * 3, 3));
    REQUIRE(
        registerHouseholds(store, batch, test::regions(), {"t", 1'795'000'000, test::kToday}).ok());
    return {std::move(*opened), *user};
}

}  // namespace

TEST_CASE("ui: from the list to a household, its pipeline, and a correction by tapping") {
    auto [store, user] = supervisorWithHouseholds("detail.db", 12);
    // The office has verified and been paid for household 0's head: a card ETA shows.
    auto first = listHouseholds(*store, {}, 1);
    REQUIRE(first.ok());

    test::Headless app(*store, Lang::en);
    app.shell().navigator().signIn(user);
    app.shell().show(std::make_unique<ui::HouseholdsScreen>());
    app.frames(2);

    // By village: six sample villages rotate, so two of the twelve are in Negeri Ratu.
    app.tap("households.village_filter");
    app.typeKeys("negeri");
    app.tap("households.village.18.06.01.2016");
    app.frames(2);
    CHECK(app.ui().find("households.row.1"));
    CHECK_FALSE(app.ui().find("households.row.2"));
    app.tap("households.village.clear");
    app.frames(2);
    CHECK(app.ui().find("households.row.2"));

    app.tap("households.row.0");
    REQUIRE(app.screen() == "household");
    app.tap("household.edit.1");
    REQUIRE(app.screen() == "member_edit");
    app.tap("edit.member.class.2");
    app.tap("edit.member.save");
    CHECK(app.screen() == "household");
    auto events = listEvents(*store, 0, 1000);
    REQUIRE(events.ok());
    CHECK(events->back().type == "member.corrected");
    CHECK(events->back().data.find("\"class\":2") != std::string::npos);
    CHECK(events->back().actor == user.id);
    CHECK(verifyProjections(*store).ok());
    CHECK(app.ui().missingKeys().empty());
}

namespace {

// The hub takes every pending event, then sends the office's decisions in one page.
void syncAndDecide(Store& store, const std::vector<HubChange>& decisions, UnixSeconds now) {
    auto pending = listEvents(store, 0, 1000, SyncState::pending);
    REQUIRE(pending.ok());
    PushAnswer answer;
    for (const Event& e : *pending) answer.accepted.push_back(e.id);
    REQUIRE(applyPushAnswer(store, *pending, answer, now).ok());
    ChangesPage page;
    page.changes = decisions;
    page.next = "1";
    REQUIRE(applyHubChanges(store, page, now + 60).ok());
}

HubChange decision(const std::string& type, const MemberRecord& m, const std::string& reason,
                   const std::string& note) {
    return {"1", type,
            Json{{"member_id", m.member.id},
                 {"household_id", m.member.household_id},
                 {"reason", reason},
                 {"note", note},
                 {"date", "2026-11-20"}}};
}

}  // namespace

TEST_CASE(
    "ui: a correction the office asked for: found from the list, shown with its reason "
    "and note, corrected by tapping, then shown as sent",
    "[household_screen][correction]") {
    auto [store, user] = supervisorWithHouseholds("correction.db", 5);
    // The office asks for a correction of one member of the third household listed, and
    // refuses another member of it.
    auto listed = listHouseholds(*store, {}, 10);
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 5);
    const std::string household = listed->at(2).household.id;
    auto detail = findHousehold(*store, household);
    REQUIRE(detail.ok());
    REQUIRE(detail->has_value());
    const std::vector<MemberRecord> members = (*detail)->members;
    const std::string note = "Tanggal lahir di KTP 12-03-1985; cek ulang.";
    syncAndDecide(*store,
                  {decision("registration.correction_requested", members[1], "birth_date", note),
                   decision("registration.rejected", members[2], "deceased", "")},
                  1'795'000'600);

    test::Headless app(*store, Lang::id);
    app.shell().navigator().signIn(user);
    app.shell().show(std::make_unique<ui::HouseholdsScreen>());
    app.frames(2);
    // The household is marked in the list, and one tap narrows the list to it.
    CHECK(app.ui().find("households.needs_correction.2"));
    CHECK_FALSE(app.ui().find("households.needs_correction.0"));
    app.tap("households.corrections");
    app.frames(2);
    CHECK(app.ui().find("households.row.0"));
    CHECK_FALSE(app.ui().find("households.row.1"));
    app.tap("households.row.0");
    REQUIRE(app.screen() == "household");
    app.frames(1);

    // The request with the reason's words (Indonesian first) and the office's note.
    CHECK(app.ui().find("household.needs_correction.1"));
    app.ui().scrollTo("household.rejected.2");
    app.frames(2);
    CHECK(app.ui().find("household.rejected.2"));
    CHECK_FALSE(app.ui().find("household.needs_correction.0"));
    auto now_detail = findHousehold(*store, household);
    REQUIRE(now_detail.ok());
    const MemberRecord asked = (**now_detail).members[1];
    CHECK(asked.office_note == note);
    CHECK(ui::officeRequestText(app.ui(), asked) == "Kantor minta perbaikan: Tanggal lahir salah");
    CHECK(ui::officeRequestText(app.ui(), (**now_detail).members[2]) ==
          "Ditolak kantor: Sudah meninggal");
    CHECK(ui::officeRequestText(app.ui(), (**now_detail).members[0]).empty());
    // The one thing to do is a large button; the others keep their Edit.
    CHECK_FALSE(app.ui().find("household.edit.1"));
    CHECK(app.ui().find("household.edit.0"));
    auto correct = app.ui().find("household.correct.1");
    REQUIRE(correct);
    CHECK(correct->second.y - correct->first.y >= 64);
    CHECK(correct->second.x - correct->first.x >= 300);

    // Tapping it opens the correction of that member, with the request above the form.
    app.tap("household.correct.1");
    REQUIRE(app.screen() == "member_edit");
    CHECK(dynamic_cast<const ui::MemberEditScreen&>(app.shell().top()).memberId() ==
          members[1].member.id);
    app.frames(1);
    CHECK(app.ui().find("member_edit.request"));
    app.tap("edit.member.class.2");
    app.tap("edit.member.save");
    REQUIRE(app.screen() == "household");
    app.frames(2);

    // Saved as a correction, queued for the hub, shown as sent until the office decides.
    auto events = listEvents(*store, 0, 1000, SyncState::pending);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 1);
    CHECK(events->back().type == "member.corrected");
    CHECK(events->back().data.find(members[1].member.id) != std::string::npos);
    auto after = findHousehold(*store, household);
    REQUIRE(after.ok());
    CHECK((**after).members[1].status == MemberStatus::queued);
    CHECK(app.ui().find("household.correction_sent.1"));
    CHECK_FALSE(app.ui().find("household.correct.1"));
    CHECK(app.ui().find("household.edit.1"));

    // Back at the list: nothing is left to correct.
    app.tap("nav.back");
    REQUIRE(app.screen() == "households");
    app.frames(2);
    CHECK(countHouseholds(*store, {}, true).value() == 0);
    CHECK_FALSE(app.ui().find("households.needs_correction.0"));
    CHECK_FALSE(app.ui().find("households.corrections"));
    CHECK(app.ui().find("households.row.4"));  // the whole list again
    CHECK(verifyProjections(*store).ok());
    CHECK(app.ui().missingKeys().empty());
}
