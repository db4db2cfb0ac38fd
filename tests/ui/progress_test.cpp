// Home's week and to-do list, headless: the counts, each kind of thing to do opening what it
// should with one tap, and a supervisor reading each volunteer's list (another's draft stays
// shut). All from the tablet's own database, offline.
#include <catch2/catch.hpp>

#include "codec/json.hpp"
#include "store/drafts.hpp"
#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/hub_changes.hpp"
#include "store/outbox.hpp"
#include "store/progress.hpp"
#include "store/sessions.hpp"
#include "store/users.hpp"
#include "support/hub_seal.hpp"
#include "support/sample_households.hpp"
#include "support/sample_session.hpp"
#include "ui/headless.hpp"
#include "ui/progress_panel.hpp"

using namespace pekon;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;  // Wednesday 2026-11-18

struct Seeded {
    std::unique_ptr<Store> store;
    User rina, dewi;
    std::string corrected_household, session;
};

Seeded seed(const std::string& file) {
    Seeded s;
    auto opened = Store::open(test::tempPath(file));
    REQUIRE(opened.ok());
    s.store = std::move(*opened);
    Store& store = *s.store;
    s.dewi = createUser(store, "Dewi Lestari", Role::supervisor, "582914", "", kNow - 86400).value();
    s.rina = createUser(store, "Rina Marlina", Role::volunteer, "428195", "", kNow - 86400).value();
    test::giveHubSealKey(store);
    auto done = registerHouseholds(
        store, {test::sampleHousehold(0, 0, 3), test::sampleHousehold(1, 3, 3)}, test::regions(),
        {s.rina.id, kNow - 3600, test::kToday});
    REQUIRE(done.ok());
    auto pending = listEvents(store, 0, 1000, SyncState::pending);
    REQUIRE(pending);
    PushAnswer answer;
    for (const Event& e : *pending) answer.accepted.push_back(e.id);
    REQUIRE(applyPushAnswer(store, *pending, answer, kNow - 600));
    const RegisteredHousehold& first = done.households[0];
    s.corrected_household = first.household_id;
    ChangesPage page;
    page.next = "2";
    page.changes = {
        {"1", "registration.correction_requested",
         Json{{"member_id", first.member_ids[1]}, {"household_id", first.household_id},
              {"reason", "birth_date"}, {"note", "Cek KTP"}, {"date", "2026-11-18"}}},
        {"2", "registration.verified",
         Json{{"member_id", done.households[1].member_ids[0]},
              {"household_id", done.households[1].household_id}, {"date", "2026-11-18"}}}};
    REQUIRE(applyHubChanges(store, page, kNow - 300));
    HouseholdDraft draft;
    draft.household = test::sampleHousehold(5, 15, 1);
    draft.household.members[0].name = "Budi Draf";
    REQUIRE(saveDraft(store, s.rina.id, draft, kNow - 200));
    const SessionPlan plan = test::sampleSessionPlan("Rina Marlina");
    const WriteContext ctx{s.rina.id, kNow - 100, test::kToday};
    auto session = planSession(store, plan, test::assets().materials, test::regions(), ctx);
    REQUIRE(session);
    REQUIRE(holdSession(store, *session, ctx));
    auto joko = recordAttendance(store, *session, {"", "Pak Joko", ""}, test::regions(), ctx);
    REQUIRE(joko);
    REQUIRE(markLead(store, *session, *joko, ctx));
    s.session = *session;
    return s;
}

}  // namespace

TEST_CASE("ui progress: the volunteer's week and to-do list, each opened by a tap",
          "[ui_progress]") {
    Seeded s = seed("progress_ui.db");
    test::Headless app(*s.store, Lang::id, kNow);
    app.home(s.rina);
    app.frames(2);
    for (const char* id : {"home.week.households", "home.week.members", "home.week.synced",
                           "home.week.verified", "home.todo.0", "home.todo.1", "home.todo.2"}) {
        app.ui().scrollTo(id);
        app.frames(2);
        CHECK(app.ui().find(id));
    }
    CHECK_FALSE(app.ui().find("home.todo.3"));
    CHECK_FALSE(app.ui().find("home.volunteer.0"));  // a volunteer sees only their own
    auto progress = volunteerProgress(*s.store, s.rina.id, kNow);
    REQUIRE(progress);
    CHECK(progress->week.households == 2);
    CHECK(progress->week.synced == 6);
    CHECK(progress->week.verified == 1);
    CHECK(ui::todoText(app.ui(), progress->todo[0]).rfind("Perbaiki ", 0) == 0);
    CHECK(ui::todoText(app.ui(), progress->todo[0]).find("Tanggal lahir salah") !=
          std::string::npos);
    CHECK(ui::todoText(app.ui(), progress->todo[1]) == "Lanjutkan draf: Budi Draf");
    CHECK(ui::todoText(app.ui(), progress->todo[2]) == "Kunjungi calon peserta: Pak Joko");
    // Large touch targets.
    app.ui().scrollTo("home.todo.0");
    app.frames(2);
    auto first = app.ui().find("home.todo.0");
    REQUIRE(first);
    CHECK(first->second.y - first->first.y >= 64);

    app.tap("home.todo.0");
    REQUIRE(app.screen() == "household");
    app.tap("nav.back");
    REQUIRE(app.screen() == "home");
    app.tap("home.todo.1");
    CHECK(app.screen() == "wizard");
    app.shell().show(std::make_unique<ui::HomeScreen>());
    app.frames(2);
    app.tap("home.todo.2");
    CHECK(app.screen() == "session");
    CHECK(app.ui().missingKeys().empty());
}

TEST_CASE("ui progress: a supervisor reads each volunteer's list; another's draft stays shut",
          "[ui_progress]") {
    Seeded s = seed("progress_supervisor.db");
    test::Headless app(*s.store, Lang::en, kNow);
    app.home(s.dewi);
    app.frames(2);
    app.ui().scrollTo("home.todo.none");
    app.frames(2);
    CHECK(app.ui().find("home.todo.none"));  // the supervisor's own: nothing
    // Users are listed supervisors first: Dewi (0), then Rina (1).
    app.tap("home.volunteer.1");
    app.ui().scrollTo("home.todo.1");
    app.frames(3);
    REQUIRE(app.ui().find("home.todo.1"));
    app.tap("home.todo.1");  // Rina's draft
    CHECK(app.screen() == "home");
    app.tap("home.todo.0");  // Rina's correction: the household opens for reading
    CHECK(app.screen() == "household");
    CHECK(app.ui().missingKeys().empty());
}
