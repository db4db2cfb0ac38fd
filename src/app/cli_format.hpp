#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/cli_env.hpp"
#include "codec/json.hpp"
#include "core/premiums.hpp"
#include "store/households.hpp"

namespace pekon::cli {

// A plain text table with columns padded to their widest cell (counting UTF-8 characters).
class Table {
  public:
    explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void print(std::ostream& out) const;

  private:
    std::vector<std::vector<std::string>> rows_;
};

// "Negeri Ratu, Kota Agung" or the code when unknown.
std::string villageName(const RegionTable& regions, const std::string& village_code);

OrderedJson summaryJson(const HouseholdSummary& summary, const RegionTable& regions);
// A household with its members, statuses and monthly premium, as text or JSON.
void printHousehold(CliEnv& env, const HouseholdDetail& detail, const Assets& assets);

}  // namespace pekon::cli
