// The checks the hub computes for each member, and the rule of a member's office state, without
// a database (hub/member_checks).
#include "hub/member_checks.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "support/fixtures.hpp"

using namespace pekon;
using namespace pekon::hub;

namespace {

// Budi, head of a household in Kota Agung (18.06.01), NIK issued there, 15 May 1980, male.
CheckedMember head() {
    return {"m1", "h1", "dev1", "1806011505800001", "1980-05-15", "M", "head", "PBPU", "", ""};
}

CheckedHousehold household() {
    return {"1806011203150007", "18.06.01.2016", R"({"ktp":true})", "2026-11-22"};
}

std::vector<std::string> codes(const std::vector<CheckFinding>& findings) {
    std::vector<std::string> out;
    for (const CheckFinding& f : findings) out.push_back(f.code);
    return out;
}

const CheckFinding* finding(const std::vector<CheckFinding>& findings, const std::string& code) {
    for (const CheckFinding& f : findings)
        if (f.code == code) return &f;
    return nullptr;
}

struct Case {
    CheckedHousehold h = household();
    std::vector<CheckedMember> members{head()};
    std::vector<CheckFinding> run(size_t index = 0, bool with_regions = true,
                                  std::vector<CheckedMember> same = {}) const {
        if (same.empty()) same = {members[index]};
        return checkMember(members[index],
                           MemberContext{&h, members, same,
                                         with_regions ? &test::regions() : nullptr});
    }
};

}  // namespace

TEST_CASE("member checks: a consistent head of household has no finding", "[hub][checks]") {
    Case c;
    CHECK(c.run().empty());
    CHECK(checkList(c.run()).empty());
    // Without the household nothing that needs it is judged.
    CHECK(checkMember(head(), MemberContext{nullptr, {}, {}, &test::regions()}).empty());
}

TEST_CASE("member checks: the NIK against its structure, region, birth date and sex",
          "[hub][checks]") {
    Case c;
    c.members[0].nik = "1806011513800001";  // month 13
    auto f = c.run();
    REQUIRE(finding(f, "nik_structure"));
    CHECK(parseJson(finding(f, "nik_structure")->detail)->at("error") == "nik_month_invalid");
    CHECK(c.run(0, false).size() == 1);  // without the region table: only the date differs
    CHECK(codes(c.run(0, false)) == std::vector<std::string>{"nik_birth_date"});

    c = Case{};
    c.members[0].nik = "1806021505800001";  // issued in Talang Padang (18.06.02)
    f = c.run();
    REQUIRE(codes(f) == std::vector<std::string>{"nik_region"});
    auto detail = parseJson(f[0].detail);
    CHECK(detail->at("nik_kecamatan") == "18.06.02");
    CHECK(detail->at("kecamatan") == "18.06.01");
    CHECK(f[0].detail.find("1806021505800001") == std::string::npos);

    c = Case{};
    c.members[0].birth_date = "1980-05-16";
    c.members[0].nik_mismatch_reason = "old_ktp";
    f = c.run();
    REQUIRE(codes(f) == std::vector<std::string>{"nik_birth_date"});
    CHECK(parseJson(f[0].detail)->at("reason") == "old_ktp");

    c = Case{};
    c.members[0].sex = "F";
    CHECK(codes(c.run()) == std::vector<std::string>{"nik_sex"});
    c.members[0].nik = "1806015505800001";  // day + 40: a woman
    CHECK(c.run().empty());
}

