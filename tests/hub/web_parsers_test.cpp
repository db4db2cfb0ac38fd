// The office console's parsers of what browsers send (src/hub/web/http_fields, multipart):
// well-formed input read right, hostile input refused with a typed error, limits kept.
#include <catch2/catch.hpp>
#include <string>

#include "hub/web/http_fields.hpp"
#include "hub/web/multipart.hpp"

using namespace pekon;
using namespace pekon::hub::web;

TEST_CASE("web cookies: pairs read, quoted values unquoted, junk pairs skipped", "[web_parsers]") {
    auto c = parseCookies("pekon_session=abc123; lang=en;  other=\"q v\"x; =nameless; noeq; a=b");
    REQUIRE(c);
    CHECK(c->value("pekon_session") == "abc123");
    CHECK(c->value("lang") == "en");
    CHECK_FALSE(c->get("other"));  // a space and a quote inside: skipped
    CHECK(c->value("a") == "b");
    CHECK(c->size() == 3);
    auto quoted = parseCookies("x=\"abc\"");
    REQUIRE(quoted);
    CHECK(quoted->value("x") == "abc");
    CHECK(parseCookies("")->size() == 0);
    CHECK(parseCookies(";;; ;")->size() == 0);
    // Bytes outside printable ASCII in a value or name: the pair is skipped.
    CHECK_FALSE(parseCookies(std::string("s=a\0b", 5))->get("s"));
    CHECK_FALSE(parseCookies("s=\xC3\xA9")->get("s"));
    CHECK_FALSE(parseCookies("s\xC3\xA9=1")->get("s\xC3\xA9"));
}

TEST_CASE("web cookies: a huge header or too many pairs is refused", "[web_parsers]") {
    const auto huge = parseCookies(std::string(kMaxCookieHeaderBytes + 1, 'a'));
    REQUIRE_FALSE(huge);
    CHECK(huge.error().code == "bad_cookie");
    std::string many;
    for (std::size_t i = 0; i <= kMaxCookies; ++i) many += "c" + std::to_string(i) + "=1; ";
    const auto too_many = parseCookies(many);
    REQUIRE_FALSE(too_many);
    CHECK(too_many.error().code == "bad_cookie");
}

TEST_CASE("web form: url-encoded fields, '+', escapes, repeats, order", "[web_parsers]") {
    auto f = parseFormUrlEncoded("csrf=ab%2Fc&name=Budi+Santoso&x=%C3%A9&flag&&x=2&empty=");
    REQUIRE(f);
    CHECK(f->value("csrf") == "ab/c");
    CHECK(f->value("name") == "Budi Santoso");
    CHECK(f->value("x") == "\xC3\xA9");
    CHECK(f->all("x") == std::vector<std::string>{"\xC3\xA9", "2"});
    CHECK(f->get("flag") == std::optional<std::string>(""));
    CHECK(f->get("empty") == std::optional<std::string>(""));
    CHECK_FALSE(f->get("missing"));
    CHECK(f->size() == 6);
    CHECK(parseFormUrlEncoded("")->size() == 0);
    // Names are decoded too.
    CHECK(parseFormUrlEncoded("a%5Bb%5D=1")->value("a[b]") == "1");
}

