#include "codec/household_json.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "codec/assets.hpp"
#include "core/household.hpp"
#include "support/fixtures.hpp"
#include "support/sample_household.hpp"

using namespace pekon;

namespace {

const char* kHousehold = R"({
  "kk_number": "1806011203150007",
  "village_code": "18.06.01.2016",
  "address": "Jl. Merdeka No. 12",
  "rt": "2",
  "rw": "1",
  "phone": "0812-3456-7890",
  "members": [
    {"nik": "1806011505800001", "name": "Budi Santoso", "birth_date": "1980-05-15", "sex": "M",
     "relation": "head", "segment": "PBPU", "class": "III"},
    {"nik": "1806016208850002", "name": "Siti Aminah", "birth_date": "1985-08-22", "sex": "F",
     "relation": "spouse", "segment": "PBPU", "class": 3}
  ]
})";

// A minimal household with one member, with `household_extra` spliced into the household
// object and `member_extra` into the member object (each must start with a comma).
std::string household(const std::string& household_extra = "",
                      const std::string& member_extra = "") {
    return R"({"kk_number": "1806011203150007", "village_code": "18.06.01.2016", "address": "Jl. A")" +
           household_extra +
           R"(, "members": [{"nik": "1806011505800001", "name": "Budi", "birth_date": "1980-05-15", )"
           R"("sex": "M", "relation": "head", "segment": "PBPU", "class": "3")" +
           member_extra + "}]}";
}

