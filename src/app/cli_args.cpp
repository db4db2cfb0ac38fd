#include "app/cli_args.hpp"

namespace pekon::cli {

std::optional<std::string> Args::option(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

Args parseArgs(const std::vector<std::string>& words, const std::set<std::string>& valued,
               const std::set<std::string>& switches) {
    Args args;
    bool options_done = false;
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (options_done || w.size() < 3 || w.compare(0, 2, "--") != 0) {
            if (w == "--" && !options_done) {
                options_done = true;
                continue;
            }
            args.positional.push_back(w);
            continue;
        }
        std::string name = w.substr(2);
        std::optional<std::string> value;
        if (const size_t eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        }
        if (switches.count(name)) {
            if (value && args.problem.empty()) args.problem = "--" + name;
            args.flags.insert(name);
        } else if (valued.count(name)) {
            if (!value) {
                // A value never starts with "--": "--csv --db X" is a missing value.
                if (i + 1 >= words.size() || words[i + 1].rfind("--", 0) == 0) {
                    if (args.problem.empty()) args.problem = "--" + name;
                    continue;
                }
                value = words[++i];
            }
            args.options[name] = *value;
        } else if (args.problem.empty()) {
            args.problem = "--" + name;
        }
    }
    return args;
}

}  // namespace pekon::cli
