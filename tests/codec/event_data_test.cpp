#include "codec/event_data.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "support/sample_household.hpp"

using namespace pekon;
using namespace std::string_literals;

namespace {

Household sampleHousehold() {
    Household h;
    h.id = "01a20566-e1a7-7190-b6c7-cb2f44fc57f4";
    h.kk_number = test::sample::kKk;
    h.village_code = test::sample::kVillage;
    h.address = test::sample::kAddress;
    h.rt = "002";
    h.rw = "001";
    h.phone = "+6281234567890";
    return h;
}

Member sampleMember() {
    Member m;
    m.id = "01a20566-e1a7-7e2b-8755-e57f958483ac";
    m.household_id = "01a20566-e1a7-7190-b6c7-cb2f44fc57f4";
    m.nik = test::sample::kSpouseNik;
    m.name = "Siti Aminah";
    m.birth_date = Date{1985, 8, 22};
    m.sex = Sex::female;
    m.relation = Relation::spouse;
    m.segment = Segment::pbi_apbn;
    m.care_class = 2;
    return m;
}

std::set<std::string> keysOf(const Json& j) {
    std::set<std::string> keys;
    for (const auto& [key, _] : j.items()) keys.insert(key);
    return keys;
}

// Parses `text` strictly (nlohmann rejects invalid UTF-8 and bad escapes).
Json strictParse(const std::string& text) {
    INFO(text);
    Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    REQUIRE_FALSE(j.is_discarded());
    REQUIRE(j.is_object());
    return j;
}

void checkSameHousehold(const Household& a, const Household& b) {
    CHECK(a.id == b.id);
    CHECK(a.kk_number == b.kk_number);
    CHECK(a.village_code == b.village_code);
    CHECK(a.address == b.address);
    CHECK(a.rt == b.rt);
    CHECK(a.rw == b.rw);
    CHECK(a.phone == b.phone);
}

void checkSameMember(const Member& a, const Member& b) {
    CHECK(a.id == b.id);
    CHECK(a.household_id == b.household_id);
    CHECK(a.nik == b.nik);
    CHECK(a.name == b.name);
    CHECK(a.birth_date == b.birth_date);
    CHECK(a.sex == b.sex);
    CHECK(a.relation == b.relation);
    CHECK(a.segment == b.segment);
    CHECK(a.care_class == b.care_class);
}

Member roundTripMember(const Member& m) {
    const std::string data = memberRegisteredData(m);
    strictParse(data);
    auto back = parseMemberRegistered(data);
    INFO(data);
    REQUIRE(back.ok());
    return back.value();
}

void checkDataInvalid(const std::string& data, bool member) {
    INFO(data);
    if (member) {
        auto r = parseMemberRegistered(data);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "event_data_invalid");
    } else {
        auto r = parseHouseholdRegistered(data);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "event_data_invalid");
    }
}

}  // namespace

TEST_CASE("event_data: household.registered has exactly the protocol fields") {
    const Household h = sampleHousehold();
    const std::string data = householdRegisteredData(h);
    Json j = strictParse(data);
    CHECK(keysOf(j) == std::set<std::string>{"household_id", "kk_number", "village_code", "address",
                                             "rt", "rw", "phone"});
    CHECK(j["household_id"] == h.id);
    CHECK(j["kk_number"] == test::sample::kKk);
    CHECK(j["village_code"] == test::sample::kVillage);
    CHECK(j["address"] == test::sample::kAddress);
    CHECK(j["rt"] == "002");
    CHECK(j["rw"] == "001");
    CHECK(j["phone"] == "+6281234567890");
    for (const auto& [key, value] : j.items()) CHECK(value.is_string());
    // Compact, with household_id first, as the hub's fixtures are written.
    CHECK(data.rfind("{\"household_id\":\"01a20566-e1a7-7190-b6c7-cb2f44fc57f4\",", 0) == 0);
    CHECK(data.find(' ', 0) == data.find("Jl.") + 3);  // the only spaces are inside the address
}

TEST_CASE("event_data: household.registered leaves out an empty phone") {
    Household h = sampleHousehold();
    h.phone.clear();
    h.rt.clear();
    Json j = strictParse(householdRegisteredData(h));
    CHECK(keysOf(j) == std::set<std::string>{"household_id", "kk_number", "village_code", "address",
                                             "rt", "rw"});
    CHECK(j["rt"] == "");
    auto back = parseHouseholdRegistered(householdRegisteredData(h));
    REQUIRE(back.ok());
    checkSameHousehold(*back, h);
}

