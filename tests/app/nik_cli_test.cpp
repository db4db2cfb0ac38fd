// `pekon nik`: black-box, through the real binary.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "app/run_cli.hpp"

using namespace pekon::test;
using nlohmann::json;

namespace {

const std::string kNik = "1806014107850003";

std::set<std::string> keysOf(json j) {
    std::set<std::string> keys;
    for (const auto& [key, _] : j.items()) keys.insert(key);
    return keys;
}

// Runs `pekon nik args...`, which must end cleanly with exit 1 and exactly one JSON object
// saying the NIK is not valid, with an error code and message. Returns the object.
json invalidNik(const std::vector<std::string>& args) {
    std::vector<std::string> full = {"nik"};
    full.insert(full.end(), args.begin(), args.end());
    const CliRun run = runCli(full);
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 1);
    json j = singleJson(run);
    REQUIRE(j.is_object());
    CHECK(keysOf(j) == std::set<std::string>{"nik", "valid", "error"});
    CHECK(j["valid"] == false);
    CHECK((j["nik"].is_string() || j["nik"].is_null()));
    REQUIRE(j["error"].is_object());
    CHECK(keysOf(j["error"]) == std::set<std::string>{"code", "message"});
    REQUIRE(j["error"]["code"].is_string());
    REQUIRE(j["error"]["message"].is_string());
    CHECK_FALSE(j["error"]["code"].get<std::string>().empty());
    CHECK_FALSE(j["error"]["message"].get<std::string>().empty());
    return j;
}

std::string errorCode(json j) {
    return j["error"]["code"].get<std::string>();
}
std::string errorMessage(json j) {
    return j["error"]["message"].get<std::string>();
}

}  // namespace

TEST_CASE("cli nik: a valid NIK is decoded") {
    const CliRun run = runCli({"nik", kNik});
    INFO(run.describe());
    CHECK(run.clean());
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(run.out.find('\n') == run.out.size() - 1);  // one line
    json j = singleJson(run);
    REQUIRE(j.is_object());
    CHECK(keysOf(j) == std::set<std::string>{"nik", "valid", "province", "regency", "district",
                                             "birth_date", "sex", "serial", "warnings"});
    CHECK(j["nik"] == kNik);
    CHECK(j["valid"] == true);
    CHECK(j["province"] == json{{"code", "18"}, {"name", "Lampung"}});
    CHECK(j["regency"]["code"] == "18.06");
    CHECK(j["regency"]["name"] == "Kabupaten Tanggamus");
    CHECK(j["district"] == json{{"code", "18.06.01"}, {"name", "Kota Agung"}});
    CHECK(j["birth_date"] == "1985-07-01");
    CHECK(j["sex"] == "F");
    CHECK(j["serial"] == "0003");
    CHECK(j["warnings"] == json::array());
    // Keys in the documented order.
    CHECK(run.out.rfind("{\"nik\":\"1806014107850003\",\"valid\":true,\"province\":", 0) == 0);
}

TEST_CASE("cli nik: spaces in the NIK are ignored, the answer has the digits") {
    const CliRun run = runCli({"nik", " 1806 0141 0785 0003 "});
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    json j = singleJson(run);
    CHECK(j["valid"] == true);
    CHECK(j["nik"] == kNik);
}

TEST_CASE("cli nik: a man's NIK") {
    const CliRun run = runCli({"nik", "1806011505800001"});
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    json j = singleJson(run);
    CHECK(j["sex"] == "M");
    CHECK(j["birth_date"] == "1980-05-15");
    CHECK(j["serial"] == "0001");
}

TEST_CASE("cli nik: invalid NIKs give their error code and exit 1") {
    const std::pair<std::string, std::string> cases[] = {
        {"", "nik_empty"},
        {"18060141078500", "nik_length"},
        {"180601410785000312", "nik_length"},
        {"18060141078500AB", "nik_not_digits"},
        {"-123", "nik_not_digits"},
        {"9906014107850003", "nik_province_unknown"},
        {"1806014113850003", "nik_month_invalid"},
        {"1806013207850003", "nik_day_invalid"},
        {"1806017207850003", "nik_day_invalid"},
        {"1806013102850003", "nik_date_invalid"},
        {"1806014107850000", "nik_serial_invalid"},
    };
    for (const auto& [nik, code] : cases) {
        INFO("NIK '" << nik << "'");
        json j = invalidNik({nik});
        CHECK(j["nik"] == nik);
        CHECK(errorCode(j) == code);
    }
}

TEST_CASE("cli nik: --lang en changes the message, not the code") {
    for (const std::string nik : {"18060141078500", "9906014107850003", "1806014107850000", ""}) {
        INFO("NIK '" << nik << "'");
        json id = invalidNik({nik});
        json en = invalidNik({nik, "--lang", "en"});
        json en2 = invalidNik({"--lang=en", nik});
        CHECK(errorCode(id) == errorCode(en));
        CHECK(errorMessage(id) != errorMessage(en));
        CHECK(errorMessage(en) == errorMessage(en2));
    }
    CHECK(errorMessage(invalidNik({"18060141078500", "--lang", "en"})) ==
          "A NIK has 16 digits; this one has 14.");
    CHECK(errorMessage(invalidNik({"18060141078500"})) ==
          "NIK harus 16 digit; yang diisi 14 digit.");
    // An unknown language does not stop `nik` from answering in JSON.
    json xx = invalidNik({"18060141078500", "--lang", "xx"});
    CHECK(errorCode(xx) == "nik_length");
}

