#pragma once

#include <optional>
#include <string_view>

namespace pekon {

// JKN-KIS membership segments.
enum class Segment {
    pbi_apbn,  // Penerima Bantuan Iuran, paid from the national budget
    pbi_apbd,  // PBI paid by the regional government (formerly Jamkesda)
    ppu,       // Pekerja Penerima Upah: wage workers, paid through payroll
    pbpu,      // Pekerja Bukan Penerima Upah: self-paying (mandiri)
    bp,        // Bukan Pekerja: non-workers (pensioners, investors...)
};

std::string_view segmentCode(Segment segment);  // "PBI-APBN", "PBI-APBD", "PPU", "PBPU", "BP"
// The codes, case-insensitive.
std::optional<Segment> parseSegment(std::string_view text);
bool isPbi(Segment segment);
inline constexpr Segment kAllSegments[] = {Segment::pbi_apbn, Segment::pbi_apbd, Segment::ppu,
                                           Segment::pbpu, Segment::bp};

// Care class (kelas rawat): 1, 2 or 3. Parses "1".."3" and "I".."III" (also "Kelas II").
std::optional<int> parseCareClass(std::string_view text);
std::string_view careClassRoman(int care_class);  // "I", "II", "III"
// Which classes a segment may choose: PBI only III; PPU I or II (by wage); PBPU/BP any.
bool classAllowed(Segment segment, int care_class);

// A member's relation to the head of the family, as on the Kartu Keluarga.
enum class Relation {
    head,
    spouse,
    child,
    child_in_law,
    grandchild,
    parent,
    parent_in_law,
    other_relative,
    helper,
    other,
};

std::string_view relationCode(Relation relation);  // snake_case: "head", "child_in_law"...
std::optional<Relation> parseRelation(std::string_view text);
inline constexpr Relation kAllRelations[] = {
    Relation::head,       Relation::spouse, Relation::child,         Relation::child_in_law,
    Relation::grandchild, Relation::parent, Relation::parent_in_law, Relation::other_relative,
    Relation::helper,     Relation::other};

}  // namespace pekon