TEST_CASE("web form: bad escapes, control bytes, size and field count refused", "[web_parsers]") {
    for (const std::string bad : {"a=%", "a=%4", "a=%zz", "a=%G1", "%=1", "a=%00", "a=%1F", "a=%7F",
                                  "a=\x01", "a\x7f=1", "a=b\x1b"}) {
        INFO(bad);
        auto f = parseFormUrlEncoded(bad);
        REQUIRE_FALSE(f);
        CHECK(f.error().code == "bad_form");
    }
    // Tab and line ends are text.
    CHECK(parseFormUrlEncoded("a=%09%0D%0A")->value("a") == "\t\r\n");
    CHECK(parseFormUrlEncoded("a=\t\r\n")->value("a") == "\t\r\n");
    CHECK_FALSE(parseFormUrlEncoded(std::string("a=b\0c", 5)));
    const auto big = parseFormUrlEncoded("a=" + std::string(kMaxFormBytes, 'x'));
    REQUIRE_FALSE(big);
    CHECK(big.error().code == "form_too_large");
    std::string many;
    for (std::size_t i = 0; i <= kMaxFormFields; ++i) many += "a=1&";
    const auto too_many = parseFormUrlEncoded(many);
    REQUIRE_FALSE(too_many);
    CHECK(too_many.error().code == "bad_form");
    CHECK(percentDecode("a+b", false).value() == "a+b");
    CHECK(percentEncode("http://10.0.0.5:8080/a b~\xC3\xA9") ==
          "http%3A%2F%2F10.0.0.5%3A8080%2Fa%20b~%C3%A9");
    CHECK(percentDecode(percentEncode("a&b=c+d%"), false).value() == "a&b=c+d%");
    CHECK(percentDecode("a+b", true).value() == "a b");
}

TEST_CASE("web Accept-Language: weights, regions, wildcards, junk", "[web_parsers]") {
    auto ranges = parseAcceptLanguage("en-US,en;q=0.9, id;q=0.8, *;q=0.1");
    REQUIRE(ranges.size() == 4);
    CHECK(ranges[0].tag == "en-us");
    CHECK(ranges[0].weight == 1000);
    CHECK(ranges[1].weight == 900);
    CHECK(ranges[2].tag == "id");
    CHECK(ranges[2].weight == 800);
    CHECK(ranges[3].tag == "*");
    CHECK(pickLanguage("en-US,en;q=0.9,id;q=0.8") == Lang::en);
    CHECK(pickLanguage("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7") == Lang::id);
    CHECK(pickLanguage("fr-FR,de;q=0.5") == Lang::id);
    CHECK(pickLanguage("") == Lang::id);
    CHECK(pickLanguage("en;q=0.5,id;q=0.5") == Lang::id);  // a tie: Bahasa Indonesia
    CHECK(pickLanguage("en;q=0") == Lang::id);
    // Malformed ranges are skipped, never an error or a crash.
    for (const char* junk : {";;;", "en;q=2", "en;q=1.5", "en;q=abc", "e n", "en;x=1",
                             "en;q=0.1234", ",,,,", "\xff\xfe", "en;q="}) {
        INFO(junk);
        CHECK(pickLanguage(junk) == Lang::id);
    }
    CHECK(parseAcceptLanguage(std::string(100000, ',') + "en").empty());
    std::string many;
    for (int i = 0; i < 100; ++i) many += "fr,";
    CHECK(parseAcceptLanguage(many + "en").size() == 32);
}

namespace {

const std::string kBoundary = "----WebKitFormBoundaryX3q";

std::string part(const std::string& headers, const std::string& data) {
    return "--" + kBoundary + "\r\n" + headers + "\r\n\r\n" + data + "\r\n";
}

}  // namespace

