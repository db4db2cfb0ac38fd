#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/result.hpp"

namespace pekon {

// A Kemendagri region: province "18", regency "18.06", kecamatan "18.06.01",
// village "18.06.01.2016". Never BPS codes.
struct Region {
    std::string code;
    std::string name;
};

struct Village {
    std::string code;
    std::string district_code;
    std::string name;
    std::string search_key;  // searchKey(name)
};

// The region part of a NIK or KK number (its first six digits), decoded against the table.
// The province must exist; an unknown regency or kecamatan is a warning, since people move
// and regions are split.
struct RegionOfIssue {
    Region province;
    std::optional<Region> regency;
    std::optional<Region> district;
};

class RegionTable {
  public:
    // Builds the table from the CSV texts of assets/regions (header line first):
    // provinces/regencies/districts "code,name", villages "code,district_code,name".
    static Result<RegionTable> fromCsv(std::string_view provinces, std::string_view regencies,
                                       std::string_view districts, std::string_view villages);

    const Region* province(std::string_view code) const;
    const Region* regency(std::string_view code) const;
    const Region* district(std::string_view code) const;
    const Village* village(std::string_view code) const;

    std::vector<const Region*> districtsOf(std::string_view regency_code) const;
    std::vector<const Village*> villagesOf(std::string_view district_code) const;

    // Villages whose name starts with `query`, ignoring case and spaces ("negeri r" finds
    // "Negeri Ratu"), then those with a later word starting with it; each group by name.
    // An empty query lists all. `district_code` empty means every kecamatan.
    std::vector<const Village*> searchVillages(std::string_view query,
                                               std::string_view district_code = {},
                                               size_t limit = 50) const;

    // Decodes six digits "PPKKCC". Fails (code `<prefix>_province_unknown`) only when the
    // province does not exist; adds `<prefix>_regency_unknown` / `<prefix>_district_unknown`
    // warnings otherwise.
    Result<RegionOfIssue> decodePrefix(std::string_view six_digits, std::string_view prefix,
                                       std::vector<Warning>& warnings) const;

    size_t provinceCount() const { return provinces_.size(); }
    size_t regencyCount() const { return regencies_.size(); }
    size_t districtCount() const { return districts_.size(); }
    size_t villageCount() const { return villages_.size(); }

  private:
    std::map<std::string, Region, std::less<>> provinces_;
    std::map<std::string, Region, std::less<>> regencies_;
    std::map<std::string, Region, std::less<>> districts_;
    std::map<std::string, Village, std::less<>> villages_;
};

}  // namespace pekon