// The import fails with `code`, and both messages mention `needle` (if given).
void checkFails(const std::string& text, const std::string& code, const std::string& needle = "") {
    auto r = parseHouseholdImport(text);
    INFO(text.substr(0, 300));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK_FALSE(r.error().message_id.empty());
    CHECK_FALSE(r.error().message_en.empty());
    if (!needle.empty()) {
        INFO(r.error().message_en);
        CHECK(r.error().message_en.find(needle) != std::string::npos);
        CHECK(r.error().message_id.find(needle) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("household_json: one household object") {
    auto r = parseHouseholdImport(kHousehold);
    REQUIRE(r.ok());
    REQUIRE(r->size() == 1);
    const HouseholdInput& h = r->at(0);
    CHECK(h.kk_number == test::sample::kKk);
    CHECK(h.village_code == test::sample::kVillage);
    CHECK(h.address == test::sample::kAddress);
    CHECK(h.rt == "2");
    CHECK(h.rw == "1");
    CHECK(h.phone == "0812-3456-7890");
    REQUIRE(h.members.size() == 2);
    const MemberInput& m = h.members[0];
    CHECK(m.nik == test::sample::kHeadNik);
    CHECK(m.name == "Budi Santoso");
    CHECK(m.birth_date == "1980-05-15");
    CHECK(m.sex == "M");
    CHECK(m.relation == "head");
    CHECK(m.segment == "PBPU");
    CHECK(m.care_class == "III");
    CHECK(h.members[1].name == "Siti Aminah");
    CHECK(h.members[1].sex == "F");
    CHECK(h.members[1].relation == "spouse");
    CHECK(h.members[1].care_class == "3");  // a number becomes its decimal text
}

TEST_CASE("household_json: an array of households, in order") {
    const std::string second = household();
    auto r = parseHouseholdImport(std::string("[") + kHousehold + "," + second + "]");
    REQUIRE(r.ok());
    REQUIRE(r->size() == 2);
    CHECK(r->at(0).address == "Jl. Merdeka No. 12");
    CHECK(r->at(0).members.size() == 2);
    CHECK(r->at(1).address == "Jl. A");
    REQUIRE(r->at(1).members.size() == 1);
    CHECK(r->at(1).members[0].name == "Budi");
    CHECK(r->at(1).phone.empty());  // optional fields may be left out
    CHECK(r->at(1).rt.empty());
}

TEST_CASE("household_json: the test data file parses and validates") {
    auto text = readFile(std::string(PEKON_SOURCE_ASSETS) + "/../tests/data/household_valid.json");
    REQUIRE(text.ok());
    auto r = parseHouseholdImport(*text);
    REQUIRE(r.ok());
    REQUIRE(r->size() == 1);
    CHECK(r->at(0).members.size() == 3);
    const auto v = validateHousehold(r->at(0), test::regions(), test::kToday);
    CHECK(v.ok());
    CHECK(v.members.size() == 3);
}

TEST_CASE("household_json: numbers are accepted for class, rt and rw") {
    auto r = parseHouseholdImport(household(R"(, "rt": 2, "rw": 15)", ""));
    REQUIRE(r.ok());
    CHECK(r->at(0).rt == "2");
    CHECK(r->at(0).rw == "15");
    CHECK(r->at(0).members[0].care_class == "3");

    auto c = parseHouseholdImport(R"({"kk_number": "1", "members": [{"class": 2}]})");
    REQUIRE(c.ok());
    CHECK(c->at(0).members[0].care_class == "2");
    // Numbers are copied as text; the value check is validateHousehold's.
    auto neg = parseHouseholdImport(R"({"members": [{"class": -1}]})");
    REQUIRE(neg.ok());
    CHECK(neg->at(0).members[0].care_class == "-1");
}

TEST_CASE("household_json: null fields count as absent") {
    auto r = parseHouseholdImport(
        R"({"kk_number": "1806011203150007", "phone": null, "rt": null, "members": [{"nik": "1", "name": null}]})");
    REQUIRE(r.ok());
    CHECK(r->at(0).kk_number == test::sample::kKk);
    CHECK(r->at(0).phone.empty());
    CHECK(r->at(0).rt.empty());
    REQUIRE(r->at(0).members.size() == 1);
    CHECK(r->at(0).members[0].nik == "1");
    CHECK(r->at(0).members[0].name.empty());
}

TEST_CASE("household_json: text that is not JSON") {
    for (const char* text : {"", "   ", "not json", "{", "[", "{\"kk_number\": }", "{'a': 1}",
                             "[1,]", "{\"members\": []} trailing", "\xEF\xBB"}) {
        checkFails(text, "json_invalid");
    }
}

TEST_CASE("household_json: deep nesting is refused, not a crash") {
    const std::string deep_array = std::string(100, '[') + std::string(100, ']');
    checkFails(deep_array, "json_invalid");
    std::string deep_object;
    for (int i = 0; i < 100; ++i) deep_object += "{\"a\":";
    deep_object += "1" + std::string(100, '}');
    checkFails(deep_object, "json_invalid");
    // Far deeper, and unbalanced: still just an error.
    checkFails(std::string(100000, '['), "json_invalid");
    // Deep nesting inside a real household.
    checkFails(household(R"(, "phone": )" + deep_array), "json_invalid");
    // Brackets inside strings do not count as nesting.
    auto r = parseHouseholdImport(household("", R"(, "name": ")" + deep_array + "\""));
    REQUIRE(r.ok());
    CHECK(r->at(0).members[0].name == deep_array);
}

TEST_CASE("household_json: wrong top-level shapes") {
    checkFails("42", "import_shape_invalid", "$");
    checkFails("\"household\"", "import_shape_invalid", "$");
    checkFails("null", "import_shape_invalid", "$");
    checkFails("true", "import_shape_invalid", "$");
    checkFails("[]", "import_shape_invalid", "$");
    checkFails("[42]", "import_shape_invalid", "$[0]");
    checkFails("[" + household() + ", []]", "import_shape_invalid", "$[1]");
}

TEST_CASE("household_json: members must be an array of objects") {
    checkFails(R"({"kk_number": "1806011203150007"})", "import_shape_invalid", "$.members");
    checkFails(R"({"members": {"nik": "1"}})", "import_shape_invalid", "$.members");
    checkFails(R"({"members": "Budi"})", "import_shape_invalid", "$.members");
    checkFails(R"({"members": null})", "import_shape_invalid", "$.members");
    checkFails(R"({"members": ["Budi"]})", "import_shape_invalid", "$.members[0]");
    checkFails(R"({"members": [{}, 7]})", "import_shape_invalid", "$.members[1]");
    checkFails("[" + household() + R"(, {"members": 1}])", "import_shape_invalid", "$[1].members");
}

TEST_CASE("household_json: a field of the wrong type names its path") {
    checkFails(household(R"(, "phone": {"mobile": "0812"})"), "import_shape_invalid", "$.phone");
    checkFails(household(R"(, "rt": [1])"), "import_shape_invalid", "$.rt");
    checkFails(household(R"(, "rw": true)"), "import_shape_invalid", "$.rw");
    checkFails(household(R"(, "rw": 1.5)"), "import_shape_invalid", "$.rw");
    checkFails(R"({"kk_number": {"x": 1}, "members": []})", "import_shape_invalid", "$.kk_number");
    checkFails(household("", R"(, "nik": {"value": "1806011505800001"})"), "import_shape_invalid",
               "$.members[0].nik");
    checkFails(household("", R"(, "birth_date": ["1980", "05", "15"])"), "import_shape_invalid",
               "$.members[0].birth_date");
    checkFails(household("", R"(, "class": 3.0)"), "import_shape_invalid", "$.members[0].class");
    checkFails(household("", R"(, "sex": false)"), "import_shape_invalid", "$.members[0].sex");
    checkFails("[" + household() + "," + household("", R"(, "segment": {})") + "]",
               "import_shape_invalid", "$[1].members[0].segment");
}

TEST_CASE("household_json: unknown fields are refused, named") {
    checkFails(household(R"(, "phone_number": "0812")"), "import_shape_invalid", "$.phone_number");
    checkFails(household("", R"(, "nama": "Budi")"), "import_shape_invalid", "$.members[0].nama");
    checkFails(household("", R"(, "members": [])"), "import_shape_invalid", "$.members[0].members");
    checkFails("[" + household() + "," + household(R"(, "kk": "1")") + "]", "import_shape_invalid",
               "$[1].kk");
    // Keys are case-sensitive.
    checkFails(household(R"(, "Phone": "0812")"), "import_shape_invalid", "$.Phone");
}

TEST_CASE("household_json: invalid UTF-8 is an error, never a crash") {
    // Raw invalid bytes in a string or in a key.
    checkFails(household("", ", \"name\": \"Bud\xFF\""), "json_invalid");
    checkFails(household("", ", \"name\": \"\xC0\xAF\""), "json_invalid");
    checkFails(household("", ", \"name\": \"\xED\xA0\x80\""), "json_invalid");
    checkFails(household(", \"\xFE\xFF\": \"x\""), "json_invalid");
    checkFails("\xFF\xFE{}", "json_invalid");
    // A lone surrogate escape is not valid either.
    checkFails(household("", R"(, "name": "\udc00")"), "json_invalid");
    // Valid non-ASCII text and escapes pass through as UTF-8.
    auto r = parseHouseholdImport(household("", R"(, "name": "Siti \"A\u0144a\" \\ \u00e9")"));
    REQUIRE(r.ok());
    CHECK(r->at(0).members[0].name ==
          "Siti \"A\xC5\x84"
          "a\" \\ \xC3\xA9");
}

TEST_CASE("household_json: a member may carry the expected month of a pregnancy") {
    auto r = parseHouseholdImport(household("", R"(, "pregnancy_due": "2027-03")"));
    REQUIRE(r.ok());
    CHECK(r->at(0).members[0].pregnancy_due == "2027-03");
    CHECK(parseHouseholdImport(household())->at(0).members[0].pregnancy_due.empty());
    checkFails(household("", R"(, "pregnancy_due": ["2027-03"])"), "import_shape_invalid",
               "$.members[0].pregnancy_due");
}