TEST_CASE("event_data: household.registered round-trips") {
    const Household h = sampleHousehold();
    auto back = parseHouseholdRegistered(householdRegisteredData(h));
    REQUIRE(back.ok());
    checkSameHousehold(*back, h);

    Household odd = h;
    odd.address = "Jl. \"Merdeka\" \\ No.\t12\nBlok 'B' \xC3\xA9\xE2\x82\xAC \xF0\x9F\x8F\xA0";
    auto back2 = parseHouseholdRegistered(householdRegisteredData(odd));
    REQUIRE(back2.ok());
    checkSameHousehold(*back2, odd);
}

TEST_CASE("event_data: member.registered has exactly the protocol fields") {
    const Member m = sampleMember();
    Json j = strictParse(memberRegisteredData(m));
    CHECK(keysOf(j) == std::set<std::string>{"member_id", "household_id", "nik", "name",
                                             "birth_date", "sex", "relation", "segment", "class"});
    CHECK(j["member_id"] == m.id);
    CHECK(j["household_id"] == m.household_id);
    CHECK(j["nik"] == test::sample::kSpouseNik);
    CHECK(j["name"] == "Siti Aminah");
    CHECK(j["birth_date"] == "1985-08-22");
    CHECK(j["sex"] == "F");
    CHECK(j["relation"] == "spouse");
    CHECK(j["segment"] == "PBI-APBN");
    REQUIRE(j["class"].is_number_integer());
    CHECK(j["class"].get<int>() == 2);
}

TEST_CASE("event_data: member codes for every sex, relation and segment") {
    Member m = sampleMember();
    m.sex = Sex::male;
    CHECK(strictParse(memberRegisteredData(m))["sex"] == "M");
    for (Relation r : kAllRelations) {
        m.relation = r;
        Json j = strictParse(memberRegisteredData(m));
        CHECK(j["relation"] == std::string(relationCode(r)));
        CHECK(roundTripMember(m).relation == r);
    }
    for (Segment s : kAllSegments) {
        m.segment = s;
        Json j = strictParse(memberRegisteredData(m));
        CHECK(j["segment"] == std::string(segmentCode(s)));
        CHECK(roundTripMember(m).segment == s);
    }
    for (int c : {1, 2, 3}) {
        m.care_class = c;
        CHECK(strictParse(memberRegisteredData(m))["class"] == c);
        CHECK(roundTripMember(m).care_class == c);
    }
    m.birth_date = Date{2000, 2, 29};
    CHECK(strictParse(memberRegisteredData(m))["birth_date"] == "2000-02-29");
    CHECK(roundTripMember(m).birth_date == Date{2000, 2, 29});
}

TEST_CASE("event_data: member.registered round-trips") {
    const Member m = sampleMember();
    checkSameMember(roundTripMember(m), m);
    Member male = m;
    male.sex = Sex::male;
    male.relation = Relation::head;
    male.segment = Segment::pbpu;
    male.care_class = 3;
    checkSameMember(roundTripMember(male), male);
}

TEST_CASE("event_data: awkward names round-trip") {
    Member m = sampleMember();
    for (const std::string& name :
         {"Siti 'A\xC5\x84"
          "a' \"X\"\\"s,
          "\"\""s, "\\\\\\"s, "a\\\"b"s, "Tab\there"s, "Line\nbreak\r\n"s,
          "ctl \x01\x02\x1f\x7f end"s, "nul\0inside"s, "\xE2\x80\xA8\xE2\x80\xA9"s,
          "\xF0\x9F\x98\x80 emoji"s, "\xE4\xB8\xAD\xE6\x96\x87"s, "</script>"s, ""s,
          std::string(300, '"')}) {
        m.name = name;
        const std::string data = memberRegisteredData(m);
        INFO(data);
        Json j = strictParse(data);
        CHECK(j["name"].get<std::string>() == name);
        CHECK(roundTripMember(m).name == name);
        // Control characters never appear raw in the JSON text.
        for (unsigned char c : data) CHECK(c >= 0x20);
    }
}

TEST_CASE("event_data: invalid UTF-8 becomes U+FFFD, never invalid JSON") {
    const std::string fffd = "\xEF\xBF\xBD";
    Member m = sampleMember();
    const std::pair<std::string, std::string> cases[] = {
        {"Bud\xFFi", "Bud" + fffd + "i"},
        {"\x80", fffd},
        {"ab\xC3", "ab" + fffd},                          // truncated at the end
        {"\xC3(", fffd + "("},                            // lead byte without continuation
        {"\xC0\xAF", fffd + fffd},                        // overlong '/'
        {"\xED\xA0\x80", fffd + fffd + fffd},             // a UTF-16 surrogate
        {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd},  // above U+10FFFF
        {"\xF8\x88\x80\x80\x80", fffd + fffd + fffd + fffd + fffd},
        {"ok \xC3\xA9 \xFE end", "ok \xC3\xA9 " + fffd + " end"},
    };
    for (const auto& [raw, expected] : cases) {
        m.name = raw;
        const std::string data = memberRegisteredData(m);
        INFO(data);
        Json j = strictParse(data);
        CHECK(j["name"].get<std::string>() == expected);
        CHECK(roundTripMember(m).name == expected);
    }
    Household h = sampleHousehold();
    h.address = "Jl. \xFF\xFE";
    const std::string hdata = householdRegisteredData(h);
    CHECK(strictParse(hdata)["address"] == "Jl. " + fffd + fffd);
    auto back = parseHouseholdRegistered(hdata);
    REQUIRE(back.ok());
    CHECK(back->address == "Jl. " + fffd + fffd);
}

