#include "core/population.hpp"

#include <algorithm>
#include <set>

#include "core/csv.hpp"

namespace pekon {

namespace {

Error rowError(const char* code, const std::string& id, const std::string& en) {
    return Error{code, id, en};
}

// "18", "18.06", "18.06.01" or "18.06.01.2016": two-digit parts, a four-digit village part.
bool isRegionCode(std::string_view code) {
    size_t part = 0, at = 0;
    while (at <= code.size()) {
        const size_t end = std::min(code.find('.', at), code.size());
        const size_t width = end - at;
        const size_t want = part < 3 ? 2 : 4;
        if (part > 3 || width != want) return false;
        for (size_t i = at; i < end; ++i)
            if (code[i] < '0' || code[i] > '9') return false;
        ++part;
        at = end + 1;
    }
    return part >= 1;
}

std::optional<std::int64_t> wholeNumber(std::string_view text) {
    if (text.empty() || text.size() > 10) return std::nullopt;
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value > kMaxPopulation) return std::nullopt;
    return value;
}

}  // namespace

Result<PopulationFile> parsePopulationCsv(std::string_view text) {
    auto table = parseCsv(text);
    if (!table) return table.error();
    if (table->empty())
        return Error{"population_empty", "Berkas penduduk kosong.", "The population file is empty."};
    const CsvRow& header = table->front();
    auto column = [&](std::string_view name) -> std::optional<size_t> {
        for (size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return i;
        return std::nullopt;
    };
    const auto code_at = column("code");
    auto count_at = column("population");
    if (!count_at) count_at = column("total");
    if (!code_at || !count_at)
        return Error{"population_header",
                     "Baris pertama harus memuat kolom code dan population.",
                     "The first line must name the columns code and population."};
    PopulationFile out;
    std::set<std::string, std::less<>> seen;
    for (size_t i = 1; i < table->size(); ++i) {
        const CsvRow& row = (*table)[i];
        const int line = static_cast<int>(i + 1);
        if (row.size() <= std::max(*code_at, *count_at)) {
            out.problems.push_back({line, rowError("population_columns",
                                                   "Baris ini kurang kolom.",
                                                   "This line has too few columns.")});
            continue;
        }
        const std::string& code = row[*code_at];
        if (code == "0") continue;  // the asset's national line
        if (!isRegionCode(code)) {
            out.problems.push_back(
                {line, rowError("population_code",
                                "Kode wilayah tidak sah (contoh: 18.06.01 atau 18.06.01.2016).",
                                "Not a region code (for example 18.06.01 or 18.06.01.2016).")});
            continue;
        }
        const auto count = wholeNumber(row[*count_at]);
        if (!count) {
            out.problems.push_back(
                {line, rowError("population_count",
                                "Jumlah penduduk harus bilangan bulat 0 sampai 1.000.000.000.",
                                "The population must be a whole number from 0 to 1,000,000,000.")});
            continue;
        }
        if (!seen.insert(code).second) {
            out.problems.push_back({line, rowError("population_repeated",
                                                   "Kode wilayah ini sudah ada di baris lain.",
                                                   "This region code is on another line too.")});
            continue;
        }
        out.rows.push_back({line, code, *count});
    }
    return out;
}

std::optional<std::int64_t> populationOf(const PopulationFile& file, std::string_view code) {
    for (const PopulationRow& row : file.rows)
        if (row.code == code) return row.population;
    return std::nullopt;
}

}  // namespace pekon
