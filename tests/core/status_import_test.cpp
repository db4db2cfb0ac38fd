#include "core/status_import.hpp"

#include <catch2/catch.hpp>

using namespace pekon;

TEST_CASE("status CSV: good rows come through, bad rows are reported by line with the reason",
          "[status_import]") {
    const std::string csv =
        "nik,birth_date,status,card_number,class,faskes,date\n"
        "1806011505800001,1980-05-15,verified,,3,Puskesmas Kota Agung,2026-11-20\n"
        "1806011505800001,1980-05-15,card_issued,0001234567890,3,Puskesmas Kota Agung,2026-12-01\n"
        "12345,1980-05-15,verified,,3,,2026-11-20\n"
        "1806015505820002,1982-05-15,approved,,3,,2026-11-20\n"
        "1806015505820002,1982-05-15,card_issued,,3,,2026-11-20\n"
        "1806015505820002,1982-05-15,paid,,4,,2026-11-20\n"
        "1806015505820002,15-05-1982,paid,,3,,2026-11-20\n"
        "1806015505820002,1982-05-15,paid,,3\n"
        "1806015505820002,1982-05-15,rejected,,,,2026-11-21\n";
    auto parsed = parseStatusCsv(csv);
    REQUIRE(parsed);
    REQUIRE(parsed->rows.size() == 3);
    CHECK(parsed->rows[0].line == 2);
    CHECK(parsed->rows[0].status == MemberStatus::verified);
    CHECK(parsed->rows[0].faskes == "Puskesmas Kota Agung");
    CHECK(parsed->rows[1].card_number == "0001234567890");
    CHECK(parsed->rows[1].care_class == 3);
    CHECK(parsed->rows[2].status == MemberStatus::rejected);
    CHECK_FALSE(parsed->rows[2].care_class);
    REQUIRE(parsed->problems.size() == 6);
    CHECK(parsed->problems[0] == std::make_pair(4, parsed->problems[0].second));
    CHECK(parsed->problems[0].second.code == "nik_invalid");
    CHECK(parsed->problems[1].second.code == "status_invalid");
    CHECK(parsed->problems[2].second.code == "card_number_missing");
    CHECK(parsed->problems[3].second.code == "class_invalid");
    CHECK(parsed->problems[4].second.code == "birth_date_invalid");
    CHECK(parsed->problems[5].first == 9);
    CHECK(parsed->problems[5].second.code == "status_csv_columns");
    for (const auto& [line, e] : parsed->problems) CHECK(e.message_id != e.message_en);
}

TEST_CASE("status CSV: a wrong header refuses the file; change types follow the protocol",
          "[status_import]") {
    CHECK(parseStatusCsv("nik,status\n1806011505800001,paid\n").error().code ==
          "status_csv_header");
    CHECK(parseStatusCsv("").error().code == "status_csv_header");
    CHECK(statusChangeType(MemberStatus::paid) == "payment.confirmed");
    CHECK(statusChangeType(MemberStatus::card_issued) == "card.issued");
    CHECK(statusChangeType(MemberStatus::rejected) == "registration.rejected");
    CHECK(statusChangeType(MemberStatus::queued).empty());
    CHECK(statusChangeType(MemberStatus::needs_correction) ==
          "registration.correction_requested");
    CHECK(statusOfChangeType("registration.correction_requested") ==
          MemberStatus::needs_correction);
    // A correction is asked for with a reason, in the office console: never from a CSV.
    auto csv = parseStatusCsv(
        "nik,birth_date,status,card_number,class,faskes,date\n"
        "1806015505820002,1982-05-15,needs_correction,,,,2026-11-21\n");
    REQUIRE(csv);
    CHECK(csv->rows.empty());
    REQUIRE(csv->problems.size() == 1);
    CHECK(csv->problems[0].second.code == "status_invalid");
    // And back, for the device applying pulled changes.
    CHECK(statusOfChangeType("payment.confirmed") == MemberStatus::paid);
    CHECK(statusOfChangeType("card.delivered") == MemberStatus::card_delivered);
    CHECK(statusOfChangeType("registration.duplicate_suspected") == std::nullopt);
    CHECK(statusOfChangeType("") == std::nullopt);
    for (MemberStatus s : kAllStatuses)
        if (!statusChangeType(s).empty()) CHECK(statusOfChangeType(statusChangeType(s)) == s);
}
