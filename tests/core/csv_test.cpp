#include "core/csv.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace pekon;

namespace {

using Rows = std::vector<CsvRow>;

Rows parseOk(std::string_view text) {
    auto r = parseCsv(text);
    INFO(std::string(text));
    REQUIRE(r.ok());
    return *r;
}

}  // namespace

TEST_CASE("csv: plain rows and fields") {
    CHECK(parseOk("a,b,c\n1,2,3\n") == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(parseOk("a,b") == Rows{{"a", "b"}});  // no final line break
    CHECK(parseOk("single\n") == Rows{{"single"}});
    CHECK(parseOk("") == Rows{});
}

TEST_CASE("csv: empty fields are kept") {
    CHECK(parseOk("a,,c\n") == Rows{{"a", "", "c"}});
    CHECK(parseOk("a,\n") == Rows{{"a", ""}});
    CHECK(parseOk(",b\n") == Rows{{"", "b"}});
    CHECK(parseOk(",\n") == Rows{{"", ""}});
}

TEST_CASE("csv: empty lines are skipped") {
    CHECK(parseOk("\n\na\n\n\nb\n\n") == Rows{{"a"}, {"b"}});
    CHECK(parseOk("\r\n\r\n") == Rows{});
}

TEST_CASE("csv: spaces are data") {
    CHECK(parseOk(" a , b \n") == Rows{{" a ", " b "}});
}

TEST_CASE("csv: quoted fields") {
    CHECK(parseOk("\"a,b\",c\n") == Rows{{"a,b", "c"}});
    CHECK(parseOk("\"Negeri Ratu, Kota Agung\"\n") == Rows{{"Negeri Ratu, Kota Agung"}});
    CHECK(parseOk("\"\"\n") == Rows{{""}});  // one empty quoted field
    CHECK(parseOk("\"\",\"\"\n") == Rows{{"", ""}});
    CHECK(parseOk("\"line1\nline2\",x\n") == Rows{{"line1\nline2", "x"}});
    CHECK(parseOk("\"crlf\r\ninside\"\r\n") == Rows{{"crlf\r\ninside"}});
}

TEST_CASE("csv: doubled quotes inside quotes are one quote") {
    CHECK(parseOk("\"say \"\"halo\"\"\",b\n") == Rows{{"say \"halo\"", "b"}});
    CHECK(parseOk("\"\"\"\"\n") == Rows{{"\""}});
    CHECK(parseOk("\"a\"\"\"\n") == Rows{{"a\""}});
}

TEST_CASE("csv: CRLF, LF and CR line ends") {
    CHECK(parseOk("a,b\r\nc,d\r\n") == Rows{{"a", "b"}, {"c", "d"}});
    CHECK(parseOk("a,b\r\nc,d") == Rows{{"a", "b"}, {"c", "d"}});
    CHECK(parseOk("a,b\nc,d\r\n") == Rows{{"a", "b"}, {"c", "d"}});
    CHECK(parseOk("a,b\rc,d\r") == Rows{{"a", "b"}, {"c", "d"}});
    // No stray \r left at the end of the last field.
    CHECK(parseOk("code,name\r\n18,Lampung\r\n")[1][1] == "Lampung");
}

TEST_CASE("csv: a UTF-8 byte-order mark at the start is ignored") {
    CHECK(parseOk("\xEF\xBB\xBF"
                  "code,name\n18,Lampung\n") == Rows{{"code", "name"}, {"18", "Lampung"}});
    CHECK(parseOk("\xEF\xBB\xBF") == Rows{});
    // Only at the very start.
    CHECK(parseOk("a\n\xEF\xBB\xBF"
                  "b\n") == Rows{{"a"},
                                 {"\xEF\xBB\xBF"
                                  "b"}});
}

TEST_CASE("csv: an unterminated quote is an error naming its line") {
    auto r = parseCsv("a,b\nc,\"d\ne,f\n");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "csv_unterminated_quote");
    CHECK_THAT(r.error().message_en, Catch::Contains("line 2"));
    CHECK_THAT(r.error().message_id, Catch::Contains("baris 2"));
    CHECK(r.error().message_id != r.error().message_en);

    auto multi = parseCsv("h\r\n\"ok\r\nstill ok\"\r\nx,\"broken\r\n");
    REQUIRE_FALSE(multi.ok());
    CHECK(multi.error().code == "csv_unterminated_quote");
    CHECK_THAT(multi.error().message_en, Catch::Contains("line 4"));

    auto lone = parseCsv("\"");
    REQUIRE_FALSE(lone.ok());
    CHECK(lone.error().code == "csv_unterminated_quote");
}

TEST_CASE("csv: csvField quotes only when needed") {
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("") == "");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
    CHECK(csvField("cr\r") == "\"cr\r\"");
    CHECK(csvField(" lead") == "\" lead\"");
    CHECK(csvField("trail ") == "\"trail \"");
    CHECK(csvField("in side") == "in side");
}

TEST_CASE("csv: csvLine round-trips through parseCsv") {
    const CsvRow fields{
        "18.06.01.2016", "Negeri Ratu, Kota Agung", "say \"halo\"", "", " x ", "multi\nline",
        "crlf\r\nline"};
    const std::string line = csvLine(fields);
    CHECK(line.back() == '\n');
    CHECK(parseOk(line) == Rows{fields});
    CHECK(csvLine({"a", "b"}) == "a,b\n");
    CHECK(parseOk(csvLine({"a", "b"}) + csvLine({"c", ""})) == Rows{{"a", "b"}, {"c", ""}});
}

TEST_CASE("csv: the two shapes the fuzzer found survive a round trip") {
    // A row holding one empty field must not become an empty (skipped) line.
    CHECK(csvLine({""}) == "\"\"\n");
    auto one = parseCsv(csvLine({""}));
    REQUIRE(one.ok());
    REQUIRE(one->size() == 1);
    CHECK((*one)[0] == CsvRow{""});
    // A first field starting with a byte-order mark must not be taken for the file's own.
    const std::string bom_field =
        "\xEF\xBB\xBF"
        "a";
    auto bom = parseCsv(csvLine({bom_field, "b"}));
    REQUIRE(bom.ok());
    REQUIRE(bom->size() == 1);
    CHECK((*bom)[0][0] == bom_field);
}
