#include "codec/json.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace pekon;

namespace {

std::string nestedArrays(int depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

}  // namespace

TEST_CASE("json: parseJson accepts valid text") {
    auto j = parseJson(R"({"a": [1, 2, {"b": "c"}], "d": null})");
    REQUIRE(j.ok());
    CHECK((*j)["a"][2]["b"] == "c");
    CHECK((*j)["d"].is_null());
    auto bom = parseJson("\xEF\xBB\xBF{\"x\": 1}");
    REQUIRE(bom.ok());
    CHECK((*bom)["x"] == 1);
}

TEST_CASE("json: parseJson refuses invalid text without throwing") {
    for (const char* text :
         {"", "{", "}", "nul", "[1 2]", "{\"a\" 1}", "\"\xFF\"", "1e", "[\"\\x\"]"}) {
        INFO(text);
        Result<Json> r = Error{};
        REQUIRE_NOTHROW(r = parseJson(text));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "json_invalid");
    }
}

TEST_CASE("json: nesting up to kMaxJsonDepth, not beyond") {
    REQUIRE(kMaxJsonDepth == 64);
    auto ok = parseJson(nestedArrays(kMaxJsonDepth));
    REQUIRE(ok.ok());
    CHECK(ok->is_array());
    auto too_deep = parseJson(nestedArrays(kMaxJsonDepth + 1));
    REQUIRE_FALSE(too_deep.ok());
    CHECK(too_deep.error().code == "json_invalid");
    CHECK(too_deep.error().message_en.find("64") != std::string::npos);
    // Siblings do not add up: 64 levels twice is fine.
    REQUIRE(parseJson("[" + nestedArrays(63) + "," + nestedArrays(63) + "]").ok());
    // Brackets in strings, also after an escaped quote, are not nesting.
    REQUIRE(parseJson("[\"\\\"" + std::string(200, '[') + "\"]").ok());
    // Hostile depth: an error, not a stack overflow.
    CHECK_FALSE(parseJson(std::string(1'000'000, '[')).ok());
    CHECK_FALSE(parseJson(nestedArrays(100'000)).ok());
}

TEST_CASE("json: readText") {
    const Json j = Json::parse(R"({"s": "abc", "n": 42, "neg": -7, "big": 18446744073709551615,
                                   "f": 1.5, "b": true, "o": {}, "a": [], "z": null})");
    std::string out = "keep";
    CHECK(readText(j, "missing", out));
    CHECK(out == "keep");
    CHECK(readText(j, "z", out));
    CHECK(out == "keep");
    CHECK(readText(j, "s", out));
    CHECK(out == "abc");
    CHECK(readText(j, "n", out));
    CHECK(out == "42");
    CHECK(readText(j, "neg", out));
    CHECK(out == "-7");
    CHECK(readText(j, "big", out));
    CHECK(out == "18446744073709551615");
    out = "keep";
    for (const char* key : {"f", "b", "o", "a"}) {
        INFO(key);
        CHECK_FALSE(readText(j, key, out));
        CHECK(out == "keep");
    }
}
