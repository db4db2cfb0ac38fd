#include "codec/premiums_json.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "codec/assets.hpp"
#include "codec/json.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {

std::string realText() {
    auto text = readFile(std::string(PEKON_SOURCE_ASSETS) + "/premiums.json");
    REQUIRE(text.ok());
    return *text;
}

Json realJson() {
    auto j = parseJson(realText());
    REQUIRE(j.ok());
    return *j;
}

void checkFails(const std::string& text, const std::string& code, const std::string& needle = "") {
    INFO(text.substr(0, 400));
    Result<PremiumTable> r = Error{};
    REQUIRE_NOTHROW(r = parsePremiums(text));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK_FALSE(r.error().message_en.empty());
    CHECK_FALSE(r.error().message_id.empty());
    if (!needle.empty()) {
        INFO(r.error().message_en);
        CHECK(r.error().message_en.find(needle) != std::string::npos);
    }
}

void checkJsonFails(const Json& doc, const std::string& needle = "") {
    checkFails(doc.dump(), "premium_table_invalid", needle);
}

}  // namespace

TEST_CASE("premiums_json: the real assets/premiums.json") {
    auto r = parsePremiums(realText());
    REQUIRE(r.ok());
    const PremiumTable& t = *r;
    REQUIRE(t.schedules().size() == 2);

    const PremiumSchedule& a = t.schedules()[0];
    CHECK(a.effective_from == Date{2020, 7, 1});
    CHECK(a.legal_basis == "Perpres 64/2020 Pasal 34 (2020)");
    CHECK(a.class_premium[0] == 150000);
    CHECK(a.class_premium[1] == 100000);
    CHECK(a.class_premium[2] == 42000);
    REQUIRE(a.subsidies.size() == 2);
    CHECK(a.subsidies[0].segment == Segment::pbpu);
    CHECK(a.subsidies[0].care_class == 3);
    CHECK(a.subsidies[0].amount == 16500);
    CHECK(a.subsidies[1].segment == Segment::bp);
    CHECK(a.payroll_percent == Approx(5.0));
    CHECK(a.payroll_wage_cap == 12000000);

    const PremiumSchedule& b = t.schedules()[1];
    CHECK(b.effective_from == Date{2021, 1, 1});
    CHECK(b.legal_basis.find("2021") != std::string::npos);
    CHECK(b.class_premium[2] == 42000);
    REQUIRE(b.subsidies.size() == 2);
    CHECK(b.subsidies[0].segment == Segment::pbpu);
    CHECK(b.subsidies[0].amount == 7000);

    // PBPU Kelas III: subsidy 16500 in the second half of 2020, 7000 from 2021-01-01.
    auto before = t.monthly(Segment::pbpu, 3, Date{2020, 12, 31});
    REQUIRE(before.ok());
    CHECK(before->premium == 42000);
    CHECK(before->government_pays == 16500);
    CHECK(before->participant_pays == 25500);
    auto from = t.monthly(Segment::pbpu, 3, Date{2021, 1, 1});
    REQUIRE(from.ok());
    CHECK(from->premium == 42000);
    CHECK(from->government_pays == 7000);
    CHECK(from->participant_pays == 35000);
    auto today = t.monthly(Segment::pbpu, 3, test::kToday);
    REQUIRE(today.ok());
    CHECK(today->government_pays == 7000);
    auto early = t.monthly(Segment::pbpu, 3, Date{2020, 6, 30});
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == "premium_not_in_force");
    // The shared fixture loaded the same table.
    CHECK(test::assets().premiums.schedules().size() == 2);
}

TEST_CASE("premiums_json: schedules in any order, optional parts defaulted") {
    auto r = parsePremiums(R"({"schedules": [
        {"effective_from": "2021-01-01", "class_premium": {"I": 3, "II": 2, "III": 1}},
        {"effective_from": "2020-01-01", "class_premium": {"I": 30, "II": 20, "III": 10},
         "payroll": {"percent_of_wage": 4.5}}]})");
    REQUIRE(r.ok());
    REQUIRE(r->schedules().size() == 2);
    CHECK(r->schedules()[0].effective_from == Date{2020, 1, 1});
    CHECK(r->schedules()[0].class_premium[2] == 10);
    CHECK(r->schedules()[0].payroll_percent == Approx(4.5));
    CHECK(r->schedules()[0].payroll_wage_cap == 0);
    CHECK(r->schedules()[1].legal_basis.empty());
    CHECK(r->schedules()[1].subsidies.empty());
    CHECK(r->schedules()[1].payroll_percent == 0);
}

TEST_CASE("premiums_json: not JSON") {
    for (const char* text : {"", "not json", "{", "{\"schedules\": [}", "{\"schedules\": []} x"})
        checkFails(text, "json_invalid");
    checkFails(std::string(200, '[') + std::string(200, ']'), "json_invalid");
    std::string deep = "{\"schedules\": [";
    for (int i = 0; i < 80; ++i) deep += "{\"x\":";
    deep += "1" + std::string(80, '}') + "]}";
    checkFails(deep, "json_invalid");
}

