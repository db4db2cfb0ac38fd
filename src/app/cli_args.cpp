#include "app/cli_args.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>

namespace pekon::cli {

namespace {

// "--name=value" -> "--name"; anything else as it is.
std::string optionKey(const std::string& word) {
    return word.substr(0, word.find('='));
}

bool looksLikeOption(const std::string& word) {
    return word.size() >= 3 && word.compare(0, 2, "--") == 0;
}

}  // namespace

std::optional<std::string> Args::option(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

Args parseArgs(const std::vector<std::string>& words, const std::set<std::string>& valued,
               const std::set<std::string>& switches) {
    // CLI11 splits the line; what it leaves over (remaining()) is the positional words and the
    // unknown options, in order, and "--" where the options end. Pekon's own rules on top:
    // a value never starts with "--" ("--csv --db X" is a missing value), a switch takes no
    // "=value", and the problem reported is the first in the line.
    CLI::App app{"pekon", "pekon"};
    app.set_help_flag();  // help is Pekon's own text, in the user's language
    app.allow_extras();
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    std::map<std::string, CLI::Option*> by_name;
    for (const std::string& name : valued) by_name[name] = app.add_option("--" + name);
    for (const std::string& name : switches) by_name[name] = app.add_flag("--" + name);

    std::set<std::string> problems;  // "--name" of each wrong option
    std::vector<std::string> line;   // reversed, as CLI11 wants it
    bool options_done = false;
    for (const std::string& w : words) {
        options_done = options_done || w == "--";
        const std::string key = optionKey(w);
        const bool known =
            !options_done && looksLikeOption(w) && key != w && by_name.count(key.substr(2));
        if (known && switches.count(key.substr(2))) {
            problems.insert(key);  // "--help=1"
        } else if (known && w.size() == key.size() + 1) {
            // "--sex=": an empty value (CLI11 reads it as none).
            line.push_back(key);
            line.push_back("");
            continue;
        }
        line.push_back(w);
    }
    std::reverse(line.begin(), line.end());

    Args args;
    try {
        app.parse(line);
    } catch (const CLI::ParseError&) {
        // The only failure left: the last word is an option that wants a value.
        problems.insert(optionKey(words.back()));
    }
    for (const auto& [name, opt] : by_name) {
        if (opt->count() == 0) continue;
        if (switches.count(name)) {
            args.flags.insert(name);
            continue;
        }
        const auto& values = opt->results();
        if (std::any_of(values.begin(), values.end(),
                        [](const std::string& v) { return v.rfind("--", 0) == 0; }))
            problems.insert("--" + name);
        else
            args.options[name] = values.back();
    }
    options_done = false;
    for (const std::string& w : app.remaining()) {
        if (!options_done && w == "--") {
            options_done = true;
        } else if (!options_done && looksLikeOption(w)) {
            problems.insert(optionKey(w));
        } else {
            args.positional.push_back(w);
        }
    }
    // The first wrong option of the line.
    options_done = false;
    for (const std::string& w : words) {
        options_done = options_done || w == "--";
        if (!options_done && problems.count(optionKey(w))) {
            args.problem = optionKey(w);
            break;
        }
    }
    return args;
}

}  // namespace pekon::cli
