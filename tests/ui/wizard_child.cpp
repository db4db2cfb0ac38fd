// The child of the draft kill test: walks the wizard half-way by tapping (headless), prints
// "ready" once the last step it took is saved, and waits to be killed with SIGKILL.
//   pekon_wizard_child DB USER_ID
#include <unistd.h>

#include <cstdio>
#include <exception>

#include "store/users.hpp"
#include "support/ui_walk.hpp"
#include "ui/headless.hpp"
#include "ui/screens/home_screen.hpp"

int main(int argc, char** argv) {
    using namespace pekon;
    if (argc != 3) return 2;
    try {
        auto store = Store::open(argv[1]);
        if (!store) return 1;
        auto users = listUsers(**store);
        if (!users || users->empty() || users->front().id != argv[2]) return 1;
        test::Headless app(**store);
        app.home(users->front());
        test::WizardLocation at;
        at.rt = "7";
        at.rw = "3";
        test::walkToMembersStep(app, "1806011203150007", at);
        app.tap("wizard.member.add");
        app.tap("wizard.member.nik");
        app.typeKeys("1806011505800001");
        app.tap("key.done");
        app.tap("wizard.member.name");
        app.typeKeys("budi santoso");
        app.tap("key.done");
        app.tap("wizard.member.sex.M");
        app.tap("wizard.member.occupation.fisher");
        app.tap("wizard.member.done");
        std::printf("ready\n");
        std::fflush(stdout);
        for (;;) ::pause();  // mid-wizard, until killed
    } catch (const std::exception& e) {
        std::fprintf(stderr, "wizard child: %s\n", e.what());
        return 1;
    }
}
