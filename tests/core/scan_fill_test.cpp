#include "core/scan_fill.hpp"

#include <catch2/catch.hpp>

#include "support/fixtures.hpp"

using namespace pekon;

TEST_CASE("a scanned KTP code fills the member's NIK, name, birth date and sex", "[scan_fill]") {
    const ScanPayload p =
        parsePayload("nik=1806014501870003;nama=SITI AMINAH;tgl_lahir=1987-01-05;jk=P",
                     test::regions(), test::kToday);
    REQUIRE(p.kind == PayloadKind::nik);
    MemberInput m;
    m.relation = "wife";
    REQUIRE(fillMemberFromScan(p, m));
    CHECK(m.nik == "1806014501870003");
    CHECK(m.name == "SITI AMINAH");
    CHECK(m.birth_date == "1987-01-05");
    CHECK(m.sex == "F");
    CHECK(m.relation == "wife");  // what the code does not carry is left alone
}

TEST_CASE("a bare NIK fills only the NIK, a card number fills the existing card", "[scan_fill]") {
    MemberInput m;
    m.name = "Budi";
    REQUIRE(fillMemberFromScan(parsePayload("1806010107850001", test::regions(), test::kToday), m));
    CHECK(m.nik == "1806010107850001");
    CHECK(m.name == "Budi");
    REQUIRE(fillMemberFromScan(parsePayload("0001234567890", test::regions(), test::kToday), m));
    CHECK(m.existing_card == "0001234567890");
    CHECK(m.nik == "1806010107850001");
}

TEST_CASE("codes with nothing for a member change nothing", "[scan_fill]") {
    MemberInput m;
    m.nik = "1806010107850001";
    const MemberInput before = m;
    CHECK_FALSE(fillMemberFromScan(parsePayload("hello world", test::regions(), test::kToday), m));
    CHECK_FALSE(fillMemberFromScan(
        parsePayload(
            "pekon://receipt?v=1&id=0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9e&date=2026-11-22&members=3",
            test::regions(), test::kToday),
        m));
    CHECK(m.nik == before.nik);
    CHECK(m.existing_card.empty());
}

TEST_CASE("a KK number reaches the household's KK field", "[scan_fill]") {
    std::string kk;
    CHECK(
        fillKkFromScan(parsePayload("no_kk=1806011203150004", test::regions(), test::kToday), kk));
    CHECK(kk == "1806011203150004");
    CHECK_FALSE(fillKkFromScan(parsePayload("0001234567890", test::regions(), test::kToday), kk));
    CHECK(kk == "1806011203150004");
}