TEST_CASE("member checks: the same NIK in another household or by another device",
          "[hub][checks]") {
    Case c;
    CheckedMember other = head();
    other.member_id = "m9";
    other.household_id = "h9";
    other.device_id = "dev2";
    auto f = c.run(0, true, {head(), other});
    REQUIRE(codes(f) == std::vector<std::string>{"nik_elsewhere"});
    auto detail = parseJson(f[0].detail);
    CHECK(detail->at("members") == Json::array({"m9"}));
    CHECK(detail->at("households") == 1);
    CHECK(detail->at("devices") == 1);
    // Another member with the NIK in the same household by the same device is not "elsewhere".
    other.household_id = "h1";
    other.device_id = "dev1";
    CHECK(c.run(0, true, {head(), other}).empty());
    // Another device, same household id: elsewhere.
    other.device_id = "dev2";
    CHECK(codes(c.run(0, true, {head(), other})) == std::vector<std::string>{"nik_elsewhere"});
}

TEST_CASE("member checks: the KK number's region and date", "[hub][checks]") {
    Case c;
    c.h.kk_number = "1806021203150007";  // Talang Padang
    auto f = c.run();
    REQUIRE(codes(f) == std::vector<std::string>{"kk_region"});
    CHECK(parseJson(f[0].detail)->at("kk_kecamatan") == "18.06.02");
    c.h.kk_number = "1806013213150007";  // day 32
    CHECK(codes(c.run()) == std::vector<std::string>{"kk_date"});
    c.h.kk_number = "1806011203270007";  // issued 2027, after the household's receipt
    CHECK(codes(c.run()) == std::vector<std::string>{"kk_date"});
    c.h.kk_number = "12345";
    f = c.run();
    REQUIRE(codes(f) == std::vector<std::string>{"kk_region"});
    CHECK(parseJson(f[0].detail)->at("error") == "kk_length");
    CHECK(codes(c.run(0, false)) == std::vector<std::string>{"kk_region"});
}

TEST_CASE("member checks: relation and age", "[hub][checks]") {
    Case c;
    CheckedMember child = head();
    child.member_id = "m2";
    child.relation = "child";
    child.nik = "1806011505950002";
    child.birth_date = "1995-05-15";  // 15 years younger than the head: fine
    c.members.push_back(child);
    CHECK(c.run(1).empty());
    c.members[1].birth_date = "1975-05-15";  // older than the head
    c.members[1].nik = "1806011505750002";
    auto f = c.run(1);
    REQUIRE(codes(f) == std::vector<std::string>{"relation_age"});
    CHECK(parseJson(f[0].detail)->at("years") == -5);
    CHECK(parseJson(f[0].detail)->at("relation") == "child");
    CHECK(c.run(0).empty());  // the head itself is not flagged for the child's age

    c.members[1].relation = "parent";  // a parent 5 years older than the head: too young
    c.members[1].birth_date = "1975-05-15";
    CHECK(codes(c.run(1)) == std::vector<std::string>{"relation_age"});
    c.members[1].birth_date = "1950-05-15";
    c.members[1].nik = "1806011505500002";
    CHECK(c.run(1).empty());

    c.members[1].relation = "head";  // two heads: both flagged
    CHECK(codes(c.run(0)) == std::vector<std::string>{"relation_age"});
    CHECK(parseJson(c.run(0)[0].detail)->at("heads") == 2);
    c.members[0].relation = "spouse";
    c.members[1].relation = "spouse";  // no head: every member
    CHECK(parseJson(c.run(1)[0].detail)->at("heads") == 0);
}

TEST_CASE("member checks: PBI without DTKS or SKTM, and a prior card", "[hub][checks]") {
    Case c;
    c.members[0].segment = "PBI-APBD";
    auto f = c.run();
    REQUIRE(codes(f) == std::vector<std::string>{"pbi_basis"});
    CHECK(parseJson(f[0].detail)->at("pbi_basis") == "");
    c.h.documents = R"({"pbi_basis":"none"})";
    CHECK(parseJson(c.run()[0].detail)->at("pbi_basis") == "none");
    c.h.documents = R"({"pbi_basis":"sktm"})";
    CHECK(c.run().empty());
    c.h.documents = "not json";
    CHECK(codes(c.run()) == std::vector<std::string>{"pbi_basis"});

    c = Case{};
    c.members[0].existing_card = "0001234567890";
    c.members[0].sex = "F";
    f = c.run();
    CHECK(codes(f) == std::vector<std::string>{"nik_sex", "prior_card"});  // checkCodes() order
    CHECK(checkList(f) == "nik_sex,prior_card");
    CHECK(f[1].detail.find("0001234567890") == std::string::npos);
}

