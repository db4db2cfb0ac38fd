// Draft safety: the app killed with SIGKILL in the middle of the wizard, restarted, offers the
// draft back with every field entered.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>

#include "store/users.hpp"
#include "support/child_process.hpp"
#include "ui/headless.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/wizard_screen.hpp"

using namespace pekon;

TEST_CASE("ui: a wizard killed with SIGKILL comes back as a draft with every field") {
    const std::string path = test::tempPath("killed.db");
    std::string user_id;
    {
        auto store = Store::open(path);
        REQUIRE(store.ok());
        auto user =
            createUser(**store, "Rina Marlina", Role::supervisor, "428195", "", 1'795'000'000);
        REQUIRE(user.ok());
        user_id = user->id;
    }
    const test::Child child = test::spawnChild(PEKON_WIZARD_CHILD, {path, user_id});
    const pid_t pid = child.pid;
    FILE* out = child.out;
    char line[64] = {};
    const bool ready =
        std::fgets(line, sizeof line, out) != nullptr && std::strncmp(line, "ready", 5) == 0;
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::fclose(out);
    REQUIRE(ready);
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));

    auto store = Store::open(path);
    REQUIRE(store.ok());
    auto users = listUsers(**store);
    REQUIRE(users.ok());
    // The draft is sealed at rest: it opens once the volunteer signs in again.
    REQUIRE(login(**store, users->front().id, "428195", 1'795'000'000));
    test::Headless app(**store);
    app.home(users->front());
    app.tap("home.draft");
    REQUIRE(app.screen() == "wizard");
    const HouseholdDraft& d = dynamic_cast<const ui::WizardScreen&>(app.shell().top()).draft();
    CHECK(d.step == WizardStep::members);
    CHECK(d.district_code == "18.06.01");
    CHECK(d.household.village_code == "18.06.01.2016");
    CHECK(d.household.address == "Jl Merdeka 12");
    CHECK(d.household.rt == "7");
    CHECK(d.household.rw == "3");
    CHECK(d.household.kk_number == "1806011203150007");
    REQUIRE(d.household.members.size() == 1);
    const MemberInput& m = d.household.members[0];
    CHECK(m.nik == "1806011505800001");
    CHECK(m.name == "Budi Santoso");
    CHECK(m.sex == "M");
    CHECK(m.relation == "head");
    CHECK(m.occupation == "fisher");
    CHECK(m.segment == "PBPU");
}
