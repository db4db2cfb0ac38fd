#include "core/enrolment.hpp"

#include <string>

#include "core/code_lookup.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {
std::string upper(std::string_view text) {
    std::string out(trim(text));
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}
}  // namespace

std::string_view segmentCode(Segment segment) {
    switch (segment) {
        case Segment::pbi_apbn:
            return "PBI-APBN";
        case Segment::pbi_apbd:
            return "PBI-APBD";
        case Segment::ppu:
            return "PPU";
        case Segment::pbpu:
            return "PBPU";
        case Segment::bp:
            return "BP";
    }
    return "";
}

std::optional<Segment> parseSegment(std::string_view text) {
    return findByCode(upper(text), kAllSegments, segmentCode);
}

bool isPbi(Segment segment) {
    return segment == Segment::pbi_apbn || segment == Segment::pbi_apbd;
}

std::optional<int> parseCareClass(std::string_view text) {
    std::string code = upper(text);
    if (code.rfind("KELAS", 0) == 0) code = std::string(trim(std::string_view(code).substr(5)));
    if (code == "1" || code == "I") return 1;
    if (code == "2" || code == "II") return 2;
    if (code == "3" || code == "III") return 3;
    return std::nullopt;
}

std::string_view careClassRoman(int care_class) {
    switch (care_class) {
        case 1:
            return "I";
        case 2:
            return "II";
        case 3:
            return "III";
    }
    return "";
}

bool classAllowed(Segment segment, int care_class) {
    if (care_class < 1 || care_class > 3) return false;
    if (isPbi(segment)) return care_class == 3;
    if (segment == Segment::ppu) return care_class != 3;
    return true;
}

std::string_view relationCode(Relation relation) {
    switch (relation) {
        case Relation::head:
            return "head";
        case Relation::spouse:
            return "spouse";
        case Relation::child:
            return "child";
        case Relation::child_in_law:
            return "child_in_law";
        case Relation::grandchild:
            return "grandchild";
        case Relation::parent:
            return "parent";
        case Relation::parent_in_law:
            return "parent_in_law";
        case Relation::other_relative:
            return "other_relative";
        case Relation::helper:
            return "helper";
        case Relation::other:
            return "other";
    }
    return "";
}

std::optional<Relation> parseRelation(std::string_view text) {
    return findByCode(trim(text), kAllRelations, relationCode);
}

}  // namespace pekon
