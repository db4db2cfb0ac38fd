#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/household.hpp"

namespace pekon {

// The steps of the household wizard, in order.
enum class WizardStep { location, kk, members, classes, documents, consent, review };
inline constexpr WizardStep kAllSteps[] = {WizardStep::location, WizardStep::kk,      WizardStep::members,
                                           WizardStep::classes,  WizardStep::documents, WizardStep::consent,
                                           WizardStep::review};
std::string_view stepCode(WizardStep step);  // "location", "kk", ...
std::optional<WizardStep> parseStep(std::string_view text);

// A half-filled household, saved at every step so that nothing is lost.
struct HouseholdDraft {
    std::string id;
    WizardStep step = WizardStep::location;
    std::string district_code;  // the kecamatan picked before the pekon
    HouseholdInput household;   // household fields, documents, consent and members as typed
};

// Checks what one step asks for. Errors block Next; warnings are shown.
// members: every member valid (a NIK mismatch needs a reason); at least one, one head.
// documents: at least KTP or KK seen; a PBI member needs the PBI basis.
// consent: both boxes. review: everything.
FieldErrors validateStep(const HouseholdDraft& draft, WizardStep step, const RegionTable& regions,
                         const Date& today, FieldErrors& warnings);

}  // namespace pekon
