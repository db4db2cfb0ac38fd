#include "codec/json_writer.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>

#include "codec/json.hpp"

using namespace pekon;
using namespace std::string_literals;

namespace {

std::string escaped(std::string_view value) {
    std::string out;
    appendJsonString(out, value);
    return out;
}

}  // namespace

TEST_CASE("json_writer: escaping vectors") {
    CHECK(escaped("") == R"("")");
    CHECK(escaped("abc") == R"("abc")");
    CHECK(escaped("\"") == R"("\"")");
    CHECK(escaped("\\") == R"("\\")");
    CHECK(escaped("a\"b\\c") == R"("a\"b\\c")");
    CHECK(escaped("\n") == R"("\n")");
    CHECK(escaped("\r") == R"("\r")");
    CHECK(escaped("\t") == R"("\t")");
    CHECK(escaped("\b") == R"("\u0008")");
    CHECK(escaped("\f") == R"("\u000c")");
    CHECK(escaped("\x01") == R"("\u0001")");
    CHECK(escaped("\x1f") == R"("\u001f")");
    CHECK(escaped("\x10") == R"("\u0010")");
    CHECK(escaped("\0"s) == R"("\u0000")");
    CHECK(escaped("a\0b"s) == R"("a\u0000b")");
    CHECK(escaped("\x7f") == "\"\x7f\"");  // DEL needs no escape in JSON
    CHECK(escaped("/") == R"("/")");       // nor does the solidus
    CHECK(escaped(" ~") == R"(" ~")");
    CHECK(escaped("'") == R"("'")");
}

TEST_CASE("json_writer: valid UTF-8 passes through unchanged") {
    for (const std::string& s :
         {"\xC3\xA9"s,
          "A\xC5\x84"
          "a"s,
          "\xE2\x82\xAC"s, "\xEF\xBF\xBD"s, "\xF0\x9F\x8F\xA0"s, "\xF4\x8F\xBF\xBF"s,
          "\xE2\x80\xA8"s, "\xC2\x80"s, "\xEF\xBB\xBF"s}) {
        CHECK(escaped(s) == "\"" + s + "\"");
    }
}

TEST_CASE("json_writer: bytes that are not UTF-8 become U+FFFD") {
    const std::string r = "\xEF\xBF\xBD";
    CHECK(escaped("\xFF") == "\"" + r + "\"");
    CHECK(escaped("\x80") == "\"" + r + "\"");
    CHECK(escaped("a\xC3") == "\"a" + r + "\"");
    CHECK(escaped("\xE2\x82") == "\"" + r + r + "\"");
    CHECK(escaped("\xC0\x80") == "\"" + r + r + "\"");          // overlong NUL
    CHECK(escaped("\xE0\x80\xAF") == "\"" + r + r + r + "\"");  // overlong
    CHECK(escaped("\xED\xBF\xBF") == "\"" + r + r + r + "\"");  // surrogate
    CHECK(escaped("\xF5\x80\x80\x80") == "\"" + r + r + r + r + "\"");
    CHECK(escaped("x\xFEy") == "\"x" + r + "y\"");
}

TEST_CASE("json_writer: an object of fields") {
    CHECK(std::move(JsonObjectWriter()).finish() == "{}");
    JsonObjectWriter w;
    w.field("a", "x")
        .field("n", std::int64_t{42})
        .field("neg", std::int64_t{-7})
        .field("q", "say \"hi\"");
    CHECK(std::move(w).finish() == R"({"a":"x","n":42,"neg":-7,"q":"say \"hi\""})");

    JsonObjectWriter big;
    big.field("min", std::numeric_limits<std::int64_t>::min())
        .field("max", std::numeric_limits<std::int64_t>::max());
    const std::string text = std::move(big).finish();
    CHECK(text == R"({"min":-9223372036854775808,"max":9223372036854775807})");
    auto j = parseJson(text);
    REQUIRE(j.ok());
    CHECK((*j)["min"].get<std::int64_t>() == std::numeric_limits<std::int64_t>::min());
    CHECK((*j)["max"].get<std::int64_t>() == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("json_writer: every single byte yields valid JSON that reads back") {
    for (int b = 0; b < 256; ++b) {
        const std::string value = "<" + std::string(1, static_cast<char>(b)) + ">";
        JsonObjectWriter w;
        w.field("v", value);
        const std::string text = std::move(w).finish();
        INFO("byte " << b);
        Json j = Json::parse(text, nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        const std::string back = j["v"].get<std::string>();
        if (b < 0x80)
            CHECK(back == value);
        else
            CHECK(back == "<\xEF\xBF\xBD>");
    }
}

TEST_CASE("json_writer: agrees with dumpJson on valid text") {
    for (const std::string& s :
         {"plain"s, "q\"b\\s/"s, "\n\r\t\b\f"s, "\x01\x1f"s, "\xC3\xA9\xE2\x82\xAC"s}) {
        const std::string mine = escaped(s);
        CHECK(Json::parse(mine) == Json(s));
    }
    // dumpJson never throws on invalid UTF-8 either.
    CHECK(dumpJson(Json("a\xFF"
                        "b")) ==
          "\"a\xEF\xBF\xBD"
          "b\"");
    CHECK(dumpJson(OrderedJson{{"k", "\xC3"}}) == "{\"k\":\"\xEF\xBF\xBD\"}");
}