TEST_CASE("premiums_json: broken shapes are premium_table_invalid") {
    for (const char* text :
         {"{}", "[]", "42", "null", "\"schedules\"", "{\"schedules\": {}}",
          "{\"schedules\": \"2021\"}", "{\"schedules\": null}", "{\"schedules\": []}",
          "{\"schedules\": [1]}", "{\"schedules\": [[]]}", "{\"schedules\": [{}]}"}) {
        checkFails(text, "premium_table_invalid");
    }
    const Json real = realJson();
    {
        Json j = real;
        j["schedules"][1]["effective_from"] = "2021-02-30";
        checkJsonFails(j, "schedules[1].effective_from");
    }
    {
        Json j = real;
        j["schedules"][0].erase("effective_from");
        checkJsonFails(j, "schedules[0].effective_from");
    }
    {
        Json j = real;
        j["schedules"][1]["effective_from"] = j["schedules"][0]["effective_from"];
        checkJsonFails(j);  // two schedules on one date
    }
    {
        Json j = real;
        j["schedules"][0]["class_premium"].erase("II");
        checkJsonFails(j, "schedules[0].class_premium.II");
    }
    {
        Json j = real;
        j["schedules"][1]["class_premium"]["III"] = -42000;
        checkJsonFails(j);
    }
    {
        Json j = real;
        j["schedules"][1]["class_premium"]["I"] = 0;
        checkJsonFails(j);
    }
    {
        Json j = real;
        j["schedules"][1]["government_subsidy"][0]["amount"] = 50000;  // more than the premium
        checkJsonFails(j);
    }
    {
        Json j = real;
        j["schedules"][1]["government_subsidy"][0]["amount"] = -1;
        checkJsonFails(j);
    }
    {
        Json j = real;
        j["schedules"][1]["government_subsidy"][0]["segment"] = "PBI";
        checkJsonFails(j, "schedules[1].government_subsidy");
    }
    {
        Json j = real;
        j["schedules"][1]["government_subsidy"][0]["class"] = "IV";
        checkJsonFails(j, "schedules[1].government_subsidy");
    }
    {
        Json j = real;
        j["schedules"][1]["payroll"]["percent_of_wage"] = 101;
        checkJsonFails(j);
    }
    {
        Json j = real;
        j["schedules"][0]["payroll"]["wage_cap"] = -5;
        checkJsonFails(j);
    }
    {
        Json j = real;
        j["schedules"][0]["class_premium"]["I"] =
            18446744073709551615ULL;  // wraps negative as int64
        checkJsonFails(j);
    }
}

TEST_CASE("premiums_json: wrong types give an error, never an exception") {
    const Json real = realJson();
    const Json wrong_for_text[] = {Json(1),       Json(1.5),      Json(true),
                                   Json::array(), Json::object(), Json(nullptr)};
    const Json wrong_for_integer[] = {Json("42000"), Json(1.5),      Json(true),
                                      Json::array(), Json::object(), Json(nullptr)};
    const Json wrong_for_container[] = {Json(1), Json("x"), Json(true), Json(nullptr)};

    SECTION("legal_basis a number") {
        Json j = real;
        j["schedules"][0]["legal_basis"] = 64;
        checkJsonFails(j, "schedules[0].legal_basis");
    }
    SECTION("text fields") {
        for (const Json& v : wrong_for_text) {
            Json a = real;
            a["schedules"][1]["legal_basis"] = v;
            checkJsonFails(a, "schedules[1].legal_basis");
            Json b = real;
            b["schedules"][0]["effective_from"] = v;
            checkJsonFails(b, "schedules[0].effective_from");
            for (const char* key : {"segment", "class"}) {
                Json c = real;
                c["schedules"][1]["government_subsidy"][1][key] = v;
                checkJsonFails(c, "schedules[1].government_subsidy");
            }
        }
    }
    SECTION("integer fields") {
        for (const Json& v : wrong_for_integer) {
            for (const char* roman : {"I", "II", "III"}) {
                Json a = real;
                a["schedules"][0]["class_premium"][roman] = v;
                checkJsonFails(a, std::string("schedules[0].class_premium.") + roman);
            }
            Json b = real;
            b["schedules"][1]["government_subsidy"][0]["amount"] = v;
            checkJsonFails(b, "schedules[1].government_subsidy");
            Json c = real;
            c["schedules"][1]["payroll"]["wage_cap"] = v;
            checkJsonFails(c, "schedules[1].payroll");
        }
        for (const Json& v : {Json("5"), Json(true), Json::array(), Json(nullptr)}) {
            Json d = real;
            d["schedules"][0]["payroll"]["percent_of_wage"] = v;
            checkJsonFails(d, "schedules[0].payroll");
        }
    }
    SECTION("containers") {
        for (const Json& v : wrong_for_container) {
            Json a = real;
            a["schedules"][0]["class_premium"] = v;
            checkJsonFails(a, "schedules[0].class_premium");
            Json b = real;
            b["schedules"][0]["government_subsidy"] = v;
            checkJsonFails(b, "schedules[0].government_subsidy");
            Json c = real;
            c["schedules"][0]["government_subsidy"] = Json::array({v});
            checkJsonFails(c, "schedules[0].government_subsidy");
            Json d = real;
            d["schedules"][0]["payroll"] = v;
            checkJsonFails(d, "schedules[0].payroll");
            Json e = real;
            e["schedules"][1] = v;
            checkJsonFails(e, "schedules[1]");
        }
    }
}
