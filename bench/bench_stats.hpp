#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

// The p-th percentile (0..1) of samples, nearest rank: the benchmarks' medians and tails.
inline double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1,
                      static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}
