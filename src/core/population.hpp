#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/result.hpp"

namespace pekon {

// Population figures per region, which the office's coverage is measured against: a CSV with
// a `code` column (a Kemendagri code: regency 18.06, kecamatan 18.06.01 or village
// 18.06.01.2016) and a `population` column, as the office enters them for `pekon-hub population
// import`; or the regions asset (assets/regions/population.csv), whose `total` column is read
// in its place. Other columns are ignored.
struct PopulationRow {
    int line = 0;  // in the file (the header is line 1)
    std::string code;
    std::int64_t population = 0;
};

struct PopulationFile {
    std::vector<PopulationRow> rows;              // the good rows, a code at most once
    std::vector<std::pair<int, Error>> problems;  // line and reason of each bad row
};

inline constexpr std::int64_t kMaxPopulation = 1'000'000'000;

// Errors only when the file as a whole cannot be read (broken CSV, no code or population
// column); a bad row (a malformed code, a count that is not a whole number from 0 to
// kMaxPopulation, a code given twice) is a problem of its own.
Result<PopulationFile> parsePopulationCsv(std::string_view text);

// The figure for `code`, or nullopt.
std::optional<std::int64_t> populationOf(const PopulationFile& file, std::string_view code);

}  // namespace pekon