TEST_CASE("web multipart: the boundary of a Content-Type", "[web_parsers]") {
    CHECK(multipartBoundary("multipart/form-data; boundary=" + kBoundary).value() == kBoundary);
    CHECK(multipartBoundary("Multipart/Form-Data;boundary=\"a b'c\"").value() == "a b'c");
    for (const char* bad : {"application/x-www-form-urlencoded", "multipart/form-data",
                            "multipart/form-data; boundary=", "multipart/form-data; boundary=\"",
                            "multipart/mixed; boundary=abc", "multipart/form-data; boundary=a\x01",
                            "multipart/form-data; boundary=\"abc \""}) {
        INFO(bad);
        auto b = multipartBoundary(bad);
        REQUIRE_FALSE(b);
        CHECK(b.error().code == "bad_multipart");
    }
    CHECK_FALSE(multipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')));
}

TEST_CASE("web multipart: fields and one file, as browsers send them", "[web_parsers]") {
    const std::string csv = "nik,birth_date,status\r\n1806011505800001,1980-05-15,paid\r\n";
    const std::string body =
        part("Content-Disposition: form-data; name=\"csrf\"", "tok123") +
        part(
            "Content-Disposition: form-data; name=\"file\"; filename=\"status \\\"x\\\".csv\"\r\n"
            "Content-Type: text/csv",
            csv) +
        part("content-disposition: form-data; name=\"note\"", "") + "--" + kBoundary + "--\r\n";
    auto m = parseMultipart(body, kBoundary);
    REQUIRE(m);
    CHECK(m->fields.value("csrf") == "tok123");
    CHECK(m->fields.get("note") == std::optional<std::string>(""));
    REQUIRE(m->file);
    CHECK(m->file->field == "file");
    CHECK(m->file->filename == "status \"x\".csv");
    CHECK(m->file->content_type == "text/csv");
    CHECK(m->file->data == csv);  // CRLFs inside the file are kept
    // A file with no bytes, and a preamble before the first delimiter.
    const std::string empty_file =
        "preamble\r\n" + part("Content-Disposition: form-data; name=\"file\"; filename=\"\"", "") +
        "--" + kBoundary + "--";
    auto e = parseMultipart(empty_file, kBoundary);
    REQUIRE(e);
    REQUIRE(e->file);
    CHECK(e->file->data.empty());
}

TEST_CASE("web multipart: malformed and hostile bodies are refused", "[web_parsers]") {
    const std::string ok_field = part("Content-Disposition: form-data; name=\"a\"", "1");
    const std::string end = "--" + kBoundary + "--";
    const std::string file =
        part("Content-Disposition: form-data; name=\"f\"; filename=\"a\"", "x");
    for (const std::string& bad : {
             std::string(""),
             std::string("no delimiter at all"),
             ok_field,  // never closed
             "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1",  // cut
             part("Content-Type: text/plain", "1") + end,                     // no disposition
             part("Content-Disposition: attachment; name=\"a\"", "1") + end,  // not form-data
             part("Content-Disposition: form-data", "1") + end,               // no name
             part("Content-Disposition: form-data; name=\"\"", "1") + end,
             part("Content-Disposition: form-data; name=\"a", "1") + end,  // open quote
             part("Content-Disposition: form-data; name=\"a\"\r\nbroken header", "1") + end,
             file + file + end,  // two files
             "--" + kBoundary + "junk" + end,
         }) {
        INFO(bad);
        auto m = parseMultipart(bad, kBoundary);
        REQUIRE_FALSE(m);
        CHECK(m.error().code == "bad_multipart");
    }
    // Too many parts, headers too long, too much text, too large a body.
    std::string many;
    for (std::size_t i = 0; i <= kMaxMultipartParts; ++i) many += ok_field;
    CHECK_FALSE(parseMultipart(many + end, kBoundary));
    CHECK_FALSE(parseMultipart(part("Content-Disposition: form-data; name=\"a\"\r\nX: " +
                                        std::string(kMaxPartHeaderBytes, 'h'),
                                    "1") +
                                   end,
                               kBoundary));
    CHECK_FALSE(parseMultipart(
        part("Content-Disposition: form-data; name=\"a\"", std::string(kMaxFormBytes + 1, 't')) +
            end,
        kBoundary));
    auto huge = parseMultipart(std::string(kMaxUploadBytes + 1, 'x'), kBoundary);
    REQUIRE_FALSE(huge);
    CHECK(huge.error().code == "upload_too_large");
    // A file part may be large (up to the body's cap); only text fields are capped at 64 KiB.
    auto big_file =
        parseMultipart(part("Content-Disposition: form-data; name=\"f\"; filename=\"a.csv\"",
                            std::string(kMaxFormBytes * 4, 'd')) +
                           end,
                       kBoundary);
    REQUIRE(big_file);
    CHECK(big_file->file->data.size() == kMaxFormBytes * 4);
}
