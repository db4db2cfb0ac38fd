#pragma once

// The tap walk from Home into the household wizard, as a volunteer does it, shared by the UI
// tests (and the wizard child of the draft kill test). Failures throw, like Headless's taps.
#include <stdexcept>
#include <string>

#include "ui/headless.hpp"
#include "ui/screens/wizard_screen.hpp"

namespace pekon::test {

// The location step's answers. An empty village_filter taps the village without typing a
// filter; an empty address, RT or RW is left empty.
struct WizardLocation {
    std::string district = "18.06.01";
    std::string village_filter = "negeri";
    std::string village = "18.06.01.2016";
    std::string address = "jl merdeka 12";
    std::string rt = "2";
    std::string rw = "1";
};

// The wizard on top, as the test sees it.
inline const ui::WizardScreen& wizardOf(Headless& app) {
    return dynamic_cast<const ui::WizardScreen&>(app.shell().top());
}

inline void requireStep(Headless& app, WizardStep step) {
    if (app.screen() != "wizard" || wizardOf(app).draft().step != step)
        throw std::runtime_error("the walk did not reach the wizard's " +
                                 std::string(stepCode(step)) + " step");
}

// Home -> "Register a household" -> the location filled in -> Next: the KK step.
inline void walkToKkStep(Headless& app, const WizardLocation& at = {}) {
    app.tap("home.register");
    app.tap("wizard.district." + at.district);
    if (!at.village_filter.empty()) app.typeInto("wizard.village_filter", at.village_filter);
    app.tap("wizard.village." + at.village);
    if (!at.address.empty()) app.typeInto("wizard.address", at.address);
    if (!at.rt.empty()) app.typeInto("wizard.rt", at.rt);
    if (!at.rw.empty()) app.typeInto("wizard.rw", at.rw);
    app.tap("wizard.next");
    requireStep(app, WizardStep::kk);
}

// ... -> the KK number -> Next: the members step.
inline void walkToMembersStep(Headless& app, const std::string& kk = "1806011203150007",
                              const WizardLocation& at = {}) {
    walkToKkStep(app, at);
    app.typeInto("wizard.kk", kk);
    app.tap("wizard.next");
    requireStep(app, WizardStep::members);
}

}  // namespace pekon::test
