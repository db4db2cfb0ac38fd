// Draft safety: the app killed with SIGKILL in the middle of the wizard, restarted, offers the
// draft back with every field entered.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>

#include "store/users.hpp"
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
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        ::execl(PEKON_WIZARD_CHILD, PEKON_WIZARD_CHILD, path.c_str(), user_id.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    FILE* out = ::fdopen(fds[0], "r");
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
    test::Headless app(**store);
    app.shell().navigator().signIn(users->front());
    app.shell().show(std::make_unique<ui::HomeScreen>());
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