TEST_CASE("cli nik: --birth-date and --sex are cross-checked") {
    SECTION("matching") {
        for (const std::vector<std::string>& extra :
             std::vector<std::vector<std::string>>{{"--birth-date", "1985-07-01"},
                                                   {"--birth-date=1985-07-01"},
                                                   {"--sex", "F"},
                                                   {"--sex", "P"},
                                                   {"--sex=f"},
                                                   {"--birth-date", "1985-07-01", "--sex", "F"}}) {
            std::vector<std::string> args = {"nik", kNik};
            args.insert(args.end(), extra.begin(), extra.end());
            const CliRun run = runCli(args);
            INFO(run.describe());
            CHECK(run.exit_code == 0);
            json j = singleJson(run);
            CHECK(j["valid"] == true);
            CHECK(j["birth_date"] == "1985-07-01");
        }
    }
    SECTION("birth date mismatch") {
        json j = invalidNik({kNik, "--birth-date", "1985-07-02"});
        CHECK(j["nik"] == kNik);
        CHECK(errorCode(j) == "nik_birth_date_mismatch");
        CHECK(errorMessage(j).find("1985-07-02") != std::string::npos);
        CHECK(errorCode(invalidNik({kNik, "--birth-date", "1975-07-01"})) ==
              "nik_birth_date_mismatch");
    }
    SECTION("sex mismatch") {
        json j = invalidNik({kNik, "--sex", "M"});
        CHECK(errorCode(j) == "nik_sex_mismatch");
        CHECK(errorCode(invalidNik({kNik, "--sex", "L"})) == "nik_sex_mismatch");
        CHECK(errorCode(invalidNik({"1806011505800001", "--sex", "F"})) == "nik_sex_mismatch");
        json en = invalidNik({kNik, "--sex", "M", "--lang", "en"});
        CHECK(errorMessage(en) != errorMessage(j));
    }
    SECTION("values that are not a date or a sex") {
        CHECK(errorCode(invalidNik({kNik, "--sex", "X"})) == "sex_invalid");
        CHECK(errorCode(invalidNik({kNik, "--sex="})) == "sex_invalid");
        json d = invalidNik({kNik, "--birth-date", "01-07-1985"});
        CHECK(errorCode(d) != "nik_birth_date_mismatch");
        invalidNik({kNik, "--birth-date", "1985-02-30"});
        invalidNik({kNik, "--birth-date="});
    }
}

TEST_CASE("cli nik: garbage arguments give one JSON object, never a crash") {
    SECTION("no NIK") {
        json j = invalidNik({});
        CHECK(j["nik"].is_null());
        CHECK(errorCode(j) == "usage");
    }
    SECTION("two NIKs") {
        json j = invalidNik({kNik, "1806011505800001"});
        CHECK(j["nik"] == kNik);
        CHECK(errorCode(j) == "usage");
        CHECK(errorMessage(j).find("1806011505800001") != std::string::npos);
    }
    SECTION("an unknown option") {
        json j = invalidNik({kNik, "--frobnicate"});
        CHECK(errorCode(j) == "usage");
        CHECK(errorMessage(j).find("--frobnicate") != std::string::npos);
        CHECK(errorCode(invalidNik({"--frobnicate=1", kNik})) == "usage");
        CHECK(errorCode(invalidNik({kNik, "--help=yes"})) == "usage");
    }
    SECTION("--birth-date without a value") {
        json j = invalidNik({kNik, "--birth-date"});
        CHECK(j["nik"] == kNik);
        CHECK(errorCode(j) == "usage");
        CHECK(errorMessage(j).find("--birth-date") != std::string::npos);
        CHECK(errorCode(invalidNik({kNik, "--sex"})) == "usage");
    }
    SECTION("a 10 KB argument") {
        const std::string big(10 * 1024, '7');
        json j = invalidNik({big});
        CHECK(j["nik"] == big);
        CHECK(errorCode(j) == "nik_length");
        invalidNik({std::string(10 * 1024, 'x')});
        invalidNik({kNik, "--birth-date", std::string(10 * 1024, '9')});
        invalidNik({kNik, "--sex", std::string(10 * 1024, 'F')});
        invalidNik({kNik, "--" + std::string(10 * 1024, 'o')});
    }
    SECTION("invalid UTF-8 bytes") {
        json j = invalidNik({"\xFF\xFE\x80"});
        REQUIRE(j["nik"].is_string());
        CHECK(j["nik"] == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
        CHECK(errorCode(j) == "nik_not_digits");
        invalidNik({"18060141\xC3", "--lang", "en"});
        invalidNik({kNik, "--birth-date", "\xC0\xAF"});
        invalidNik({kNik, "--sex", "\xED\xA0\x80"});
        invalidNik({kNik, "\xFF"});
        invalidNik({kNik, "--\xFF"});
    }
    SECTION("an empty string") {
        json j = invalidNik({""});
        CHECK(j["nik"] == "");
        CHECK(errorCode(j) == "nik_empty");
        CHECK(errorCode(invalidNik({kNik, ""})) == "usage");
        invalidNik({kNik, "--birth-date", ""});
        invalidNik({kNik, "--sex", ""});
    }
    SECTION("odd but harmless") {
        invalidNik({"--"});
        invalidNik({"-", "-"});
        invalidNik({"\n"});
        invalidNik({"\"quoted\\\""});
        invalidNik({"1806014107850003\n1806014107850003"});
        std::vector<std::string> many(2000, kNik);
        invalidNik(many);
    }
}

TEST_CASE("cli nik: never touches a database") {
    const std::string db = tempPath("sub/never.db");
    const CliRun run = runCli({"nik", kNik, "--db", db});
    INFO(run.describe());
    CHECK(run.exit_code == 0);
    CHECK_FALSE(exists(db));
    CHECK_FALSE(exists(db.substr(0, db.rfind('/'))));  // nor creates its folder
}
