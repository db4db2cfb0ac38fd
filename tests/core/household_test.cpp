#include "core/household.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

using namespace pekon;

namespace {

MemberInput head() {
    return {"1806011407850003", "  Budi   Santoso ", "1985-07-14", "L", "head", "PBPU", "3"};
}
MemberInput spouse() {
    return {"1806015507880002", "Siti Aminah", "1988-07-15", "P", "spouse", "pbpu", "III"};
}
MemberInput child() {
    return {"1806010203150001", "Rizki", "2015-03-02", "M", "child", "PBI-APBN", "Kelas III"};
}

HouseholdInput validInput() {
    HouseholdInput in;
    in.kk_number = "1806011503200042";
    in.village_code = "18.06.01.2016";
    in.address = "Jl. Raya Negeri Ratu No. 5";
    in.rt = "1";
    in.rw = "02";
    in.phone = "0812-3456-7890";
    in.members = {head(), spouse(), child()};
    return in;
}

HouseholdValidation validate(const HouseholdInput& in) {
    return validateHousehold(in, test::regions(), test::kToday);
}

std::string describe(const FieldErrors& errors) {
    std::string out;
    for (const FieldError& e : errors) out += e.field + ": " + e.error.code + "\n";
    return out;
}

// Exactly one error, on `field`, with `code`, and two distinct messages.
void checkOnlyError(const HouseholdValidation& v, const std::string& field,
                    const std::string& code) {
    INFO(describe(v.errors));
    CHECK_FALSE(v.ok());
    REQUIRE(v.errors.size() == 1);
    CHECK(v.errors[0].field == field);
    CHECK(v.errors[0].error.code == code);
    CHECK_FALSE(v.errors[0].error.message_id.empty());
    CHECK_FALSE(v.errors[0].error.message_en.empty());
    CHECK(v.errors[0].error.message_id != v.errors[0].error.message_en);
}

bool hasError(const HouseholdValidation& v, const std::string& field, const std::string& code) {
    for (const FieldError& e : v.errors) {
        if (e.field == field && e.error.code == code) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("household: a valid household is normalised") {
    auto v = validate(validInput());
    INFO(describe(v.errors));
    REQUIRE(v.ok());
    CHECK(v.warnings.empty());
    CHECK(v.household.kk_number == "1806011503200042");
    CHECK(v.household.village_code == "18.06.01.2016");
    CHECK(v.household.address == "Jl. Raya Negeri Ratu No. 5");
    CHECK(v.household.rt == "001");
    CHECK(v.household.rw == "002");
    CHECK(v.household.phone == "+6281234567890");
    REQUIRE(v.members.size() == 3);

    const Member& h = v.members[0];
    CHECK(h.nik == "1806011407850003");
    CHECK(h.name == "Budi Santoso");
    CHECK(h.birth_date == Date{1985, 7, 14});
    CHECK(h.sex == Sex::male);
    CHECK(h.relation == Relation::head);
    CHECK(h.segment == Segment::pbpu);
    CHECK(h.care_class == 3);

    const Member& s = v.members[1];
    CHECK(s.sex == Sex::female);
    CHECK(s.relation == Relation::spouse);
    CHECK(s.segment == Segment::pbpu);
    CHECK(s.care_class == 3);
    CHECK(s.birth_date == Date{1988, 7, 15});

    const Member& c = v.members[2];
    CHECK(c.segment == Segment::pbi_apbn);
    CHECK(c.relation == Relation::child);
    CHECK(c.birth_date == Date{2015, 3, 2});
}

TEST_CASE("household: optional fields may be empty, and fields are trimmed") {
    auto in = validInput();
    in.rt = "";
    in.rw = "  ";
    in.phone = " ";
    in.village_code = " 18.06.01.2016 ";
    in.kk_number = " 1806 0115 0320 0042 ";
    in.members = {head()};
    in.members[0].nik = "1806 0114 0785 0003";
    in.members[0].birth_date = " 1985-07-14 ";
    in.members[0].sex = " l ";
    in.members[0].relation = " head ";
    auto v = validate(in);
    INFO(describe(v.errors));
    REQUIRE(v.ok());
    CHECK(v.household.rt.empty());
    CHECK(v.household.rw.empty());
    CHECK(v.household.phone.empty());
    CHECK(v.household.village_code == "18.06.01.2016");
    CHECK(v.household.kk_number == "1806011503200042");
    CHECK(v.members[0].nik == "1806011407850003");
}

TEST_CASE("household: one head of family") {
    SECTION("no head") {
        auto in = validInput();
        in.members[0].relation = "other_relative";
        checkOnlyError(validate(in), "members", "household_no_head");
    }
    SECTION("two heads") {
        auto in = validInput();
        in.members[1].relation = "head";
        checkOnlyError(validate(in), "members", "household_many_heads");
    }
}

TEST_CASE("household: member count") {
    SECTION("no members") {
        auto in = validInput();
        in.members.clear();
        checkOnlyError(validate(in), "members", "household_no_members");
    }
    SECTION("30 members is the maximum") {
        auto in = validInput();
        in.members = {head()};
        for (int i = 2; i <= 30; ++i) {
            MemberInput m = child();
            const std::string serial = (i < 10 ? "000" : "00") + std::to_string(i);
            m.nik = "180601020315" + serial;
            in.members.push_back(m);
        }
        REQUIRE(in.members.size() == 30);
        auto v = validate(in);
        INFO(describe(v.errors));
        CHECK(v.ok());
        CHECK(v.members.size() == 30);
    }
    SECTION("31 members are too many; only the first 30 are validated") {
        auto in = validInput();
        in.members = {head()};
        for (int i = 2; i <= 31; ++i) {
            MemberInput m = child();
            const std::string serial = (i < 10 ? "000" : "00") + std::to_string(i);
            m.nik = "180601020315" + serial;
            in.members.push_back(m);
        }
        auto v = validate(in);
        checkOnlyError(v, "members", "household_too_many_members");
        CHECK(v.members.size() == 30);
    }
}

TEST_CASE("household: the same NIK twice in one household") {
    auto in = validInput();
    MemberInput twin = head();
    twin.relation = "child";
    twin.name = "Budi Kedua";
    in.members.push_back(twin);
    auto v = validate(in);
    checkOnlyError(v, "members[3].nik", "nik_duplicate_in_household");
}

TEST_CASE("household: classes a segment may not choose") {
    SECTION("PBI in class I") {
        auto in = validInput();
        in.members[2].care_class = "I";
        checkOnlyError(validate(in), "members[2].class", "class_not_allowed");
    }
    SECTION("PBI-APBD in class II") {
        auto in = validInput();
        in.members[2].segment = "PBI-APBD";
        in.members[2].care_class = "2";
        checkOnlyError(validate(in), "members[2].class", "class_not_allowed");
    }
    SECTION("PPU in class III") {
        auto in = validInput();
        in.members[0].segment = "PPU";
        in.members[0].care_class = "III";
        checkOnlyError(validate(in), "members[0].class", "class_not_allowed");
    }
    SECTION("the PBI and PPU messages differ") {
        auto pbi = validInput();
        pbi.members[2].care_class = "1";
        auto ppu = validInput();
        ppu.members[2].segment = "PPU";
        ppu.members[2].care_class = "3";
        auto a = validate(pbi), b = validate(ppu);
        REQUIRE(a.errors.size() == 1);
        REQUIRE(b.errors.size() == 1);
        CHECK(a.errors[0].error.message_en != b.errors[0].error.message_en);
    }
    SECTION("PPU in class I and BP in class II are fine") {
        auto in = validInput();
        in.members[0].segment = "PPU";
        in.members[0].care_class = "1";
        in.members[1].segment = "BP";
        in.members[1].care_class = "Kelas II";
        auto v = validate(in);
        INFO(describe(v.errors));
        REQUIRE(v.ok());
        CHECK(v.members[0].segment == Segment::ppu);
        CHECK(v.members[0].care_class == 1);
        CHECK(v.members[1].segment == Segment::bp);
        CHECK(v.members[1].care_class == 2);
    }
    SECTION("an unknown class") {
        auto in = validInput();
        in.members[1].care_class = "4";
        checkOnlyError(validate(in), "members[1].class", "class_invalid");
    }
    SECTION("an unknown segment skips the class check") {
        auto in = validInput();
        in.members[1].segment = "JKN";
        in.members[1].care_class = "1";
        checkOnlyError(validate(in), "members[1].segment", "segment_invalid");
    }
}

TEST_CASE("household: the village") {
    for (const char* code : {"18.06.01.9999", "18.01.01.2001", "", "18.06.01", "1806012016"}) {
        INFO(code);
        auto in = validInput();
        in.village_code = code;
        checkOnlyError(validate(in), "village_code", "village_unknown");
    }
}

TEST_CASE("household: RT and RW") {
    SECTION("normalised to three digits") {
        auto in = validInput();
        in.rt = "999";
        in.rw = " 7 ";
        auto v = validate(in);
        REQUIRE(v.ok());
        CHECK(v.household.rt == "999");
        CHECK(v.household.rw == "007");
    }
    SECTION("bad RT") {
        for (const char* rt : {"0", "000", "1000", "0001", "1a", "-1", "RT 1", "1.5"}) {
            INFO(rt);
            auto in = validInput();
            in.rt = rt;
            checkOnlyError(validate(in), "rt", "rt_invalid");
        }
    }
    SECTION("bad RW") {
        auto in = validInput();
        in.rw = "x";
        checkOnlyError(validate(in), "rw", "rw_invalid");
    }
}

TEST_CASE("household: the address") {
    SECTION("empty") {
        auto in = validInput();
        in.address = "   ";
        checkOnlyError(validate(in), "address", "address_empty");
    }
    SECTION("200 bytes is the maximum") {
        auto in = validInput();
        in.address = std::string(200, 'a');
        CHECK(validate(in).ok());
        in.address = std::string(201, 'a');
        checkOnlyError(validate(in), "address", "address_too_long");
    }
    SECTION("control characters and broken UTF-8") {
        auto in = validInput();
        in.address = "Jl. Raya\nNo. 5";
        checkOnlyError(validate(in), "address", "address_invalid_chars");
        in.address = "Jl. Raya \xC3";
        checkOnlyError(validate(in), "address", "address_invalid_chars");
    }
    SECTION("runs of spaces are folded") {
        auto in = validInput();
        in.address = "  Jl.  Raya\tNo. 5 ";
        auto v = validate(in);
        REQUIRE(v.ok());
        CHECK(v.household.address == "Jl. Raya No. 5");
    }
}

TEST_CASE("household: the phone") {
    auto in = validInput();
    in.phone = "021-1234567";
    checkOnlyError(validate(in), "phone", "phone_prefix");
    in.phone = "0812-ABCD-7890";
    checkOnlyError(validate(in), "phone", "phone_invalid_chars");
}

TEST_CASE("household: the KK number") {
    SECTION("errors") {
        auto in = validInput();
        in.kk_number = "";
        checkOnlyError(validate(in), "kk_number", "kk_empty");
        in.kk_number = "180601150320004";
        checkOnlyError(validate(in), "kk_number", "kk_length");
        in.kk_number = "1806013102200042";
        checkOnlyError(validate(in), "kk_number", "kk_date_invalid");
    }
    SECTION("region warnings do not block") {
        auto in = validInput();
        in.kk_number = "1899011503200042";
        auto v = validate(in);
        CHECK(v.ok());
        REQUIRE(v.warnings.size() == 1);
        CHECK(v.warnings[0].field == "kk_number");
        CHECK(v.warnings[0].error.code == "kk_regency_unknown");
    }
}

TEST_CASE("household: member names") {
    SECTION("digits") {
        auto in = validInput();
        in.members[1].name = "Siti Aminah 2";
        checkOnlyError(validate(in), "members[1].name", "name_invalid_chars");
    }
    SECTION("symbols") {
        for (const char* name :
             {"Siti_Aminah", "Siti@Aminah", "Siti <b>", "Siti/Aminah", "Siti!"}) {
            INFO(name);
            auto in = validInput();
            in.members[1].name = name;
            checkOnlyError(validate(in), "members[1].name", "name_invalid_chars");
        }
    }
    SECTION("control characters and broken UTF-8") {
        auto in = validInput();
        in.members[1].name = "Siti\nAminah";
        checkOnlyError(validate(in), "members[1].name", "name_invalid_chars");
        in.members[1].name = "Siti \xFF";
        checkOnlyError(validate(in), "members[1].name", "name_invalid_chars");
    }
    SECTION("empty") {
        auto in = validInput();
        in.members[1].name = " \t ";
        checkOnlyError(validate(in), "members[1].name", "name_empty");
    }
    SECTION("100 bytes is the maximum") {
        auto in = validInput();
        in.members[1].name = std::string(100, 'a');
        CHECK(validate(in).ok());
        in.members[1].name = std::string(101, 'a');
        checkOnlyError(validate(in), "members[1].name", "name_too_long");
    }
    SECTION("letters, dots, commas, dashes, apostrophes and UTF-8 are fine") {
        auto in = validInput();
        in.members[1].name = "Ni'mah Al-Zahra, S.Pd.";
        in.members[2].name = "\xC3\x89lise \xC5\x9Ari";  // "Élise Śri"
        auto v = validate(in);
        INFO(describe(v.errors));
        REQUIRE(v.ok());
        CHECK(v.members[1].name == "Ni'mah Al-Zahra, S.Pd.");
    }
}

TEST_CASE("household: member birth dates") {
    SECTION("in the future") {
        auto in = validInput();
        in.members[1].birth_date = "2027-01-01";
        checkOnlyError(validate(in), "members[1].birth_date", "birth_date_future");
    }
    SECTION("tomorrow is the future, today is not") {
        auto in = validInput();
        in.members[2].nik = "1806012211260001";
        in.members[2].birth_date = "2026-11-22";
        CHECK(validate(in).ok());
        in.members[2].birth_date = "2026-11-23";
        checkOnlyError(validate(in), "members[2].birth_date", "birth_date_future");
    }
    SECTION("empty") {
        auto in = validInput();
        in.members[1].birth_date = "";
        checkOnlyError(validate(in), "members[1].birth_date", "birth_date_empty");
    }
    SECTION("not a date") {
        auto in = validInput();
        in.members[1].birth_date = "15-07-1988";
        checkOnlyError(validate(in), "members[1].birth_date", "date_invalid");
    }
    SECTION("before 1900") {
        auto in = validInput();
        in.members[1].birth_date = "1899-12-31";
        checkOnlyError(validate(in), "members[1].birth_date", "birth_date_too_early");
    }
}

TEST_CASE("household: member sex and relation") {
    SECTION("sex") {
        auto in = validInput();
        in.members[2].sex = "X";
        checkOnlyError(validate(in), "members[2].sex", "sex_invalid");
    }
    SECTION("relation") {
        auto in = validInput();
        in.members[2].relation = "cousin";
        checkOnlyError(validate(in), "members[2].relation", "relation_invalid");
    }
}

TEST_CASE("household: member NIK errors carry the member's field path") {
    SECTION("NIK vs birth date") {
        auto in = validInput();
        in.members[1].birth_date = "1988-07-16";
        checkOnlyError(validate(in), "members[1].nik", "nik_birth_date_mismatch");
    }
    SECTION("NIK vs sex") {
        auto in = validInput();
        in.members[1].sex = "L";
        checkOnlyError(validate(in), "members[1].nik", "nik_sex_mismatch");
    }
    SECTION("bad NIK") {
        auto in = validInput();
        in.members[1].nik = "18060155078800";
        checkOnlyError(validate(in), "members[1].nik", "nik_length");
        in.members[1].nik = "9906015507880002";
        checkOnlyError(validate(in), "members[1].nik", "nik_province_unknown");
    }
    SECTION("an unknown kecamatan is a warning on the member's NIK") {
        auto in = validInput();
        in.members[2].nik = "1806050203150001";
        auto v = validate(in);
        INFO(describe(v.errors));
        REQUIRE(v.ok());
        REQUIRE(v.warnings.size() == 1);
        CHECK(v.warnings[0].field == "members[2].nik");
        CHECK(v.warnings[0].error.code == "nik_district_unknown");
        CHECK(v.members[2].nik == "1806050203150001");
    }
    SECTION("the birth date decides the NIK's century") {
        auto in = validInput();
        in.members.push_back(
            {"1806011005200001", "Mbah Karto", "1920-05-10", "L", "parent", "BP", "3"});
        auto v = validate(in);
        INFO(describe(v.errors));
        REQUIRE(v.ok());
        CHECK(v.members[3].birth_date == Date{1920, 5, 10});
    }
}

TEST_CASE("household: all errors are collected") {
    auto in = validInput();
    in.village_code = "18.06.01.9999";
    in.rt = "0";
    in.members[0].name = "Budi 1";
    in.members[1].sex = "?";
    in.members[2].care_class = "I";
    auto v = validate(in);
    INFO(describe(v.errors));
    CHECK(v.errors.size() == 5);
    CHECK(hasError(v, "village_code", "village_unknown"));
    CHECK(hasError(v, "rt", "rt_invalid"));
    CHECK(hasError(v, "members[0].name", "name_invalid_chars"));
    CHECK(hasError(v, "members[1].sex", "sex_invalid"));
    CHECK(hasError(v, "members[2].class", "class_not_allowed"));
    for (const FieldError& e : v.errors) {
        CHECK_FALSE(e.error.message_id.empty());
        CHECK(e.error.message_id != e.error.message_en);
    }
}

TEST_CASE("household: validateMember uses the given prefix") {
    FieldErrors errors, warnings;
    MemberInput in = spouse();
    in.name = "";
    in.sex = "L";
    Member m = validateMember(in, test::regions(), test::kToday, "", errors, warnings);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].field == "name");
    CHECK(errors[0].error.code == "name_empty");
    CHECK(errors[1].field == "nik");
    CHECK(errors[1].error.code == "nik_sex_mismatch");
    CHECK(m.nik.empty());
    CHECK(m.sex == Sex::male);
    CHECK(warnings.empty());

    FieldErrors e2, w2;
    validateMember(in, test::regions(), test::kToday, "members[7].", e2, w2);
    REQUIRE(e2.size() == 2);
    CHECK(e2[0].field == "members[7].name");
    CHECK(e2[1].field == "members[7].nik");
}

TEST_CASE("household: normaliseName") {
    CHECK(normaliseName("  Budi   Santoso ") == "Budi Santoso");
    CHECK(normaliseName("Budi\t\tSantoso") == "Budi Santoso");
    CHECK(normaliseName("Budi \t Santoso") == "Budi Santoso");
    CHECK(normaliseName("") == "");
    CHECK(normaliseName(" \t ") == "");
    CHECK(normaliseName("Siti") == "Siti");
}

TEST_CASE("a baby under one may be registered without a NIK, nobody older", "[household]") {
    // kToday is 2026-11-22.
    HouseholdInput in = validInput();
    MemberInput baby{"", "Bayi Ny. Siti", "2026-10-01", "P", "child", "PBPU", "3"};
    baby.no_nik = true;
    in.members.push_back(baby);
    HouseholdValidation v = validate(in);
    INFO(describe(v.errors));
    REQUIRE(v.ok());
    CHECK(v.members.back().nik.empty());
    // A NIK typed before the box was ticked is ignored, not kept.
    in.members.back().nik = "1806014110260001";
    v = validate(in);
    REQUIRE(v.ok());
    CHECK(v.members.back().nik.empty());
    // Two babies without a NIK in one household are not duplicates of each other.
    in.members.push_back(in.members.back());
    in.members.back().name = "Bayi Kembar";
    CHECK(validate(in).ok());

    HouseholdInput older = validInput();
    older.members[2].no_nik = true;  // Rizki, born 2015
    checkOnlyError(validate(older), "members[2].nik", "nik_pending_not_infant");
    older.members[2].birth_date = "2025-11-22";  // one today
    checkOnlyError(validate(older), "members[2].nik", "nik_pending_not_infant");
    older.members[2].birth_date = "2025-11-23";  // one tomorrow
    CHECK(validate(older).ok());
}

TEST_CASE("a woman aged 10-55 may be marked pregnant with a month up to nine ahead",
          "[household]") {
    REQUIRE(dueMonthChoices(test::kToday) ==
            std::vector<std::string>{"2026-11", "2026-12", "2027-01", "2027-02", "2027-03",
                                     "2027-04", "2027-05", "2027-06", "2027-07", "2027-08"});
    HouseholdInput in = validInput();
    in.members[1].pregnancy_due = "2027-03";  // Siti, born 1988
    HouseholdValidation v = validate(in);
    REQUIRE(v.ok());
    CHECK(v.members[1].pregnancy_due == "2027-03");
    CHECK(v.members[0].pregnancy_due.empty());

    for (const char* month : {"2026-10", "2027-09", "2027-3", "maret", "2027-13"}) {
        INFO(month);
        in.members[1].pregnancy_due = month;
        checkOnlyError(validate(in), "members[1].pregnancy_due", "pregnancy_due_invalid");
    }
    HouseholdInput man = validInput();
    man.members[0].pregnancy_due = "2027-01";
    checkOnlyError(validate(man), "members[0].pregnancy_due", "pregnancy_not_female");
    HouseholdInput young = validInput();
    young.members[1].birth_date = "2017-01-01";  // 9
    young.members[1].nik = "1806014101170002";
    young.members[1].pregnancy_due = "2027-01";
    CHECK(hasError(validate(young), "members[1].pregnancy_due", "pregnancy_age"));
    young.members[1].birth_date = "1970-01-01";  // 56
    young.members[1].nik = "1806014101700002";
    CHECK(hasError(validate(young), "members[1].pregnancy_due", "pregnancy_age"));
    young.members[1].birth_date = "1971-11-22";  // 55 today
    young.members[1].nik = "1806016211710002";
    CHECK(validate(young).ok());
}

TEST_CASE("age in whole years turns on the birthday", "[household]") {
    CHECK(ageInYears(Date{2000, 2, 29}, Date{2001, 2, 28}) == 0);
    CHECK(ageInYears(Date{2000, 2, 29}, Date{2001, 3, 1}) == 1);
    CHECK(ageInYears(Date{1980, 5, 15}, Date{2026, 5, 14}) == 45);
    CHECK(ageInYears(Date{1980, 5, 15}, Date{2026, 5, 15}) == 46);
}
