#include "core/regions.hpp"

#include <algorithm>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

Error tableError(std::string_view table, size_t line, std::string_view why_id,
                 std::string_view why_en) {
    const std::string n = std::to_string(line);
    return Error{
        "region_table_invalid",
        "Tabel wilayah " + std::string(table) + " rusak di baris " + n + ": " + std::string(why_id),
        "Region table " + std::string(table) + " is broken at line " + n + ": " +
            std::string(why_en)};
}

// A code of `parts` dot-separated groups of digits: "18", "18.06", "18.06.01", "18.06.01.2016".
bool isRegionCode(std::string_view code, int parts) {
    static constexpr size_t kWidth[] = {2, 2, 2, 4};
    size_t pos = 0;
    for (int i = 0; i < parts; ++i) {
        if (i > 0) {
            if (pos >= code.size() || code[pos] != '.') return false;
            ++pos;
        }
        if (!isAllDigits(code.substr(pos, kWidth[i])) ||
            code.substr(pos, kWidth[i]).size() != kWidth[i])
            return false;
        pos += kWidth[i];
    }
    return pos == code.size();
}

Status loadPairs(std::string_view csv, std::string_view table, int parts,
                 std::map<std::string, Region, std::less<>>& into) {
    auto rows = parseCsv(csv);
    if (!rows) return rows.error();
    for (size_t i = 1; i < rows->size(); ++i) {
        const CsvRow& row = (*rows)[i];
        if (row.size() != 2) return tableError(table, i + 1, "harus 2 kolom", "expected 2 columns");
        if (!isRegionCode(row[0], parts))
            return tableError(table, i + 1, "kode tidak valid", "invalid code");
        into.emplace(row[0], Region{row[0], row[1]});
    }
    if (into.empty()) return tableError(table, 1, "tabel kosong", "the table is empty");
    return {};
}

template <class Map>
const typename Map::mapped_type* find(const Map& map, std::string_view code) {
    auto it = map.find(code);
    return it == map.end() ? nullptr : &it->second;
}

}  // namespace

Result<RegionTable> RegionTable::fromCsv(std::string_view provinces, std::string_view regencies,
                                         std::string_view districts, std::string_view villages) {
    RegionTable t;
    if (auto s = loadPairs(provinces, "provinces", 1, t.provinces_); !s) return s.error();
    if (auto s = loadPairs(regencies, "regencies", 2, t.regencies_); !s) return s.error();
    if (auto s = loadPairs(districts, "districts", 3, t.districts_); !s) return s.error();
    auto rows = parseCsv(villages);
    if (!rows) return rows.error();
    for (size_t i = 1; i < rows->size(); ++i) {
        const CsvRow& row = (*rows)[i];
        if (row.size() != 3)
            return tableError("villages", i + 1, "harus 3 kolom", "expected 3 columns");
        if (!isRegionCode(row[0], 4) || !isRegionCode(row[1], 3) ||
            row[0].compare(0, row[1].size(), row[1]) != 0)
            return tableError("villages", i + 1, "kode tidak valid", "invalid code");
        t.villages_.emplace(row[0], Village{row[0], row[1], row[2], searchKey(row[2])});
    }
    return t;
}

const Region* RegionTable::province(std::string_view code) const {
    return find(provinces_, code);
}
const Region* RegionTable::regency(std::string_view code) const {
    return find(regencies_, code);
}
const Region* RegionTable::district(std::string_view code) const {
    return find(districts_, code);
}
const Village* RegionTable::village(std::string_view code) const {
    return find(villages_, code);
}

std::vector<const Region*> RegionTable::districtsOf(std::string_view regency_code) const {
    std::vector<const Region*> out;
    const std::string prefix = std::string(regency_code) + ".";
    for (auto it = districts_.lower_bound(prefix);
         it != districts_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        out.push_back(&it->second);
    }
    return out;
}

std::vector<const Village*> RegionTable::villagesOf(std::string_view district_code) const {
    std::vector<const Village*> out;
    for (const auto& [code, v] : villages_) {
        if (v.district_code == district_code) out.push_back(&v);
    }
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name < b->name; });
    return out;
}

std::vector<const Village*> RegionTable::searchVillages(std::string_view query,
                                                        std::string_view district_code,
                                                        size_t limit) const {
    const std::string key = searchKey(query);
    std::vector<const Village*> starts, words;
    for (const auto& [code, v] : villages_) {
        if (!district_code.empty() && v.district_code != district_code) continue;
        if (v.search_key.compare(0, key.size(), key) == 0) {
            starts.push_back(&v);
            continue;
        }
        // A later word of the name: "ratu" finds "Negeri Ratu".
        for (size_t pos = v.name.find(' '); pos != std::string::npos;
             pos = v.name.find(' ', pos + 1)) {
            if (searchKey(std::string_view(v.name).substr(pos + 1)).compare(0, key.size(), key) ==
                0) {
                words.push_back(&v);
                break;
            }
        }
    }
    auto byName = [](const Village* a, const Village* b) {
        return a->search_key != b->search_key ? a->search_key < b->search_key : a->code < b->code;
    };
    std::sort(starts.begin(), starts.end(), byName);
    std::sort(words.begin(), words.end(), byName);
    starts.insert(starts.end(), words.begin(), words.end());
    if (starts.size() > limit) starts.resize(limit);
    return starts;
}

Result<RegionOfIssue> RegionTable::decodePrefix(std::string_view six, std::string_view prefix,
                                                std::vector<Warning>& warnings) const {
    const std::string p = std::string(prefix);
    if (six.size() != 6 || !isAllDigits(six))
        return Error{p + "_region_invalid", "Kode wilayah harus 6 digit.",
                     "A region code has 6 digits."};
    const std::string pc(six.substr(0, 2));
    const std::string rc = pc + "." + std::string(six.substr(2, 2));
    const std::string dc = rc + "." + std::string(six.substr(4, 2));
    const Region* prov = province(pc);
    if (!prov) {
        return Error{p + "_province_unknown",
                     "Kode provinsi " + pc + " tidak ada; periksa dua digit pertama.",
                     "Province code " + pc + " does not exist; check the first two digits."};
    }
    RegionOfIssue out{*prov, std::nullopt, std::nullopt};
    if (const Region* reg = regency(rc)) {
        out.regency = *reg;
        if (const Region* dis = district(dc)) {
            out.district = *dis;
        } else {
            warnings.push_back(
                {p + "_district_unknown",
                 "Kode kecamatan " + dc +
                     " tidak ada di tabel Kemendagri (mungkin wilayah lama atau pemekaran).",
                 "Kecamatan code " + dc +
                     " is not in the Kemendagri table (perhaps an old or split region)."});
        }
    } else {
        warnings.push_back(
            {p + "_regency_unknown",
             "Kode kabupaten/kota " + rc +
                 " tidak ada di tabel Kemendagri (mungkin wilayah lama atau pemekaran).",
             "Regency code " + rc +
                 " is not in the Kemendagri table (perhaps an old or split region)."});
    }
    return out;
}

}  // namespace pekon
