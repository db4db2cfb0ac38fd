#include "core/scan_payload.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support/fixtures.hpp"
#include "support/sample_household.hpp"

using namespace pekon;

namespace {
ScanPayload scan(std::string_view text) {
    return parsePayload(text, test::regions(), test::kToday);
}
}  // namespace

TEST_CASE("scan payload: bare numbers") {
    auto nik = scan("1806014107850003");
    CHECK(nik.kind == PayloadKind::nik);
    CHECK(nik.nik == "1806014107850003");
    auto spaced = scan(" 1806 0141 0785 0003\n");
    CHECK(spaced.kind == PayloadKind::nik);
    // Every valid KK number also has the shape of a NIK (region, DDMMYY, serial), so bare
    // 16 digits are read as the NIK a KTP carries; a KK comes through a keyed payload.
    CHECK(scan(test::sample::kKk).kind == PayloadKind::nik);
    auto card = scan("0001234567890");
    CHECK(card.kind == PayloadKind::card);
    CHECK(card.card_number == "0001234567890");
    auto bad = scan("1806019999990001");
    CHECK(bad.kind == PayloadKind::unknown);
    REQUIRE(bad.problem);
    CHECK(bad.problem->code == "payload_not_recognised");
    CHECK(bad.raw == "1806019999990001");
}

TEST_CASE("scan payload: a NIK inside other text (a KTP's PDF417)") {
    auto p = scan("PROVINSI LAMPUNG\nKABUPATEN TANGGAMUS\nNIK : 1806014107850003\nNama : SITI");
    CHECK(p.kind == PayloadKind::nik);
    CHECK(p.nik == "1806014107850003");
    // 17 digits are not a NIK with one extra digit.
    CHECK(scan("no 18060141078500031").kind == PayloadKind::unknown);
}

TEST_CASE("scan payload: JSON, key=value and URL-query payloads with Indonesian keys") {
    auto json = scan(
        R"({"nik":"1806014107850003","nama":"Siti Aminah","tgl_lahir":"01-07-1985","jk":"P","no_kk":"1806011203150007"})");
    CHECK(json.kind == PayloadKind::nik);
    CHECK(json.name == "Siti Aminah");
    REQUIRE(json.birth_date);
    CHECK(*json.birth_date == Date{1985, 7, 1});
    REQUIRE(json.sex);
    CHECK(*json.sex == Sex::female);
    CHECK(json.kk_number == test::sample::kKk);
    CHECK(json.warnings.empty());

    auto kv = scan(
        "NIK=1806014107850003;NAMA=SITI AMINAH;TANGGAL_LAHIR=1985-07-01;JENIS_KELAMIN=PEREMPUAN");
    CHECK(kv.kind == PayloadKind::nik);
    CHECK(kv.name == "SITI AMINAH");
    CHECK(*kv.sex == Sex::female);

    auto url = scan("https://example.go.id/cek?nik=1806014107850003&nama=Siti%20Aminah&jk=L");
    CHECK(url.kind == PayloadKind::nik);
    CHECK(url.name == "Siti Aminah");
    // The code says male, the NIK female: taken, with a warning.
    REQUIRE(url.warnings.size() == 1);
    CHECK(url.warnings[0].code == "nik_sex_mismatch");

    auto card = scan("no_kartu=0001234567890");
    CHECK(card.kind == PayloadKind::card);
    auto kk = scan(R"({"no_kk":"1806011203150007"})");
    CHECK(kk.kind == PayloadKind::kk);
    auto bad_nik = scan(R"({"nik":"123"})");
    CHECK(bad_nik.kind == PayloadKind::unknown);
    REQUIRE(bad_nik.problem);
    CHECK(bad_nik.problem->code == "nik_length");
    auto nothing = scan(R"({"foo":"bar","nested":{"a":[1,2]}})");
    CHECK(nothing.kind == PayloadKind::unknown);
    CHECK(nothing.problem->code == "payload_no_number");
}

TEST_CASE("scan payload: Pekon's own URIs") {
    auto r = scan(
        "pekon://receipt?v=1&id=0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9e&date=2026-11-22&members=3");
    CHECK(r.kind == PayloadKind::receipt);
    CHECK(r.params["id"] == "0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9e");
    CHECK(r.params["members"] == "3");
    auto e = scan("pekon://enrol?hub=https%3A%2F%2Fhub.tanggamus.local&token=abc123");
    CHECK(e.kind == PayloadKind::enrol);
    CHECK(e.params["hub"] == "https://hub.tanggamus.local");
    CHECK(scan("PEKON://session?id=s1").kind == PayloadKind::session);
    CHECK(scan("pekon://user?id=u1").kind == PayloadKind::user);
    auto incomplete = scan("pekon://enrol?hub=x");
    CHECK(incomplete.kind == PayloadKind::unknown);
    CHECK(incomplete.problem->code == "payload_incomplete");
    CHECK(scan("pekon://other?id=1").problem->code == "payload_unknown_pekon");
}

TEST_CASE("scan payload: binary, huge and non-UTF-8 content is unknown, shown safely") {
    const std::string binary("\x00\xff\xfe\x01\x80 abc\n\x1b", 10);
    auto b = scan(binary);
    CHECK(b.kind == PayloadKind::unknown);
    CHECK(b.raw == " ?? ? abc ");
    auto huge = scan(std::string(100'000, '7'));
    CHECK(huge.kind == PayloadKind::unknown);
    CHECK(huge.problem->code == "payload_too_large");
    CHECK(huge.raw.size() == 500);
    CHECK(scan("").kind == PayloadKind::unknown);
    CHECK(payloadKindCode(PayloadKind::receipt) == "receipt");
}

TEST_CASE("KEY:VALUE lists (as in some ID cards' PDF417) carry the person's fields",
          "[scan_payload]") {
    const ScanPayload p = parsePayload(
        "NIK:1806014501870003;NAMA:SITI AMINAH;TGL_LAHIR:05-01-1987;JK:P;ALAMAT:PEKON KOTA AGUNG",
        test::regions(), test::kToday);
    REQUIRE(p.kind == PayloadKind::nik);
    CHECK(p.nik == "1806014501870003");
    CHECK(p.name == "SITI AMINAH");
    REQUIRE(p.birth_date);
    CHECK(formatIsoDate(*p.birth_date) == "1987-01-05");
    REQUIRE(p.sex);
    CHECK(*p.sex == Sex::female);
    CHECK(p.warnings.empty());
    // Plain text with a colon is still just text (with a NIK inside found as before).
    const ScanPayload q =
        parsePayload("Catatan: hubungi 1806014501870003 besok", test::regions(), test::kToday);
    CHECK(q.kind == PayloadKind::nik);
    CHECK(q.name.empty());
    CHECK(parsePayload("Waktu: 10:30", test::regions(), test::kToday).kind == PayloadKind::unknown);
}
