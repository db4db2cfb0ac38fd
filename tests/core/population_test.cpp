#include "core/population.hpp"

#include <catch2/catch.hpp>

using namespace pekon;

TEST_CASE("population: the office's figures, line by line", "[unit][population]") {
    auto file = parsePopulationCsv(
        "code,population\n"
        "18.06.01,52310\n"
        "18.06.01.2016,1804\r\n"
        "18.6.01,100\n"          // malformed code
        "18.06.02,-5\n"          // not a whole number
        "18.06.03,1000000001\n"  // too many
        "18.06.01,1\n"           // given twice
        "18.06.04\n"             // too few columns
        "18.06.05,\"7\"\n");
    REQUIRE(file);
    REQUIRE(file->rows.size() == 3);
    CHECK(file->rows[0].code == "18.06.01");
    CHECK(file->rows[0].population == 52310);
    CHECK(file->rows[1].line == 3);
    CHECK(*populationOf(*file, "18.06.05") == 7);
    CHECK_FALSE(populationOf(*file, "18.06.02"));
    REQUIRE(file->problems.size() == 5);
    CHECK(file->problems[0] == std::pair{4, file->problems[0].second});
    CHECK(file->problems[0].second.code == "population_code");
    CHECK(file->problems[1].second.code == "population_count");
    CHECK(file->problems[2].second.code == "population_count");
    CHECK(file->problems[3].second.code == "population_repeated");
    CHECK(file->problems[4].second.code == "population_columns");
    for (const auto& [line, e] : file->problems) {
        CHECK_FALSE(e.message_id.empty());
        CHECK_FALSE(e.message_en.empty());
    }
}

TEST_CASE("population: the regions asset's totals, and files that cannot be read",
          "[unit][population]") {
    auto asset = parsePopulationCsv(
        "code,name,male,female,total\n0,INDONESIA,1,2,3\n18,Lampung,10,10,20\n"
        "18.06,Kabupaten Tanggamus,327000,314036,641036\n");
    REQUIRE(asset);
    CHECK(*populationOf(*asset, "18.06") == 641036);
    CHECK(*populationOf(*asset, "18") == 20);
    CHECK(asset->problems.empty());  // the national line is skipped, not a problem

    CHECK(parsePopulationCsv("").error().code == "population_empty");
    CHECK(parsePopulationCsv("kode,jumlah\n18.06,1\n").error().code == "population_header");
    CHECK_FALSE(parsePopulationCsv("code,population\n\"18.06,1\n"));  // broken quoting
}
