#include "core/enrolment.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace pekon;

TEST_CASE("enrolment: segment codes") {
    CHECK(segmentCode(Segment::pbi_apbn) == "PBI-APBN");
    CHECK(segmentCode(Segment::pbi_apbd) == "PBI-APBD");
    CHECK(segmentCode(Segment::ppu) == "PPU");
    CHECK(segmentCode(Segment::pbpu) == "PBPU");
    CHECK(segmentCode(Segment::bp) == "BP");
    for (Segment s : kAllSegments) {
        CHECK(parseSegment(segmentCode(s)) == s);
    }
}

TEST_CASE("enrolment: parseSegment is case-insensitive and trims") {
    CHECK(parseSegment("pbi-apbn") == Segment::pbi_apbn);
    CHECK(parseSegment(" Pbpu ") == Segment::pbpu);
    CHECK_FALSE(parseSegment("PBI"));
    CHECK_FALSE(parseSegment("PBI APBN"));
    CHECK_FALSE(parseSegment("mandiri"));
    CHECK_FALSE(parseSegment(""));
}

TEST_CASE("enrolment: isPbi") {
    CHECK(isPbi(Segment::pbi_apbn));
    CHECK(isPbi(Segment::pbi_apbd));
    CHECK_FALSE(isPbi(Segment::ppu));
    CHECK_FALSE(isPbi(Segment::pbpu));
    CHECK_FALSE(isPbi(Segment::bp));
}

TEST_CASE("enrolment: parseCareClass") {
    struct Case {
        const char* text;
        int care_class;
    };
    for (const Case& c : {Case{"1", 1}, Case{"2", 2}, Case{"3", 3}, Case{"I", 1}, Case{"II", 2},
                          Case{"III", 3}, Case{"iii", 3}, Case{"Kelas II", 2}, Case{"kelas 3", 3},
                          Case{"KELAS I", 1}, Case{"KelasIII", 3}, Case{" 2 ", 2}}) {
        INFO(c.text);
        CHECK(parseCareClass(c.text) == c.care_class);
    }
    for (const char* text : {"0", "4", "IV", "", "Kelas", "kelas 4", "1.0", "satu", "I I"}) {
        INFO(text);
        CHECK_FALSE(parseCareClass(text));
    }
}

TEST_CASE("enrolment: careClassRoman") {
    CHECK(careClassRoman(1) == "I");
    CHECK(careClassRoman(2) == "II");
    CHECK(careClassRoman(3) == "III");
    CHECK(careClassRoman(0) == "");
    CHECK(careClassRoman(4) == "");
}

TEST_CASE("enrolment: classAllowed per segment") {
    for (Segment s : {Segment::pbi_apbn, Segment::pbi_apbd}) {
        CHECK_FALSE(classAllowed(s, 1));
        CHECK_FALSE(classAllowed(s, 2));
        CHECK(classAllowed(s, 3));
    }
    CHECK(classAllowed(Segment::ppu, 1));
    CHECK(classAllowed(Segment::ppu, 2));
    CHECK_FALSE(classAllowed(Segment::ppu, 3));
    for (Segment s : {Segment::pbpu, Segment::bp}) {
        CHECK(classAllowed(s, 1));
        CHECK(classAllowed(s, 2));
        CHECK(classAllowed(s, 3));
    }
    for (Segment s : kAllSegments) {
        CHECK_FALSE(classAllowed(s, 0));
        CHECK_FALSE(classAllowed(s, 4));
        CHECK_FALSE(classAllowed(s, -1));
    }
}

TEST_CASE("enrolment: relation codes") {
    CHECK(relationCode(Relation::head) == "head");
    CHECK(relationCode(Relation::child_in_law) == "child_in_law");
    CHECK(relationCode(Relation::other_relative) == "other_relative");
    std::set<std::string_view> seen;
    for (Relation r : kAllRelations) {
        CHECK(parseRelation(relationCode(r)) == r);
        seen.insert(relationCode(r));
    }
    CHECK(seen.size() == 10);
    CHECK(parseRelation(" spouse ") == Relation::spouse);
    CHECK_FALSE(parseRelation("Head"));
    CHECK_FALSE(parseRelation("kepala keluarga"));
    CHECK_FALSE(parseRelation(""));
}