TEST_CASE("event_data: missing or wrong household fields are event_data_invalid") {
    Json full = strictParse(householdRegisteredData(sampleHousehold()));
    for (const char* key : {"household_id", "kk_number", "village_code", "address", "rt", "rw"}) {
        Json j = full;
        j.erase(key);
        checkDataInvalid(j.dump(), false);
        j[key] = 12;
        checkDataInvalid(j.dump(), false);
        j[key] = nullptr;
        checkDataInvalid(j.dump(), false);
    }
    Json j = full;
    j["phone"] = 81234567890LL;
    checkDataInvalid(j.dump(), false);
    for (const char* text : {"", "not json", "[]", "42", "\"x\"", "null", "{"})
        checkDataInvalid(text, false);
    auto r = parseHouseholdRegistered(R"({"household_id": "h"})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message_en.find("kk_number") != std::string::npos);
}

TEST_CASE("event_data: missing or wrong member fields are event_data_invalid") {
    Json full = strictParse(memberRegisteredData(sampleMember()));
    for (const char* key : {"member_id", "household_id", "nik", "name", "birth_date", "sex",
                            "relation", "segment", "class"}) {
        Json j = full;
        j.erase(key);
        checkDataInvalid(j.dump(), true);
        j[key] = Json::object();
        checkDataInvalid(j.dump(), true);
    }
    const std::pair<const char*, Json> bad[] = {
        {"birth_date", "1985-13-01"},
        {"birth_date", "22-08-1985"},
        {"birth_date", ""},
        {"sex", "X"},
        {"sex", ""},
        {"relation", "boss"},
        {"segment", "PBI"},
        {"class", "3"},
        {"class", 3.0},
        {"class", true},
    };
    for (const auto& [key, value] : bad) {
        Json j = full;
        j[key] = value;
        checkDataInvalid(j.dump(), true);
    }
    for (const char* text : {"", "{}", "[1]", "not json"}) checkDataInvalid(text, true);
    auto r = parseMemberRegistered(R"({"member_id": "m", "household_id": "h", "nik": "1"})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message_en.find("name") != std::string::npos);
}

TEST_CASE("event_data: member class outside 1..3 is event_data_invalid") {
    // parseMemberRegistered checks sex, relation and segment against their codes, but takes any
    // integer class: 7 is accepted, and 4294967299 is narrowed to int and comes back as 3.
    Json full = strictParse(memberRegisteredData(sampleMember()));
    for (const Json& value :
         {Json(0), Json(4), Json(7), Json(-3), Json(4294967299LL), Json(18446744073709551615ULL)}) {
        Json j = full;
        j["class"] = value;
        INFO(j.dump());
        auto r = parseMemberRegistered(j.dump());
        CHECK_FALSE(r.ok());
        if (r.ok())
            CHECK(r->care_class != 3);  // at least never silently a valid class
        else
            CHECK(r.error().code == "event_data_invalid");
    }
}

TEST_CASE("event_data: a baby without a NIK and a pregnancy travel as nik_pending and "
          "pregnancy_due") {
    Member baby = sampleMember();
    baby.nik.clear();
    baby.birth_date = Date{2026, 11, 1};
    Json j = strictParse(memberRegisteredData(baby));
    CHECK(j["nik"] == "");
    CHECK(j["nik_pending"] == true);
    CHECK_FALSE(j.contains("pregnancy_due"));
    const Member back = roundTripMember(baby);
    checkSameMember(baby, back);
    CHECK(back.nik.empty());

    Member mother = sampleMember();
    mother.pregnancy_due = "2027-04";
    j = strictParse(memberRegisteredData(mother));
    CHECK(j["pregnancy_due"] == "2027-04");
    CHECK_FALSE(j.contains("nik_pending"));
    CHECK(roundTripMember(mother).pregnancy_due == "2027-04");
    // Members without either carry neither (the protocol's version-1 shape).
    j = strictParse(memberRegisteredData(sampleMember()));
    CHECK_FALSE(j.contains("nik_pending"));
    CHECK_FALSE(j.contains("pregnancy_due"));
}
