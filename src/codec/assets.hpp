#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/outreach.hpp"
#include "core/population.hpp"
#include "core/premiums.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"

namespace pekon {

inline constexpr size_t kMaxInputBytes = size_t{64} << 20;

// Reads a whole file (or a stream) of at most `limit` bytes. Error codes `file_unreadable`
// (missing, a folder, a read error) and `file_too_large`, naming it.
Result<std::string> readFile(const std::string& path, size_t limit = kMaxInputBytes);
Result<std::string> readStream(std::istream& in, const std::string& name,
                               size_t limit = kMaxInputBytes);

// The reference data Pekon runs on, loaded from an assets folder:
// regions/*.csv, premiums.json, i18n/{id,en}.json, materials/materials.json (the outreach
// sessions' materials) and quiz/jkn_basics.json (their pre/post quiz).
struct Assets {
    RegionTable regions;
    PremiumTable premiums;
    Catalog catalog;
    std::vector<MaterialTopic> materials;
    Quiz quiz;
};

Result<RegionTable> loadRegions(const std::string& assets_dir);
// regions/population.csv (the official totals per province and regency).
Result<PopulationFile> loadPopulation(const std::string& assets_dir);
Result<PremiumTable> loadPremiums(const std::string& assets_dir);
Result<Catalog> loadCatalog(const std::string& assets_dir);
Result<std::vector<MaterialTopic>> loadMaterials(const std::string& assets_dir);
Result<Quiz> loadQuiz(const std::string& assets_dir);
Result<Assets> loadAssets(const std::string& assets_dir);

}  // namespace pekon
