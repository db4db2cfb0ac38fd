#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pekon::cli {

// A command line split into positional words and `--name value` / `--name=value` options.
// Words that do not start with "--" are positional (so a NIK like "-123" stays one);
// "--" ends the options.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::set<std::string> flags;
    std::string problem;  // non-empty when the line could not be split (unknown option...)

    std::optional<std::string> option(const std::string& name) const;
    bool flag(const std::string& name) const { return flags.count(name) > 0; }
};

// `valued` are the options that take a value, `switches` those that do not.
Args parseArgs(const std::vector<std::string>& words, const std::set<std::string>& valued,
               const std::set<std::string>& switches);

}  // namespace pekon::cli
