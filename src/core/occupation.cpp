#include "core/occupation.hpp"

#include "core/code_lookup.hpp"

namespace pekon {

std::string_view occupationCode(Occupation o) {
    switch (o) {
        case Occupation::farmer: return "farmer";
        case Occupation::fisher: return "fisher";
        case Occupation::trader: return "trader";
        case Occupation::laborer: return "laborer";
        case Occupation::entrepreneur: return "entrepreneur";
        case Occupation::private_employee: return "private_employee";
        case Occupation::civil_servant: return "civil_servant";
        case Occupation::retired: return "retired";
        case Occupation::housewife: return "housewife";
        case Occupation::student: return "student";
        case Occupation::unemployed: return "unemployed";
        case Occupation::other: return "other";
    }
    return "";
}

std::optional<Occupation> parseOccupation(std::string_view text) {
    return findByCode(text, kAllOccupations, occupationCode);
}

std::optional<Segment> suggestedSegment(Occupation o) {
    switch (o) {
        case Occupation::private_employee:
        case Occupation::civil_servant: return Segment::ppu;
        case Occupation::farmer:
        case Occupation::fisher:
        case Occupation::trader:
        case Occupation::laborer:
        case Occupation::entrepreneur: return Segment::pbpu;
        case Occupation::retired: return Segment::bp;
        default: return std::nullopt;
    }
}

}  // namespace pekon