TEST_CASE("member checks: each detail is the bytes of the JSON object it holds", "[hub][checks]") {
    // The details are written without a JSON document; what is stored must be what dumping the
    // parsed object gives (sorted keys, no spaces, the library's escapes), so that rows written
    // before and after that change, incremental or rebuilt, are the same bytes.
    auto same = [](const std::vector<CheckFinding>& findings) {
        for (const CheckFinding& f : findings) {
            INFO(f.code << " " << f.detail);
            auto parsed = parseJson(f.detail);
            REQUIRE(parsed);
            CHECK(parsed->is_object());
            CHECK(parsed->dump() == f.detail);
        }
    };
    Case c;
    c.members[0].birth_date = "1980-05-16";
    c.members[0].sex = "F";
    c.members[0].relation = "child";
    c.members[0].segment = "PBI-APBN";
    c.members[0].existing_card = "0001234567890";
    c.members[0].nik = "1806021505800001";
    // A reason with quotes, a backslash, control characters (\b and \f included) and non-ASCII.
    c.members[0].nik_mismatch_reason = "KTP \"lama\" \\ \b\f\n\r\t\x01\x1f\x7f \xc3\xa9 \xe2\x82\xac";
    c.h.kk_number = "1806021203150007";
    c.h.documents = R"({"pbi_basis":"n\"o\bne"})";
    CheckedMember other = c.members[0];
    other.member_id = "m\"9\f";
    other.household_id = "h9";
    other.device_id = "dev2";
    auto f = c.run(0, true, {c.members[0], other});
    CHECK(codes(f) == std::vector<std::string>{"nik_region", "nik_birth_date", "nik_sex",
                                               "nik_elsewhere", "kk_region", "relation_age",
                                               "pbi_basis", "prior_card"});
    same(f);
    CHECK(parseJson(finding(f, "nik_birth_date")->detail)->at("reason") ==
          std::string(c.members[0].nik_mismatch_reason));
    c.members[0].nik = "1806011513800001";  // nik_structure
    c.h.kk_number = "1806013213150007";     // kk_date
    same(c.run());
    c.h.kk_number = "12345";  // kk_region's error
    same(c.run(0, false));
    c.members.push_back(head());  // two heads
    c.members[0].relation = "head";
    same(c.run());
}

TEST_CASE("member state: the later of decision and status, a correction after a send-back",
          "[hub][checks]") {
    StateFacts f;
    f.received_at = 100;
    CHECK(memberState(f).code == "new");
    CHECK(memberState(f).at == 100);
    f.corrected_at = 150;  // a correction before any decision: still new
    CHECK(memberState(f).code == "new");

    f.decision = StampedCode{"needs_correction", 200};
    CHECK(memberState(f).code == "needs_correction");
    f.corrected_at = 250;
    CHECK(memberState(f).code == "corrected");
    CHECK(memberState(f).at == 250);
    f.decision = StampedCode{"verified", 300};
    CHECK(memberState(f).code == "verified");  // corrected, then verified

    f.status = StampedCode{"paid", 300};  // a tie: the imported status
    CHECK(memberState(f).code == "paid");
    f.status = StampedCode{"card_issued", 299};
    CHECK(memberState(f).code == "verified");  // the decision is later
    f.status = StampedCode{"rejected", 400};
    f.corrected_at = 500;
    CHECK(memberState(f).code == "corrected");
    f.status = StampedCode{"synced", 900};  // not an office state: ignored
    CHECK(memberState(f).code == "verified");
}
