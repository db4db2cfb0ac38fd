#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

// The p-th percentile (0..1) of samples, nearest rank: the benchmarks' medians and tails.
inline double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1,
                      static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

// A benchmark's command line, option by option: `take(option, value)` for each argument, where
// `value()` reads the one after it. `take` returns false for an option it does not know; then,
// or when a value is missing, `usage` is printed and the program exits with 2.
template <typename Take>
void readOptions(int argc, char** argv, const char* usage, Take take) {
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "missing value for %s\nusage: %s\n", option.c_str(), usage);
                std::exit(2);
            }
            return argv[++i];
        };
        if (!take(option, value)) {
            std::fprintf(stderr, "unknown option %s\nusage: %s\n", option.c_str(), usage);
            std::exit(2);
        }
    }
}
