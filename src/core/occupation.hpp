#pragma once

#include <optional>
#include <string_view>

#include "core/enrolment.hpp"

namespace pekon {

// What a member does for a living, as the form asks it: it suggests the JKN segment.
enum class Occupation {
    farmer,
    fisher,
    trader,
    laborer,
    entrepreneur,
    private_employee,
    civil_servant,  // PNS, TNI, Polri
    retired,
    housewife,
    student,
    unemployed,
    other,
};

inline constexpr Occupation kAllOccupations[] = {
    Occupation::farmer,          Occupation::fisher,        Occupation::trader,  Occupation::laborer,
    Occupation::entrepreneur,    Occupation::private_employee, Occupation::civil_servant,
    Occupation::retired,         Occupation::housewife,     Occupation::student, Occupation::unemployed,
    Occupation::other};

std::string_view occupationCode(Occupation occupation);  // snake_case, as above
std::optional<Occupation> parseOccupation(std::string_view text);

// The segment an occupation usually belongs to: wage earners PPU, the self-employed PBPU,
// pensioners BP. Dependants (housewife, student, unemployed, other) follow the household,
// and the poor listed in DTKS are PBI whatever their work: no suggestion for those.
std::optional<Segment> suggestedSegment(Occupation occupation);

}  // namespace pekon
