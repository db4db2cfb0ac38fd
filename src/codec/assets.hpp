#pragma once

#include <string>

#include "core/catalog.hpp"
#include "core/premiums.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"

namespace pekon {

// Reads a whole file. Error code `file_unreadable` naming the path.
Result<std::string> readFile(const std::string& path);

// The reference data Pekon runs on, loaded from an assets folder:
// regions/*.csv, premiums.json, i18n/{id,en}.json.
struct Assets {
    RegionTable regions;
    PremiumTable premiums;
    Catalog catalog;
};

Result<RegionTable> loadRegions(const std::string& assets_dir);
Result<PremiumTable> loadPremiums(const std::string& assets_dir);
Result<Catalog> loadCatalog(const std::string& assets_dir);
Result<Assets> loadAssets(const std::string& assets_dir);

}  // namespace pekon
